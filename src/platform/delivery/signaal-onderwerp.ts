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
    // The population re-check for the whole claimed batch in one query, made once the first send asks for it.
    let inPopulatie: Promise<ReadonlySet<string>> | undefined
    const controle = () => (inPopulatie ??= signalenInPopulatie(ctx, rows))
    return new Map(rows.map((s) => [s.id, afleverbaarSignaal(s, controle)]))
  },
}

function afleverbaarSignaal(signaal: Selectable<SignaalRow>, inPopulatie: () => Promise<ReadonlySet<string>>): Afleverbaar {
  return {
    oin: signaal.oin, product: signaal.product, soort: signaal.soort,
    // Only reached for a subscription of the signal's own organisation (`waaromNietAfleveren` checks that first).
    nogToegestaan: async (_ctx, _abonnement, opts) =>
      opts.zonderPopulatiecontrole.includes(signaal.product) || (await inPopulatie()).has(signaal.id),
    zending(abonnement, opts) {
      const data = eventData(signaalRecord(signaal), abonnement.inhoud)
      return { ...signaalZending(opts.publicUrl, signaal, data), bsn: signaal.bsn }
    },
  }
}

/**
 * For products that match against a population: the signals whose BSN is still in their organisation's current
 * population for a period that overlaps the signal's (an ended indication stops deliveries that were still waiting).
 * One query per 1,000 signals; the period test per signal here.
 */
async function signalenInPopulatie(ctx: HubContext, signalen: readonly Selectable<SignaalRow>[]): Promise<ReadonlySet<string>> {
  const uit = new Set<string>()
  for (let i = 0; i < signalen.length; i += 1_000) {
    const deel = signalen.slice(i, i + 1_000)
    const rows = await ctx.database.db.selectFrom('populatie_regels').select(['oin', 'product', 'bsn', 'ingangsdatum', 'einddatum'])
      .where('bsn', 'in', [...new Set(deel.map((s) => s.bsn))]).where('oin', 'in', [...new Set(deel.map((s) => s.oin))])
      .where('product', 'in', [...new Set(deel.map((s) => s.product))]).where('vervangen', 'is', null).execute()
    const perSleutel = new Map<string, typeof rows>()
    for (const r of rows) {
      const k = `${r.oin}\u0000${r.product}\u0000${r.bsn}`
      perSleutel.set(k, [...(perSleutel.get(k) ?? []), r])
    }
    for (const s of deel) {
      const tot = s.periode_tot ?? s.periode_van
      const indicaties = perSleutel.get(`${s.oin}\u0000${s.product}\u0000${s.bsn}`) ?? []
      if (indicaties.some((r) => r.ingangsdatum <= tot && (r.einddatum === null || r.einddatum >= s.periode_van))) uit.add(s.id)
    }
  }
  return uit
}
