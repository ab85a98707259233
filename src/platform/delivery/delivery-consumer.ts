import type { HubContext } from '../../adapters/http/hub-context.js'
import { newId, newSpanId, newTraceId } from '../../core/index.js'
import type { HubEvent } from '../events/index.js'
import type { Verwerking } from '../ledger/index.js'
import type { Executor } from '../tables.js'
import type { ResolvedDeliveryOptions } from './delivery-options.js'
import type { AbonnementRow, OnderwerpSoort } from './delivery-tables.js'
import { MELDINGEN } from './gebeurtenis-meldingen.js'
import { afleverRegel, beoordeel } from './onderwerp.js'
import { signaalOnderwerp } from './signaal-onderwerp.js'
import { perBeurt, type ToegangVan } from './toegang-cache.js'

/** The signal store's event (no BSN); see src/platform/events/event-types.ts. */
export const SIGNAAL_AANGEMAAKT = 'knooppunt.signaal.aangemaakt.v1'
/** Durable consumer names on both buses (one per event family, so adding one does not change the other's filter). */
export const CONSUMER_NAME = 'webhook-afleveringen'
export const GEBEURTENIS_CONSUMER_NAME = 'webhook-gebeurtenissen'
/** The internal events that become notices to subscribers. */
export const GEBEURTENIS_TYPES: readonly string[] = Object.keys(MELDINGEN)

interface SignaalAangemaakt { signaalId: string; oin: string; product: string; soort: string }
interface Doel { readonly oin: string; readonly product: string; readonly soort: string }

/** Signal events per planning turn. */
export const PLANNING_BATCH = 200

/**
 * Turns new signals into one delivery per matching active subscription of each signal's organisation: one
 * subscription query, one signal query and one insert for every signal event of the turn. The unique key (subscription, subject) makes
 * a redelivered event harmless: at least once in, exactly one delivery out.
 *
 * Fail closed: a delivery whose first send will carry a BSN gets that send's ledger line in the same transaction as
 * the delivery itself (one ledger append per turn). When the line cannot be written, no delivery exists, nothing is
 * sent, and the bus hands the events again.
 */
export async function planAfleveringen(ctx: HubContext, events: HubEvent | readonly HubEvent[], opts: ResolvedDeliveryOptions, toegang: ToegangVan): Promise<number> {
  const signalen = (Array.isArray(events) ? events : [events] as const).map((e) => ({ ...(e.data as SignaalAangemaakt), traceId: e.traceId }))
  if (signalen.length === 0) return 0
  // Subscriptions and signals (with their population re-check) at once: each read is a round trip on PostgreSQL.
  // Organisations and their products come from the access cache the worker shares.
  const van = perBeurt(toegang)
  const [abonnementen, items] = await Promise.all([
    actieveAbonnementen(ctx, [...new Set(signalen.map((s) => s.oin))]),
    signaalOnderwerp.laad(ctx, [...new Set(signalen.map((s) => s.signaalId))]),
  ])
  const paren = signalen.flatMap((s) => passend(abonnementen, s).map((a) => ({ abonnement: a.rij, signaal: s })))
  if (paren.length === 0) return 0
  const rijen = await Promise.all(paren.map(async ({ abonnement, signaal }): Promise<NieuweAflevering> => {
    const item = items.get(signaal.signaalId)
    // The send-time decision, now too: a delivery the worker will refuse (or whose signal is already gone) gets no
    // line; it becomes a dead letter without a send.
    const oordeel = item ? await beoordeel(ctx, abonnement, item, opts, van) : undefined
    const pakket = oordeel && 'pakket' in oordeel ? oordeel.pakket : undefined
    const trace = { traceId: signaal.traceId ?? newTraceId(), spanId: newSpanId() }
    return { abonnementId: abonnement.id, id: signaal.signaalId, regel: pakket?.bsn === undefined ? undefined : afleverRegel(ctx, pakket, abonnement.oin, trace) }
  }))
  return voegAfleveringenToe(ctx, rijen, 'signaal')
}

/**
 * Turns an internal event into a notice (a `gebeurtenissen` row, only when some subscription wants it) and one
 * delivery per matching subscription. A redelivered event finds its notice by the event id: still one delivery.
 */
export async function planGebeurtenis(ctx: HubContext, event: HubEvent): Promise<number> {
  const melding = MELDINGEN[event.type]?.(event.data)
  if (!melding) return 0
  const abonnementen = await passendeAbonnementen(ctx, melding)
  if (abonnementen.length === 0) return 0
  const { db } = ctx.database
  await db.insertInto('gebeurtenissen').values({
    id: newId(), bron_event_id: event.id, oin: melding.oin, product: melding.product, soort: melding.soort,
    onderwerp: melding.onderwerp, dataref: melding.dataref, data: JSON.stringify(melding.data), aangemaakt: event.time,
  }).onConflict((oc) => oc.column('bron_event_id').doNothing()).execute()
  const { id } = await db.selectFrom('gebeurtenissen').select('id').where('bron_event_id', '=', event.id).executeTakeFirstOrThrow()
  return voegAfleveringenToe(ctx, abonnementen.map((abonnementId) => ({ abonnementId, id })), 'gebeurtenis')
}

interface Abonnement { readonly rij: AbonnementRow; readonly oin: string; readonly producten: readonly string[]; readonly soorten: readonly string[] | null }

/** The active subscriptions of these organisations, filters parsed. */
async function actieveAbonnementen(ctx: HubContext, oins: readonly string[]): Promise<Abonnement[]> {
  if (oins.length === 0) return []
  const rows = await ctx.database.db.selectFrom('abonnementen').selectAll().where('oin', 'in', oins).where('opgezegd', 'is', null).execute()
  return rows.map((a) => ({ rij: a, oin: a.oin, producten: JSON.parse(a.producten) as string[], soorten: a.soorten === null ? null : JSON.parse(a.soorten) as string[] }))
}

/** Those of the organisation that list the product and (when they filter) the kind. */
const passend = (abonnementen: readonly Abonnement[], doel: Doel): Abonnement[] =>
  abonnementen.filter((a) => a.oin === doel.oin && a.producten.includes(doel.product) && (a.soorten === null || a.soorten.includes(doel.soort)))

/** Active subscriptions of the organisation that list the product and (when they filter) the kind. */
async function passendeAbonnementen(ctx: HubContext, doel: Doel): Promise<string[]> {
  return passend(await actieveAbonnementen(ctx, [doel.oin]), doel).map((a) => a.rij.id)
}

interface NieuweAflevering {
  readonly abonnementId: string
  readonly id: string
  /** The ledger line of the first send, when it will carry a BSN. */
  readonly regel?: Verwerking | undefined
}

/**
 * Inserts the deliveries that do not exist yet and, in the same transaction, the ledger lines of the new ones' first
 * sends (a redelivered event inserts nothing, so it writes no second line).
 */
async function voegAfleveringenToe(ctx: HubContext, rijen: readonly NieuweAflevering[], onderwerp: OnderwerpSoort): Promise<number> {
  if (rijen.length === 0) return 0
  const now = ctx.clock.now().toISOString()
  const regels: Verwerking[] = []
  let aantal = 0
  // A transaction only when there are lines to write with the rows (notices and `verwijzing` events carry no BSN).
  const { db } = ctx.database
  const uitvoeren = rijen.some((r) => r.regel) ? (f: (tx: Executor) => Promise<void>) => db.transaction().execute(f) : (f: (tx: Executor) => Promise<void>) => f(db)
  await uitvoeren(async (tx) => {
    for (let i = 0; i < rijen.length; i += 500) {
      const deel = rijen.slice(i, i + 500)
      const nieuw = await tx.insertInto('afleveringen').values(deel.map(({ abonnementId, id, regel }) => ({
        id: newId(), abonnement_id: abonnementId, signaal_id: id, onderwerp, status: 'wachtend' as const, pogingen: 0,
        volgende_poging: now, aangemaakt: now, afgeleverd: null, reden: null, vooraf_vastgelegd: regel ? 1 : 0,
      }))).onConflict((oc) => oc.columns(['abonnement_id', 'signaal_id']).doNothing())
        .returning(['abonnement_id', 'signaal_id']).execute()
      const ingevoegd = new Set(nieuw.map((r) => `${r.abonnement_id}\u0000${r.signaal_id}`))
      // `delete`: an event handed twice in one turn gives two equal rows, one inserted, and one line.
      for (const r of deel) if (r.regel && ingevoegd.delete(`${r.abonnementId}\u0000${r.id}`)) regels.push(r.regel)
      aantal += nieuw.length
    }
    if (regels.length) await ctx.ledger.record(tx, regels)
  })
  for (const l of regels) ctx.metrics.ledgerLines.inc({ product: l.product })
  return aantal
}
