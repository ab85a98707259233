import type { HubContext } from '../../adapters/http/hub-context.js'
import type { Selectable } from 'kysely'
import type { SignaalRow } from '../signals/signal-tables.js'
import type { AbonnementRow, DoodReden } from './delivery-tables.js'

/**
 * The authorisation re-check at send time (blueprint §6: "re-checked at delivery time, not only at subscription
 * time"). Answers why the signal may no longer go out, or undefined when it may:
 * - the subscription was cancelled;
 * - the organisation no longer takes the product (today, on the hub's clock), or the subscription does not list it;
 * - the BSN is no longer in the organisation's current population for a period that overlaps the signal's.
 */
export async function waaromNietAfleveren(
  ctx: HubContext, abonnement: AbonnementRow, signaal: Selectable<SignaalRow>, zonderPopulatiecontrole: readonly string[],
  productenVan: (oin: string) => Promise<readonly string[]> = (oin) => ctx.access.producten(oin),
): Promise<DoodReden | undefined> {
  if (abonnement.opgezegd) return 'abonnement-opgezegd'
  if (signaal.oin !== abonnement.oin) return 'toegang-vervallen'
  const producten = JSON.parse(abonnement.producten) as string[]
  if (!producten.includes(signaal.product)) return 'toegang-vervallen'
  if (!(await productenVan(abonnement.oin)).includes(signaal.product)) return 'toegang-vervallen'
  if (zonderPopulatiecontrole.includes(signaal.product)) return undefined
  const tot = signaal.periode_tot ?? signaal.periode_van
  const indicatie = await ctx.database.db.selectFrom('populatie_regels').select('id')
    .where('oin', '=', abonnement.oin).where('product', '=', signaal.product).where('bsn', '=', signaal.bsn)
    .where('vervangen', 'is', null).where('ingangsdatum', '<=', tot)
    .where((eb) => eb.or([eb('einddatum', 'is', null), eb('einddatum', '>=', signaal.periode_van)]))
    .limit(1).executeTakeFirst()
  return indicatie ? undefined : 'toegang-vervallen'
}
