import { CompiledQuery, PostgresAdapter } from 'kysely'
import type { Executor, Tables } from '../../platform/tables.js'
import { id, pgArray } from './bulk-insert.js'

/** Values per statement on SQLite (each is a bound parameter). */
const SQLITE_PER_STATEMENT = 1_000
/** Values per statement on PostgreSQL (one array parameter; bounded only to keep a statement's run short). */
const PG_PER_STATEMENT = 10_000

/**
 * The rows of `tabel` that match the equalities in `vast` and whose `kolom` is one of `waarden`: intake's duplicate
 * check (`where bron = $1 and sleutel in (…)`).
 *
 * On PostgreSQL the values go in as one array, and each is looked up on its own (a LATERAL subquery per value;
 * `offset 0` keeps the planner from folding it into a join). So every value is one probe of the index that covers
 * `vast` and `kolom` together, whatever the statistics say. With an IN list, a table filled since its last ANALYZE
 * (a first large delivery, a fresh install) was read through an index on `vast` alone, every row of that source
 * filtered in turn: 55 ms for 250 values at 200,000 facts, growing with the table. SQLite plans by its indexes and
 * needs no such help.
 *
 * This works only when no other index is as good a guess without statistics: for `signalen`, whose index on
 * (oin, product, seq) ties with the unique one when the planner expects one row either way, it did not help, and
 * `tabelGegroeid` (fresh statistics) is the remedy there.
 *
 * @example await rijenPerSleutel(tx, 'feiten', ['sleutel', 'inhoud_hash'], { bron }, 'sleutel', sleutels)
 */
export async function rijenPerSleutel<T extends keyof Tables & string, C extends keyof Tables[T] & string>(
  db: Executor, tabel: T, kolommen: readonly C[], vast: Readonly<Record<string, string>>, kolom: keyof Tables[T] & string, waarden: readonly string[],
): Promise<Array<Pick<Tables[T], C>>> {
  const uit: Array<Pick<Tables[T], C>> = []
  if (waarden.length === 0) return uit
  const vastKolommen = Object.keys(vast)
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    const voorwaarden = vastKolommen.map((k, i) => `${id(k)} = $${i + 2}`)
    const tekst = `select t.* from unnest($1::text[]) as w(waarde) cross join lateral (select ${kolommen.map(id).join(', ')} from ${id(tabel)} `
      + `where ${[...voorwaarden, `${id(kolom)} = w.waarde`].join(' and ')} offset 0) as t`
    for (let i = 0; i < waarden.length; i += PG_PER_STATEMENT) {
      const lijst = waarden.slice(i, i + PG_PER_STATEMENT).map((waarde) => ({ waarde }))
      const r = await db.executeQuery<Pick<Tables[T], C>>(CompiledQuery.raw(tekst, [pgArray(lijst, 'waarde'), ...vastKolommen.map((k) => vast[k])]))
      uit.push(...r.rows)
    }
    return uit
  }
  for (let i = 0; i < waarden.length; i += SQLITE_PER_STATEMENT) {
    const deel = waarden.slice(i, i + SQLITE_PER_STATEMENT)
    const tekst = `select ${kolommen.map(id).join(', ')} from ${id(tabel)} where ${[...vastKolommen.map((k) => `${id(k)} = ?`), `${id(kolom)} in (${deel.map(() => '?').join(', ')})`].join(' and ')}`
    const r = await db.executeQuery<Pick<Tables[T], C>>(CompiledQuery.raw(tekst, [...vastKolommen.map((k) => vast[k]), ...deel]))
    uit.push(...r.rows)
  }
  return uit
}
