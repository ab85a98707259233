import type { HubContext } from '../../adapters/http/hub-context.js'
import { newId } from '../../core/index.js'
import type { HubEvent } from '../events/index.js'
import type { OnderwerpSoort } from './delivery-tables.js'
import { MELDINGEN } from './gebeurtenis-meldingen.js'

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
 * subscription query and one insert for every signal event of the turn. The unique key (subscription, subject) makes
 * a redelivered event harmless: at least once in, exactly one delivery out.
 */
export async function planAfleveringen(ctx: HubContext, events: HubEvent | readonly HubEvent[]): Promise<number> {
  const signalen = (Array.isArray(events) ? events : [events] as const).map((e) => e.data as SignaalAangemaakt)
  if (signalen.length === 0) return 0
  const abonnementen = await actieveAbonnementen(ctx, [...new Set(signalen.map((s) => s.oin))])
  const rijen = signalen.flatMap((s) => passend(abonnementen, s).map((abonnementId) => ({ abonnementId, id: s.signaalId })))
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

interface Abonnement { readonly id: string; readonly oin: string; readonly producten: readonly string[]; readonly soorten: readonly string[] | null }

/** The active subscriptions of these organisations, filters parsed. */
async function actieveAbonnementen(ctx: HubContext, oins: readonly string[]): Promise<Abonnement[]> {
  if (oins.length === 0) return []
  const rows = await ctx.database.db.selectFrom('abonnementen').select(['id', 'oin', 'producten', 'soorten'])
    .where('oin', 'in', oins).where('opgezegd', 'is', null).execute()
  return rows.map((a) => ({ id: a.id, oin: a.oin, producten: JSON.parse(a.producten) as string[], soorten: a.soorten === null ? null : JSON.parse(a.soorten) as string[] }))
}

/** Those of the organisation that list the product and (when they filter) the kind. */
const passend = (abonnementen: readonly Abonnement[], doel: Doel): string[] =>
  abonnementen.filter((a) => a.oin === doel.oin && a.producten.includes(doel.product) && (a.soorten === null || a.soorten.includes(doel.soort))).map((a) => a.id)

/** Active subscriptions of the organisation that list the product and (when they filter) the kind. */
async function passendeAbonnementen(ctx: HubContext, doel: Doel): Promise<string[]> {
  return passend(await actieveAbonnementen(ctx, [doel.oin]), doel)
}

async function voegAfleveringenToe(ctx: HubContext, rijen: ReadonlyArray<{ abonnementId: string; id: string }>, onderwerp: OnderwerpSoort): Promise<number> {
  if (rijen.length === 0) return 0
  const now = ctx.clock.now().toISOString()
  let aantal = 0
  for (let i = 0; i < rijen.length; i += 500) {
    const r = await ctx.database.db.insertInto('afleveringen').values(rijen.slice(i, i + 500).map(({ abonnementId, id }) => ({
      id: newId(), abonnement_id: abonnementId, signaal_id: id, onderwerp, status: 'wachtend' as const, pogingen: 0,
      volgende_poging: now, aangemaakt: now, afgeleverd: null, reden: null,
    }))).onConflict((oc) => oc.columns(['abonnement_id', 'signaal_id']).doNothing()).executeTakeFirst()
    aantal += Number(r.numInsertedOrUpdatedRows ?? 0)
  }
  return aantal
}
