import type { Selectable } from 'kysely'
import type { HubContext } from '../../adapters/http/hub-context.js'
import type { SignaalRow } from '../signals/signal-tables.js'
import type { AbonnementRow } from './delivery-tables.js'
import type { Afleverbaar, OnderwerpStrategie } from './onderwerp.js'
import { eventData, signaalRecord, signaalZending } from './signal-event.js'

/** Signals: the whole signal (or, for `inhoud: verwijzing`, its non-personal attributes) in `data`; a BSN, so ledgered. */
export const signaalOnderwerp: OnderwerpStrategie = {
  soort: 'signaal',
  verdwenen: 'signaal-verwijderd',
  async laad(ctx, ids) {
    const rows = await ctx.database.db.selectFrom('signalen').selectAll().where('id', 'in', [...ids]).execute()
    return new Map(rows.map((s) => [s.id, afleverbaarSignaal(s)]))
  },
}

function afleverbaarSignaal(signaal: Selectable<SignaalRow>): Afleverbaar {
  return {
    oin: signaal.oin, product: signaal.product, soort: signaal.soort,
    nogToegestaan: (ctx, abonnement, opts) =>
      opts.zonderPopulatiecontrole.includes(signaal.product) ? Promise.resolve(true) : inPopulatie(ctx, abonnement, signaal),
    zending(abonnement, opts) {
      const data = eventData(signaalRecord(signaal), abonnement.inhoud)
      return { ...signaalZending(opts.publicUrl, signaal, data), bsn: signaal.bsn }
    },
  }
}

/**
 * For products that match against a population: the BSN is still in the organisation's current population for a
 * period that overlaps the signal's (an ended indication stops deliveries that were still waiting).
 */
async function inPopulatie(ctx: HubContext, abonnement: AbonnementRow, signaal: Selectable<SignaalRow>): Promise<boolean> {
  const tot = signaal.periode_tot ?? signaal.periode_van
  const indicatie = await ctx.database.db.selectFrom('populatie_regels').select('id')
    .where('oin', '=', abonnement.oin).where('product', '=', signaal.product).where('bsn', '=', signaal.bsn)
    .where('vervangen', 'is', null).where('ingangsdatum', '<=', tot)
    .where((eb) => eb.or([eb('einddatum', 'is', null), eb('einddatum', '>=', signaal.periode_van)]))
    .limit(1).executeTakeFirst()
  return indicatie !== undefined
}
