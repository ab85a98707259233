import type { CloudEvent } from 'cloudevents'
import type { Selectable } from 'kysely'
import type { SignaalRow } from '../signals/signal-tables.js'
import { signaalUitleg, type UitlegInvoer } from '../signals/uitleg.js'
import type { AbonnementInhoud } from './delivery-tables.js'
import { absoluut, afleverCloudEvent, type Zending } from './onderwerp.js'

/** The signal as an afnemer sees it (the same shape as `GET /api/v1/signalen/{id}`), before the output guard. */
export interface SignaalRecord extends Record<string, unknown> {
  readonly id: string
  readonly product: string
  readonly soort: string
  readonly bsn: string
  readonly periode: { readonly van: string; readonly tot: string | null }
  readonly bronnen: unknown
  readonly regel: { readonly id: string; readonly versie: string }
  readonly uitleg: string
  readonly gegevens: unknown
  readonly aangemaakt: string
  readonly status: string
  readonly correctie: boolean
}

/** Shapes a stored signal row into the record afnemers receive. */
export function signaalRecord(r: Selectable<SignaalRow>): SignaalRecord {
  const periode = { van: r.periode_van, tot: r.periode_tot }
  const bronnen = JSON.parse(r.bronnen) as UitlegInvoer['bronnen']
  const regel = { id: r.regel_id, versie: r.regel_versie }
  const gegevens = JSON.parse(r.gegevens) as Record<string, unknown>
  return {
    id: r.id, product: r.product, soort: r.soort, bsn: r.bsn, periode, bronnen, regel,
    uitleg: signaalUitleg({ bsn: r.bsn, periode, bronnen, gegevens, regel, uitleg: r.uitleg }), gegevens,
    aangemaakt: r.aangemaakt, status: r.status, correctie: r.correctie === 1,
  }
}

/**
 * What goes in `data`: the whole signal, or — for a subscription with `inhoud: verwijzing` — only the attributes
 * that identify no one, so the receiver fetches the rest through `dataref` with its own token.
 */
export function eventData(record: SignaalRecord, inhoud: AbonnementInhoud): Record<string, unknown> {
  if (inhoud === 'volledig') return record
  const { id, product, soort, aangemaakt } = record
  return { id, product, soort, aangemaakt }
}

/** The CloudEvents `type` of a new signal in a product, reverse-DNS: `nl.knooppunt.samenloop.signaal-aangemaakt`. */
export const signaalEventType = (product: string): string => `nl.knooppunt.${product}.signaal-aangemaakt`

export interface SignaalEventInput {
  /** The delivery id: stable across retries and resends, so a receiver de-duplicates on it. */
  readonly id: string
  readonly hubOin: string
  readonly publicUrl: string
  readonly signaal: Pick<SignaalRecord, 'id' | 'product' | 'aangemaakt'>
  /** Already passed through the output guard. */
  readonly data: Record<string, unknown>
}

/** The event parts of one signal: no context attribute carries personal data (`subject` is the signal id). */
export function signaalZending(publicUrl: string, signaal: Pick<SignaalRecord, 'id' | 'product' | 'aangemaakt'>, data: Record<string, unknown>): Omit<Zending, 'bsn'> {
  return {
    product: signaal.product, type: signaalEventType(signaal.product), subject: signaal.id, time: signaal.aangemaakt,
    dataref: absoluut(publicUrl, `/api/v1/signalen/${signaal.id}`), data,
  }
}

/** A CloudEvent 1.0 (structured JSON, NL GOV profile) for one new signal; `dataref` is the signal's API URL. */
export function signaalCloudEvent(input: SignaalEventInput): CloudEvent<Record<string, unknown>> {
  return afleverCloudEvent(input.id, input.hubOin, signaalZending(input.publicUrl, input.signaal, input.data))
}
