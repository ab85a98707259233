import { CompiledQuery, PostgresAdapter, type Insertable } from 'kysely'
import type { Executor, Tables } from '../../platform/tables.js'

/**
 * Multi-row INSERTs for the hot writers (facts, signals, ledger lines, outbox events, population rows).
 *
 * Kysely's builder and compiler walk an operation tree per value; for 500-row inserts that was a fifth of the batch
 * pipeline's CPU time. Here the statement text is built once per (dialect, table, columns, rows per statement) and
 * cached, and only the flat parameter array is new per call. On SQLite the same text also hits the prepared-statement
 * cache in `database.ts`, so a statement is prepared once per process instead of once per chunk.
 *
 * On SQLite a batch is split into statements of a power-of-two number of rows (the largest that keeps the bound
 * parameters under the limit, at most {@link MAX_RIJEN}), and its remainder into smaller powers of two: a table
 * never has more than ~10 distinct statement texts, however the batch sizes vary. On PostgreSQL the rows go in as
 * one array per column through `unnest` (see `insertUnnest`).
 */

/** Rows per statement at most: beyond this the bind cost per row no longer drops. */
const MAX_RIJEN = 512
/** Bound parameters per statement at most: SQLite allows 32,766, PostgreSQL 65,535. */
const MAX_PARAMETERS = 16_000

/** A row for `insertRows`: exactly the listed columns of the table, with their insert types. */
export type BulkRij<T extends keyof Tables, K extends keyof Insertable<Tables[T]>> = { readonly [C in K]-?: Insertable<Tables[T]>[C] }

const teksten = new Map<string, string>()

/** Quoted identifier; table and column names come from the typed `Tables`, never from input. */
export const id = (naam: string) => `"${naam.replace(/"/g, '""')}"`

function tekst(postgres: boolean, tabel: string, kolommen: readonly string[], rijen: number): string {
  const sleutel = `${postgres ? 'pg' : 'sl'}\u0000${tabel}\u0000${kolommen.join(',')}\u0000${rijen}`
  let sql = teksten.get(sleutel)
  if (sql === undefined) {
    const n = kolommen.length
    const waarden: string[] = []
    for (let r = 0; r < rijen; r++) {
      const p: string[] = []
      for (let c = 0; c < n; c++) p.push(postgres ? `$${r * n + c + 1}` : '?')
      waarden.push(`(${p.join(', ')})`)
    }
    sql = `insert into ${id(tabel)} (${kolommen.map(id).join(', ')}) values ${waarden.join(', ')}`
    teksten.set(sleutel, sql)
  }
  return sql
}

/** The statement sizes for `n` rows: full statements of `max` rows, then the remainder's powers of two, largest first. */
export function stukken(n: number, max: number): number[] {
  const uit: number[] = []
  let rest = n
  while (rest >= max) { uit.push(max); rest -= max }
  for (let p = max >> 1; p >= 1; p >>= 1) if (rest >= p) { uit.push(p); rest -= p }
  return uit
}

/** The largest power of two ≤ min(MAX_RIJEN, MAX_PARAMETERS / columns). */
export function rijenPerStatement(kolommen: number): number {
  const grens = Math.min(MAX_RIJEN, Math.floor(MAX_PARAMETERS / Math.max(1, kolommen)))
  let p = 1
  while (p * 2 <= grens) p *= 2
  return p
}

/**
 * Inserts rows into a table inside the caller's executor (the database or an open transaction), in order.
 * Values must already be in store form (strings, numbers, null — as `Tables` declares them).
 *
 * @example await insertRows(tx, 'outbox', ['id', 'type', 'data', 'trace_id', 'aangemaakt', 'doorgegeven'], rows)
 */
export async function insertRows<T extends keyof Tables & string, K extends keyof Insertable<Tables[T]> & string>(
  db: Executor, tabel: T, kolommen: readonly K[], rijen: ReadonlyArray<BulkRij<T, K>>,
): Promise<void> {
  if (rijen.length === 0) return
  const executor = db.getExecutor()
  if (executor.adapter instanceof PostgresAdapter) return insertUnnest(db, tabel, kolommen, rijen)
  const n = kolommen.length
  let i = 0
  for (const aantal of stukken(rijen.length, rijenPerStatement(n))) {
    const parameters: unknown[] = new Array(aantal * n)
    let p = 0
    for (let r = i; r < i + aantal; r++) {
      const rij = rijen[r] as Record<string, unknown>
      for (let c = 0; c < n; c++) {
        const v = rij[kolommen[c]!]
        parameters[p++] = v === undefined ? null : v
      }
    }
    await db.executeQuery(CompiledQuery.raw(tekst(false, tabel, kolommen, aantal), parameters))
    i += aantal
  }
}

/** Rows per statement on PostgreSQL: one array per column, so no parameter limit; bounded to keep messages small. */
const PG_RIJEN = 5_000

/** Per table, the element type of each column's array (`udt_name`: varchar, text, int4, int8 …). */
const pgTypen = new Map<string, Promise<Map<string, string>>>()

/**
 * PostgreSQL: `insert into t (…) select * from unnest($1::varchar[], $2::int8[], …)` — one parameter per column
 * instead of one per value. The statement text is the same for every batch size, so the server parses and plans a
 * short statement instead of a VALUES list of thousands of parameters, and a batch needs fewer round trips.
 * `unnest` yields the elements in array order, so rows (and their `seq`) keep the given order.
 */
async function insertUnnest(db: Executor, tabel: string, kolommen: readonly string[], rijen: ReadonlyArray<object>, eerst?: CompiledQuery): Promise<void> {
  const sql = await unnestTekst(db, tabel, kolommen, 0)
  for (let i = 0; i < rijen.length; i += PG_RIJEN) {
    const stuk = rijen.slice(i, i + PG_RIJEN) as ReadonlyArray<Record<string, unknown>>
    const parameters = kolommen.map((k) => pgArray(stuk, k))
    if (eerst && i === 0) {
      const na = await unnestTekst(db, tabel, kolommen, eerst.parameters.length)
      await db.executeQuery(CompiledQuery.raw(`with eerst as (${eerst.sql}) ${na}`, [...eerst.parameters, ...parameters]))
    } else await db.executeQuery(CompiledQuery.raw(sql, parameters))
  }
}

/** `insert into t (…) select * from unnest($n::type[], …)`, its array parameters numbered after `vooraf` others. */
async function unnestTekst(db: Executor, tabel: string, kolommen: readonly string[], vooraf: number): Promise<string> {
  const typen = await kolomTypen(db, tabel)
  const casts = kolommen.map((k, c) => {
    const t = typen.get(k)
    if (t === undefined) throw new Error(`insertRows: kolom ${tabel}.${k} onbekend`)
    return `$${vooraf + c + 1}::${id(t)}[]`
  })
  return `insert into ${id(tabel)} (${kolommen.map(id).join(', ')}) select * from unnest(${casts.join(', ')})`
}

/** Rows `insertRowsAls` takes at most (one statement). */
export const ALS_MAX_RIJEN = PG_RIJEN

/**
 * PostgreSQL only: `voorwaarde` — a write compiled by the same executor whose RETURNING has a boolean column
 * `doorgaan` — and the rows' insert in one statement (`with eerst as (<write>) insert … where exists (select 1 from
 * eerst where doorgaan)`): the rows go in only if the write said so. Returns how many went in: all of them, or 0.
 * At most `ALS_MAX_RIJEN` rows.
 */
export async function insertRowsAls<T extends keyof Tables & string, K extends keyof Insertable<Tables[T]> & string>(
  db: Executor, voorwaarde: CompiledQuery, tabel: T, kolommen: readonly K[], rijen: ReadonlyArray<BulkRij<T, K>>,
): Promise<number> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) throw new Error('insertRowsAls: alleen PostgreSQL')
  if (rijen.length === 0 || rijen.length > ALS_MAX_RIJEN) throw new Error(`insertRowsAls: 1–${ALS_MAX_RIJEN} rijen`)
  const sql = await unnestTekst(db, tabel, kolommen, voorwaarde.parameters.length)
  const parameters = kolommen.map((k) => pgArray(rijen as ReadonlyArray<Record<string, unknown>>, k))
  const r = await db.executeQuery(CompiledQuery.raw(`with eerst as (${voorwaarde.sql}) ${sql.replace(' select * from unnest(', ' select u.* from unnest(')} as u where exists (select 1 from eerst where doorgaan)`,
    [...voorwaarde.parameters, ...parameters]))
  return Number(r.numAffectedRows ?? 0n)
}

/**
 * `insertRows` preceded by one other write of the same transaction (an UPDATE or DELETE compiled by the same
 * executor, without `returning`). On PostgreSQL both are one statement (`with eerst as (<write>) insert …`), so one
 * round trip instead of two — which counts inside a section that holds a lock, such as the ledger head's. On SQLite
 * (no network) they simply run one after the other.
 *
 * @example await insertRowsNa(tx, tx.updateTable('ledger_kop').set({ seq, hash }).where('id', '=', 1).compile(), 'ledger', KOLOMMEN, rows)
 */
export async function insertRowsNa<T extends keyof Tables & string, K extends keyof Insertable<Tables[T]> & string>(
  db: Executor, eerst: CompiledQuery, tabel: T, kolommen: readonly K[], rijen: ReadonlyArray<BulkRij<T, K>>,
): Promise<void> {
  if (rijen.length > 0 && db.getExecutor().adapter instanceof PostgresAdapter) return insertUnnest(db, tabel, kolommen, rijen, eerst)
  await db.executeQuery(eerst)
  await insertRows(db, tabel, kolommen, rijen)
}

/**
 * One column as a PostgreSQL array literal (`{"a","b\\"c",NULL,42}`), built here rather than by node-postgres's
 * generic array serialiser, which walks every element through its value preparation (a fifth more CPU per batch).
 * Strings are always quoted (so `NULL` as text stays text); inside quotes only `"` and `\` need a backslash.
 */
export function pgArray(rijen: ReadonlyArray<Record<string, unknown>>, kolom: string): string {
  const delen: string[] = new Array(rijen.length)
  for (let r = 0; r < rijen.length; r++) {
    const v = rijen[r]![kolom]
    if (v === null || v === undefined) delen[r] = 'NULL'
    else if (typeof v === 'number' || typeof v === 'bigint') delen[r] = String(v)
    else {
      const t = String(v)
      delen[r] = `"${HEEFT_ESCAPE.test(t) ? t.replace(ESCAPE, '\\$&') : t}"`
    }
  }
  return `{${delen.join(',')}}`
}
const HEEFT_ESCAPE = /["\\]/
const ESCAPE = /["\\]/g

function kolomTypen(db: Executor, tabel: string): Promise<Map<string, string>> {
  // Every schema the hub migrates has the same tables, so the types are looked up once per table and process.
  let typen = pgTypen.get(tabel)
  if (typen === undefined) {
    typen = db.executeQuery<{ column_name: string; udt_name: string }>(CompiledQuery.raw(
      'select column_name, udt_name from information_schema.columns where table_schema = current_schema() and table_name = $1', [tabel],
    )).then((r) => {
      if (r.rows.length === 0) throw new Error(`insertRows: tabel ${tabel} onbekend`)
      return new Map(r.rows.map((c) => [c.column_name, c.udt_name]))
    })
    typen.catch(() => pgTypen.delete(tabel))
    pgTypen.set(tabel, typen)
  }
  return typen
}
