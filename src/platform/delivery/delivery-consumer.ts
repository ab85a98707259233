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

/**
 * Turns a new signal into one delivery per matching active subscription of the signal's organisation. The unique
 * key (subscription, subject) makes a redelivered event harmless: at least once in, exactly one delivery out.
 */
export async function planAfleveringen(ctx: HubContext, event: HubEvent): Promise<number> {
  const { signaalId, oin, product, soort } = event.data as SignaalAangemaakt
  return voegAfleveringenToe(ctx, await passendeAbonnementen(ctx, { oin, product, soort }), 'signaal', signaalId)
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
  return voegAfleveringenToe(ctx, abonnementen, 'gebeurtenis', id)
}

/** Active subscriptions of the organisation that list the product and (when they filter) the kind. */
async function passendeAbonnementen(ctx: HubContext, doel: Doel): Promise<string[]> {
  const abonnementen = await ctx.database.db.selectFrom('abonnementen').select(['id', 'producten', 'soorten'])
    .where('oin', '=', doel.oin).where('opgezegd', 'is', null).execute()
  return abonnementen.filter((a) => (JSON.parse(a.producten) as string[]).includes(doel.product)
    && (a.soorten === null || (JSON.parse(a.soorten) as string[]).includes(doel.soort))).map((a) => a.id)
}

async function voegAfleveringenToe(ctx: HubContext, abonnementen: readonly string[], onderwerp: OnderwerpSoort, id: string): Promise<number> {
  if (abonnementen.length === 0) return 0
  const now = ctx.clock.now().toISOString()
  const r = await ctx.database.db.insertInto('afleveringen').values(abonnementen.map((abonnementId) => ({
    id: newId(), abonnement_id: abonnementId, signaal_id: id, onderwerp, status: 'wachtend' as const, pogingen: 0,
    volgende_poging: now, aangemaakt: now, afgeleverd: null, reden: null,
  }))).onConflict((oc) => oc.columns(['abonnement_id', 'signaal_id']).doNothing()).executeTakeFirst()
  return Number(r.numInsertedOrUpdatedRows ?? 0)
}
