import { sql, type Selectable } from 'kysely'
import type { HubContext } from '../../adapters/http/hub-context.js'
import type { SignaalRow } from '../signals/signal-tables.js'
import type { Afleverbaar, OnderwerpStrategie } from './onderwerp.js'
import { eventData, signaalRecord, signaalZending } from './signal-event.js'

/** Signals: the whole signal (or, for `inhoud: verwijzing`, its non-personal attributes) in `data`; a BSN, so ledgered. */
export const signaalOnderwerp: OnderwerpStrategie = {
  soort: 'signaal',
  verdwenen: 'signaal-verwijderd',
  async laad(ctx, ids) {
    const rows = await signalenMetPopulatie(ctx, ids)
    return new Map(rows.map((s) => [s.id, afleverbaarSignaal(s, s.in_populatie)]))
  },
}

function afleverbaarSignaal(signaal: Selectable<SignaalRow>, inPopulatie: boolean): Afleverbaar {
  return {
    oin: signaal.oin, product: signaal.product, soort: signaal.soort,
    // Only reached for a subscription of the signal's own organisation (`waaromNietAfleveren` checks that first).
    nogToegestaan: async (_ctx, _abonnement, opts) => opts.zonderPopulatiecontrole.includes(signaal.product) || inPopulatie,
    zending(abonnement, opts) {
      const data = eventData(signaalRecord(signaal), abonnement.inhoud)
      return { ...signaalZending(opts.publicUrl, signaal, data), bsn: signaal.bsn }
    },
  }
}

/**
 * The signals, each with the population re-check for products that match against a population: is its BSN still in
 * its organisation's current population for a period that overlaps the signal's (an ended indication stops deliveries
 * that were still waiting)? One query per 1,000 signals. The check is a subquery in the select list, so it runs per
 * signal on the index by BSN (as a join, PostgreSQL chose a plan that took up to 2.8 s under load).
 */
async function signalenMetPopulatie(ctx: HubContext, ids: readonly string[]): Promise<Array<Selectable<SignaalRow> & { in_populatie: boolean }>> {
  const uit: Array<Selectable<SignaalRow> & { in_populatie: boolean }> = []
  for (let i = 0; i < ids.length; i += 1_000) {
    const rows = await ctx.database.db.selectFrom('signalen as s').selectAll('s')
      .select((eb) => eb.exists(eb.selectFrom('populatie_regels as p').select(sql`1`.as('een'))
        .whereRef('p.bsn', '=', 's.bsn').whereRef('p.product', '=', 's.product').whereRef('p.oin', '=', 's.oin')
        .where('p.vervangen', 'is', null)
        .where('p.ingangsdatum', '<=', sql<string>`coalesce(s.periode_tot, s.periode_van)`)
        .where((w) => w.or([w('p.einddatum', 'is', null), w('p.einddatum', '>=', w.ref('s.periode_van'))]))).as('in_populatie'))
      .where('s.id', 'in', ids.slice(i, i + 1_000)).execute()
    // PostgreSQL answers a boolean, SQLite 0 or 1.
    for (const r of rows) uit.push({ ...r, in_populatie: Boolean(r.in_populatie) })
  }
  return uit
}
