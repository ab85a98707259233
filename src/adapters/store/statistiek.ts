import { PostgresAdapter, sql } from 'kysely'
import type { Db, Tables } from '../../platform/tables.js'

/** Rows written into a table by this process before its first ANALYZE; each next one after twice as many. */
const EERSTE_ANALYZE = 10_000

interface Stand { geschreven: number; volgende: number; bezig: boolean }
const standen = new WeakMap<Db, Map<string, Stand>>()

/**
 * Keeps PostgreSQL's planner statistics up with a table that a bulk writer fills quickly. PostgreSQL plans from the
 * statistics of the last ANALYZE; a table that grows from empty to hundreds of thousands of rows within autovacuum's
 * one-minute nap (a first large delivery, a fresh install, every benchmark) is planned as if it were still empty,
 * and the duplicate checks then read every row of a source or an afnemer instead of probing the unique index (55 ms
 * per statement at 200,000 facts, growing with the table). PostgreSQL's own advice after
 * a bulk load is to run ANALYZE; this runs it after 10,000 rows written by this process, then after 20,000, 40,000 …
 * (a handful per table, each reading a sample of 30,000 rows), beside the writers on a connection of its own:
 * ANALYZE takes a lock that does not block inserts, reads or updates. Call it after the writing transaction
 * committed. No-op on SQLite, which plans by its indexes.
 *
 * @example tabelGegroeid(ctx.database.db, 'feiten', opgeslagen)
 */
export function tabelGegroeid(db: Db, tabel: keyof Tables & string, rijen: number): void {
  if (rijen <= 0 || !(db.getExecutor().adapter instanceof PostgresAdapter)) return
  let perTabel = standen.get(db)
  if (!perTabel) standen.set(db, (perTabel = new Map()))
  let stand = perTabel.get(tabel)
  if (!stand) perTabel.set(tabel, (stand = { geschreven: 0, volgende: EERSTE_ANALYZE, bezig: false }))
  stand.geschreven += rijen
  if (stand.bezig || stand.geschreven < stand.volgende) return
  stand.volgende = stand.geschreven * 2
  stand.bezig = true
  const s = stand
  // A failed ANALYZE (the store closing, a lost connection) changes nothing but the plans, and autovacuum still comes.
  sql`analyze ${sql.table(tabel)}`.execute(db).catch(() => undefined).finally(() => { s.bezig = false })
}
