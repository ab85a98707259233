import type { SignaalRow } from './signal-tables.js'
import { signaalUitleg } from './uitleg.js'

export const SIGNAAL_STATUSSEN = ['nieuw', 'terecht', 'onterecht', 'onbekend'] as const
/** `nieuw` until the afnemer reports back; then the outcome of its investigation. */
export type SignaalStatus = (typeof SIGNAAL_STATUSSEN)[number]
export const UITKOMSTEN = ['terecht', 'onterecht', 'onbekend'] as const
export type Uitkomst = (typeof UITKOMSTEN)[number]

/** A signal as the afnemer receives it (before the output guard). */
export interface Signaal extends Record<string, unknown> {
  readonly id: string
  readonly product: string
  readonly soort: string
  readonly bsn: string
  readonly periode: { readonly van: string; readonly tot: string | null }
  readonly bronnen: ReadonlyArray<{ readonly bron: string; readonly leveringId: string; readonly regel: number }>
  readonly regel: { readonly id: string; readonly versie: string }
  readonly uitleg: string
  readonly gegevens: Readonly<Record<string, unknown>>
  readonly aangemaakt: string
  readonly status: SignaalStatus
  readonly correctie: boolean
}

/** The afnemer's feedback on a signal. */
export interface Terugmelding {
  readonly uitkomst: Uitkomst
  readonly toelichting?: string | undefined
  /** Client or user id that reported back, and when. */
  readonly door: string
  readonly op: string
}

export function naarSignaal(r: Omit<SignaalRow, 'seq'>): Signaal {
  const periode = { van: r.periode_van, tot: r.periode_tot }
  const bronnen = JSON.parse(r.bronnen) as Signaal['bronnen']
  const regel = { id: r.regel_id, versie: r.regel_versie }
  const gegevens = JSON.parse(r.gegevens) as Record<string, unknown>
  return {
    id: r.id, product: r.product, soort: r.soort, bsn: r.bsn, periode, bronnen, regel,
    uitleg: signaalUitleg({ bsn: r.bsn, periode, bronnen, gegevens, regel, uitleg: r.uitleg }),
    gegevens,
    aangemaakt: r.aangemaakt,
    status: r.status as SignaalStatus,
    correctie: Number(r.correctie) === 1,
  }
}
