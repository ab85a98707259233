import { CloudEvent } from 'cloudevents'
import type { HubContext } from '../../adapters/http/hub-context.js'
import type { Bsn, TraceContext } from '../../core/index.js'
import type { Verwerking } from '../ledger/index.js'
import { activiteitVoor, guardOutput } from '../register/index.js'
import type { AbonnementRow, DoodReden, OnderwerpSoort } from './delivery-tables.js'
import type { ResolvedDeliveryOptions } from './delivery-options.js'
import type { ToegangVan } from './toegang-cache.js'

/** The parts of one CloudEvent, before the output guard; everything else about a delivery is the same for every kind. */
export interface Zending {
  /** The product whose register entry guards `data` and whose taking is re-checked. */
  readonly product: string
  readonly type: string
  /** Never personal data (NL GOV profile). */
  readonly subject: string
  readonly time: string
  /** Absolute URL where the afnemer reads the details with its own token. */
  readonly dataref: string
  readonly data: Record<string, unknown>
  /** The resident whose data `data` may carry: a ledger line before every send whose guarded data still holds the BSN. */
  readonly bsn?: string
}

/** One thing that may be delivered, loaded for a batch of claimed deliveries. */
export interface Afleverbaar {
  /** The organisation it is for; a subscription of another organisation never receives it. */
  readonly oin: string
  readonly product: string
  /** Its kind within the product (signal kind, or e.g. `overzicht-gewijzigd`): what a subscription's `soorten` filter on. */
  readonly soort: string
  /** A re-check beyond subscription and product, at send time (a signal: the BSN still in the population). */
  nogToegestaan?(ctx: HubContext, abonnement: AbonnementRow, opts: ResolvedDeliveryOptions): Promise<boolean>
  zending(abonnement: AbonnementRow, opts: ResolvedDeliveryOptions): Zending
}

/**
 * What is delivered, as a strategy: the worker, retries, signing, attempts, dead letters and resend are shared; a
 * kind only says how to load its subjects and shape their event.
 */
export interface OnderwerpStrategie {
  readonly soort: OnderwerpSoort
  /** The dead-letter reason when the subject no longer exists (retention ran before the send). */
  readonly verdwenen: DoodReden
  laad(ctx: HubContext, ids: readonly string[]): Promise<Map<string, Afleverbaar>>
}

/** The NL GOV CloudEvents `source` of the hub: `urn:nld:oin:<OIN>:systeem:knooppunt`. */
export const hubSource = (hubOin: string): string => `urn:nld:oin:${hubOin}:systeem:knooppunt`

/** `publicUrl` + path, without a doubled slash. */
export const absoluut = (publicUrl: string, path: string): string => `${publicUrl.replace(/\/+$/, '')}${path}`

/**
 * A CloudEvent 1.0 (structured JSON, NL GOV profile) for one delivery. `id` is the delivery id, stable across retries
 * and resends, so a receiver de-duplicates on it. The `cloudevents` package validates strictly, so a malformed
 * attribute fails here instead of at the receiver.
 */
export function afleverCloudEvent(id: string, hubOin: string, z: Omit<Zending, 'product' | 'bsn'>): CloudEvent<Record<string, unknown>> {
  return new CloudEvent<Record<string, unknown>>({
    specversion: '1.0', id, source: hubSource(hubOin), type: z.type, subject: z.subject, time: z.time,
    datacontenttype: 'application/json', dataref: z.dataref, data: z.data,
  }, true)
}

/** One send's content after the output guard: what is sent, what the guard removed, and the BSN it carries (if any). */
export interface Pakket {
  readonly zending: Zending
  readonly data: Record<string, unknown>
  readonly verwijderd: readonly string[]
  /** Set when the guarded data still holds the BSN: such a send needs a ledger line before it leaves. */
  readonly bsn: string | undefined
}

/**
 * The decision for one subject on one subscription, now: a dead-letter reason (the re-check of `waaromNietAfleveren`,
 * or an organisation that no longer exists), or what goes out, shaped and guarded for the receiving organisation. The
 * planner (the ledger line of the first send) and the worker (the send) both ask this, so they agree on whether a
 * delivery goes out and whether it carries a BSN.
 */
export async function beoordeel(
  ctx: HubContext, abonnement: AbonnementRow, item: Afleverbaar, opts: ResolvedDeliveryOptions, toegang: ToegangVan,
): Promise<{ readonly weigering: DoodReden } | { readonly pakket: Pakket }> {
  // The re-check and the organisation at once (each may be a round trip); both must pass.
  const [weigering, organisatie] = await Promise.all([
    waaromNietAfleveren(ctx, abonnement, item, opts, (oin) => toegang(oin).producten), toegang(abonnement.oin).organisatie,
  ])
  if (weigering || !organisatie) return { weigering: weigering ?? 'toegang-vervallen' }
  const zending = item.zending(abonnement, opts)
  const guarded = guardOutput(ctx.register, zending.product, organisatie.soort, zending.data)
  const bsn = zending.bsn !== undefined && 'bsn' in guarded.record ? zending.bsn : undefined
  return { pakket: { zending, data: guarded.record, verwijderd: guarded.verwijderd, bsn } }
}

/** The ledger line of one send that carries a BSN (`pakket.bsn`), on behalf of the subscribing organisation. */
export function afleverRegel(ctx: HubContext, pakket: Pakket, oin: string, trace: TraceContext): Verwerking {
  const { product } = pakket.zending
  return {
    trace, activiteit: 'webhook-afleveren', verwerkingsactiviteit: activiteitVoor(ctx.register.requireProduct(product), 'leveren'),
    product, betrokkene: pakket.bsn as Bsn, actorOin: oin, gestart: ctx.clock.now(), status: 'ok',
  }
}

/**
 * Why a subject may not go out on this subscription now, or undefined when it may (blueprint §6: authorisation is
 * re-checked at delivery time): the subscription was cancelled; it is for another organisation; the subscription
 * does not list the product; the organisation no longer takes it (today, on the hub's clock); or the kind's own check.
 */
async function waaromNietAfleveren(
  ctx: HubContext, abonnement: AbonnementRow, item: Afleverbaar, opts: ResolvedDeliveryOptions,
  productenVan: (oin: string) => Promise<readonly string[]>,
): Promise<DoodReden | undefined> {
  if (abonnement.opgezegd) return 'abonnement-opgezegd'
  if (item.oin !== abonnement.oin) return 'toegang-vervallen'
  if (!(JSON.parse(abonnement.producten) as string[]).includes(item.product)) return 'toegang-vervallen'
  // Both reads at once (each is a round trip on PostgreSQL); both must pass.
  const [producten, toegestaan] = await Promise.all([productenVan(abonnement.oin), item.nogToegestaan?.(ctx, abonnement, opts) ?? true])
  if (!producten.includes(item.product) || !toegestaan) return 'toegang-vervallen'
  return undefined
}
