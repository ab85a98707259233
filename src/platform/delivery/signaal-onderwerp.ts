import { sql, type Selectable } from 'kysely'
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
    // The signals and the population re-check of them at once (each is a round trip on PostgreSQL); the check's
    // answer is used for every send of the batch whose product matches against a population.
    const [rows, inPopulatie] = await Promise.all([
      ctx.database.db.selectFrom('signalen').selectAll().where('id', 'in', [...ids]).execute(),
      signalenInPopulatie(ctx, ids),
    ])
    return new Map(rows.map((s) => [s.id, afleverbaarSignaal(s, inPopulatie)]))
  },
}

function afleverbaarSignaal(signaal: Selectable<SignaalRow>, inPopulatie: ReadonlySet<string>): Afleverbaar {
  return {
    oin: signaal.oin, product: signaal.product, soort: signaal.soort,
    // Only reached for a subscription of the signal's own organisation (`waaromNietAfleveren` checks that first).
    nogToegestaan: async (_ctx, _abonnement, opts) => opts.zonderPopulatiecontrole.includes(signaal.product) || inPopulatie.has(signaal.id),
    zending(abonnement, opts) {
      const data = eventData(signaalRecord(signaal), abonnement.inhoud)
      return { ...signaalZending(opts.publicUrl, signaal, data), bsn: signaal.bsn }
    },
  }
}

/**
 * For products that match against a population: the signals whose BSN is still in their organisation's current
 * population for a period that overlaps the signal's (an ended indication stops deliveries that were still waiting).
 * One query per 1,000 signals, by signal id, so it needs no earlier read of the signals.
 */
async function signalenInPopulatie(ctx: HubContext, ids: readonly string[]): Promise<ReadonlySet<string>> {
  const uit = new Set<string>()
  for (let i = 0; i < ids.length; i += 1_000) {
    const rows = await ctx.database.db.selectFrom('signalen as s')
      .innerJoin('populatie_regels as p', (j) => j.onRef('p.oin', '=', 's.oin').onRef('p.product', '=', 's.product').onRef('p.bsn', '=', 's.bsn'))
      .select('s.id').distinct()
      .where('s.id', 'in', ids.slice(i, i + 1_000)).where('p.vervangen', 'is', null)
      .where('p.ingangsdatum', '<=', sql<string>`coalesce(s.periode_tot, s.periode_van)`)
      .where((eb) => eb.or([eb('p.einddatum', 'is', null), eb('p.einddatum', '>=', eb.ref('s.periode_van'))]))
      .execute()
    for (const r of rows) uit.add(r.id)
  }
  return uit
}
