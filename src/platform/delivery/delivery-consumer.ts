import type { HubContext } from '../../adapters/http/hub-context.js'
import { newId } from '../../core/index.js'
import type { HubEvent } from '../events/index.js'

/** The signal store's event (no BSN); see src/platform/events/event-types.ts. */
export const SIGNAAL_AANGEMAAKT = 'knooppunt.signaal.aangemaakt.v1'
/** Durable consumer name on both buses. */
export const CONSUMER_NAME = 'webhook-afleveringen'

interface SignaalAangemaakt { signaalId: string; oin: string; product: string; soort: string }

/**
 * Turns a new signal into one delivery per matching active subscription of the signal's organisation. The unique
 * key (subscription, signal) makes a redelivered event harmless: at least once in, exactly one delivery out.
 */
export async function planAfleveringen(ctx: HubContext, event: HubEvent): Promise<number> {
  const { signaalId, oin, product, soort } = event.data as SignaalAangemaakt
  const { db } = ctx.database
  const abonnementen = await db.selectFrom('abonnementen').select(['id', 'producten', 'soorten'])
    .where('oin', '=', oin).where('opgezegd', 'is', null).execute()
  const passend = abonnementen.filter((a) => (JSON.parse(a.producten) as string[]).includes(product)
    && (a.soorten === null || (JSON.parse(a.soorten) as string[]).includes(soort)))
  if (passend.length === 0) return 0
  const now = ctx.clock.now().toISOString()
  const r = await db.insertInto('afleveringen').values(passend.map((a) => ({
    id: newId(), abonnement_id: a.id, signaal_id: signaalId, status: 'wachtend' as const, pogingen: 0,
    volgende_poging: now, aangemaakt: now, afgeleverd: null, reden: null,
  }))).onConflict((oc) => oc.columns(['abonnement_id', 'signaal_id']).doNothing()).executeTakeFirst()
  return Number(r.numInsertedOrUpdatedRows ?? 0)
}
