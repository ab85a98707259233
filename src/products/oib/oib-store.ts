import { sql } from 'kysely'
import { maandPeriode, type Maand } from '../../core/index.js'
import type { Executor } from '../../platform/tables.js'
import type { PolisFeit } from './oib-overzicht.js'

export const PRODUCT = 'oib'
const POLIS = 'uwv-polis'

/** A client of the gemeente in a month: a BSN with a current `oib` indication overlapping the month. */
export interface OibClient {
  readonly bsn: string
  /** The lowest population row id of the client: a stable order for the cursor, and no BSN in the URL. */
  readonly rij: number
  readonly referentie: string | null
}

/**
 * One page of the gemeente's clients for a month, ordered by their first population row. Reads `populatie_regels`
 * directly (own small query, so OIB does not depend on the population service's internals).
 */
export async function leesClienten(db: Executor, oin: string, periode: Maand, na: number, limiet: number): Promise<OibClient[]> {
  const { van, tot } = maandPeriode(periode)
  const rows = await db.selectFrom('populatie_regels')
    .select((eb) => ['bsn', eb.fn.min('id').as('rij'), eb.fn.max('referentie').as('referentie')])
    .where('oin', '=', oin).where('product', '=', PRODUCT).where('vervangen', 'is', null)
    .where('ingangsdatum', '<=', tot).where((eb) => eb.or([eb('einddatum', 'is', null), eb('einddatum', '>=', van)]))
    .groupBy('bsn')
    .having((eb) => eb.fn.min('id'), '>', na)
    .orderBy('rij').limit(limiet)
    .execute()
  return rows.map((r) => ({ bsn: r.bsn, rij: Number(r.rij), referentie: r.referentie ?? null }))
}

/** Every stored polis fact (all versions) of these BSNs whose validity starts in the month. */
export async function leesPolisFeiten(db: Executor, bsns: readonly string[], periode: Maand): Promise<PolisFeit[]> {
  if (bsns.length === 0) return []
  const { van, tot } = maandPeriode(periode)
  const rows = await db.selectFrom('feiten')
    .select(['id', 'bsn', 'sleutel', 'gegevens', 'levering_id', 'regel', 'vastgelegd'])
    .where('bron', '=', POLIS).where('bsn', 'in', bsns).where('geldig_van', '>=', van).where('geldig_van', '<=', tot)
    .execute()
  return rows.map((r) => ({ id: Number(r.id), bsn: r.bsn, sleutel: r.sleutel, gegevens: r.gegevens, leveringId: r.levering_id, regel: Number(r.regel), vastgelegd: r.vastgelegd }))
}

/**
 * The (gemeente, month) overviews polis deliveries touched, with the first delivery (in the given order) that touched
 * each: a join of the deliveries' facts with the current `oib` indications overlapping the fact's month. Month bounds
 * as text: `YYYY-MM-01` … `YYYY-MM-31` compares correctly against every real date of that month, in both SQLite and
 * PostgreSQL.
 */
export async function getroffenOverzichten(db: Executor, leveringIds: string | readonly string[]): Promise<Array<{ oin: string; periode: string; leveringId: string }>> {
  const ids = typeof leveringIds === 'string' ? [leveringIds] : [...new Set(leveringIds)]
  if (ids.length === 0) return []
  const plaats = new Map(ids.map((id, i) => [id, i]))
  const maand = sql<string>`substr(f.geldig_van, 1, 7)`
  const eerste = new Map<string, { oin: string; periode: string; leveringId: string }>()
  for (let i = 0; i < ids.length; i += 1_000) {
    const rows = await db.selectFrom('feiten as f')
      .innerJoin('populatie_regels as p', 'p.bsn', 'f.bsn')
      .select(['p.oin', maand.as('periode'), 'f.levering_id']).distinct()
      .where('f.bron', '=', POLIS).where('f.levering_id', 'in', ids.slice(i, i + 1_000))
      .where('p.product', '=', PRODUCT).where('p.vervangen', 'is', null)
      .where('p.ingangsdatum', '<=', sql<string>`${maand} || '-31'`)
      .where((eb) => eb.or([eb('p.einddatum', 'is', null), eb('p.einddatum', '>=', sql<string>`${maand} || '-01'`)]))
      .execute()
    for (const r of rows) {
      const k = `${r.oin}|${r.periode}`
      const e = eerste.get(k)
      if (!e || plaats.get(r.levering_id)! < plaats.get(e.leveringId)!) eerste.set(k, { oin: r.oin, periode: r.periode, leveringId: r.levering_id })
    }
  }
  return [...eerste.values()].sort((a, b) => a.oin.localeCompare(b.oin) || a.periode.localeCompare(b.periode))
}
