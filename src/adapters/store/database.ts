import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import SqliteDatabase from 'better-sqlite3'
import { Kysely, Migrator, PostgresDialect, SqliteDialect, sql, type DatabaseIntrospector, type Migration, type MigrationResultSet, type SchemaMetadata, type TableMetadata } from 'kysely'
import pg from 'pg'
import { AppError } from '../../core/index.js'
import type { Db, SqlDialect, Tables } from '../../platform/tables.js'
import { migrations } from './migrations/index.js'
import { startWalCheckpointer } from './wal-checkpointer.js'

// int8 (bigserial sequence numbers, counts) as JS numbers: they stay far below 2^53 at national scale.
pg.types.setTypeParser(20, (v) => Number(v))

export type StoreConfig =
  | { readonly kind: 'sqlite'; readonly dataDir: string }
  | { readonly kind: 'sqlite-memory' }
  | { readonly kind: 'postgres'; readonly url: string; readonly schema?: string; readonly poolSize?: number }

export interface Database {
  readonly db: Db
  readonly dialect: SqlDialect
  /** PostgreSQL schema the store lives in (undefined: the server's default search_path). */
  readonly schema?: string | undefined
  /** Runs `select 1`; used by /health/ready. */
  ping(): Promise<void>
  close(): Promise<void>
}

/** Opens (and creates) the store. Does not migrate: call `migrateToLatest` (the CLI and `serve` do). */
export function openDatabase(config: StoreConfig): Database {
  if (config.kind === 'postgres') return openPostgres(config.url, config.schema, config.poolSize)
  const file = config.kind === 'sqlite' ? sqliteFile(config.dataDir) : ':memory:'
  const sqlite = new SqliteDatabase(file)
  // Durability: WAL with synchronous=NORMAL. A commit survives a crash of the hub process; after an OS crash or
  // power loss the transactions since the last checkpoint may roll back (whole transactions: a processing and its
  // ledger lines go together), and the database never corrupts. Never synchronous=OFF.
  sqlite.pragma('journal_mode = WAL')
  const gedeeld = ['synchronous = NORMAL', 'busy_timeout = 5000']
  for (const p of gedeeld) sqlite.pragma(p)
  // Checkpoints (copying the WAL into the database file, with its fsyncs) run on a background thread for a file
  // store (`wal-checkpointer.ts`), so the bulk writers no longer wait for them inside their commits. The writer's own
  // automatic checkpoint stays as the bound on the WAL: at ~200 MB (50,000 pages) if the thread falls behind, and at
  // ~40 MB (10,000 pages, fewer and larger checkpoints than SQLite's 4 MB default) for an in-memory store.
  const achtergrond = config.kind === 'sqlite'
  sqlite.pragma(`wal_autocheckpoint = ${achtergrond ? 50_000 : 10_000}`)
  sqlite.pragma('journal_size_limit = 67108864')
  sqlite.pragma('foreign_keys = ON')
  const checkpointer = achtergrond ? startWalCheckpointer(file, { pragmas: gedeeld }) : undefined
  const db = new Kysely<Tables>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) })
  return {
    db,
    dialect: 'sqlite',
    ping: async () => { await sql`select 1`.execute(db) },
    // The checkpoint thread first: the writer closes last and, as the last connection, checkpoints what is left.
    close: async () => { await checkpointer?.stop(); await db.destroy() },
  }
}

/**
 * Kysely's SQLite driver prepares every statement anew; the hub runs the same few hundred statements over and over,
 * and preparing was a third of the statement time on the event path. A bounded cache of prepared statements is
 * safe here because Kysely gives the single connection to one query at a time (a streaming query holds it).
 */
function withStatementCache(sqlite: SqliteDatabase.Database, max = 1000): { prepare(sql: string): SqliteDatabase.Statement; close(): void } {
  const cache = new Map<string, SqliteDatabase.Statement>()
  return {
    prepare(sql) {
      let stmt = cache.get(sql)
      if (stmt) {
        cache.delete(sql) // re-insert: the Map's order is the least-recently-used order
      } else {
        stmt = sqlite.prepare(sql)
        if (cache.size >= max) cache.delete(cache.keys().next().value as string)
      }
      cache.set(sql, stmt)
      return stmt
    },
    close: () => { cache.clear(); sqlite.close() },
  }
}

function sqliteFile(dataDir: string): string {
  mkdirSync(dataDir, { recursive: true })
  return join(dataDir, 'knooppunt.sqlite')
}

function openPostgres(url: string, schema: string | undefined, poolSize = 10): Database {
  if (schema !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(schema))
    throw new AppError('invalid', 'store.schema-ongeldig', `ongeldige schemanaam: ${schema}`)
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  })
  // An idle client that loses its connection must not crash the process; the next query reconnects.
  pool.on('error', () => {})
  const db = new Kysely<Tables>({ dialect: new OneSchemaPostgresDialect({ pool }) })
  return {
    db,
    dialect: 'postgres',
    schema,
    ping: async () => { await sql`select 1`.execute(db) },
    close: () => db.destroy(),
  }
}

/**
 * Kysely's PostgreSQL introspector (which its Migrator uses to see whether its own tables exist) reads every column
 * of every table in every schema of the database and calls `pg_get_serial_sequence` and `has_schema_privilege` on
 * each. That is slow on a database shared by many schemas, and it fails with "schema … does not exist" when another
 * schema is dropped during the scan (seen when test files run side by side, each in a schema of its own). The store
 * only ever needs the tables of its own schema, by name: this introspector lists those and nothing else.
 */
class OneSchemaPostgresDialect extends PostgresDialect {
  override createIntrospector(db: Kysely<any>): DatabaseIntrospector {
    return {
      async getSchemas(): Promise<SchemaMetadata[]> {
        const { rows } = await sql<{ nspname: string }>`select nspname from pg_catalog.pg_namespace`.execute(db)
        return rows.map((r) => ({ name: r.nspname }))
      },
      getTables,
      async getMetadata() { return { tables: await getTables() } },
    }
    async function getTables(): Promise<TableMetadata[]> {
      const { rows } = await sql<{ name: string; schema: string; relkind: string }>`
        select c.relname as name, n.nspname as schema, c.relkind
        from pg_catalog.pg_class c join pg_catalog.pg_namespace n on n.oid = c.relnamespace
        where n.nspname = current_schema() and c.relkind in ('r', 'v', 'p')
        order by c.relname`.execute(db)
      // Columns are not listed: nothing in the hub reads them (the migrator asks for table names only).
      return rows.map((r) => ({ name: r.name, schema: r.schema, isView: r.relkind === 'v', columns: [] }))
    }
  }
}

/**
 * Applies every pending migration. Returns Kysely's result set instead of throwing half-way, so a caller can show
 * which migrations ran and which one failed (Kysely's own migrator design).
 */
export async function migrateToLatest(database: Database): Promise<{ results: MigrationResultSet['results']; error?: unknown }> {
  const provider = {
    async getMigrations(): Promise<Record<string, Migration>> {
      return Object.fromEntries(migrations.map(([name, m]) => [name, { up: (db: Kysely<any>) => m.up(db, database.dialect) }]))
    },
  }
  // Unordered: migrations from parallel branches may land with names that sort before ones already applied.
  const migrator = new Migrator({ db: database.db, provider, allowUnorderedMigrations: true, migrationTableName: 'schema_migraties', migrationLockTableName: 'schema_migraties_slot',
    // Kysely looks for its tables in every schema unless told which; side-by-side schemas would then collide.
    ...(database.dialect === 'postgres' ? { migrationTableSchema: database.schema ?? 'public' } : {}) })
  const { results, error } = await migrator.migrateToLatest()
  return error === undefined ? { results } : { results, error }
}

/** Opens and migrates; throws an `unavailable` AppError naming the failed migration. */
export async function openMigratedDatabase(config: StoreConfig): Promise<Database> {
  const database = openDatabase(config)
  const { results, error } = await migrateToLatest(database)
  if (error !== undefined) {
    await database.close().catch(() => {})
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'onbekend'
    throw new AppError('unavailable', 'store.migratie-mislukt', `migratie ${failed} mislukt: ${(error as Error).message ?? String(error)}`)
  }
  return database
}
