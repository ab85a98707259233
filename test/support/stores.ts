/**
 * Runs a suite against every store adapter: SQLite (in memory) always, PostgreSQL when DATABASE_URL is set.
 * On CI (CI=true) PostgreSQL is required, so a missing database fails instead of silently skipping.
 * Each PostgreSQL run gets a schema of its own, so test files can run side by side and leave nothing behind.
 */
import { describe } from 'node:test'
import { openMigratedDatabase, type Database, type StoreConfig } from '../../src/adapters/store/index.js'
import { pgTestSchema } from './pg-schema.js'

export interface StoreFixture {
  readonly name: 'sqlite' | 'postgres'
  /** A fresh, migrated database; disposed (and its schema dropped) by `await using`. */
  open(): Promise<Database & AsyncDisposable>
}

export function postgresUrl(): string | undefined {
  const url = process.env.DATABASE_URL
  if (!url && process.env.CI === 'true') throw new Error('CI=true but DATABASE_URL is not set: the PostgreSQL store tests must run in CI')
  return url || undefined
}

export async function openTestDatabase(kind: 'sqlite' | 'postgres'): Promise<Database & AsyncDisposable> {
  if (kind === 'sqlite') return disposable(await openMigratedDatabase({ kind: 'sqlite-memory' }), async () => {})
  const url = postgresUrl()
  if (!url) throw new Error('DATABASE_URL not set')
  const { schema, drop } = await pgTestSchema(url)
  const config: StoreConfig = { kind: 'postgres', url, schema, poolSize: 4 }
  return disposable(await openMigratedDatabase(config), drop)
}

function disposable(database: Database, cleanup: () => Promise<void>): Database & AsyncDisposable {
  return Object.assign(database, {
    async [Symbol.asyncDispose]() {
      await database.close()
      await cleanup()
    },
  })
}

export const storeFixtures = (): StoreFixture[] => {
  const list: StoreFixture[] = [{ name: 'sqlite', open: () => openTestDatabase('sqlite') }]
  if (postgresUrl()) list.push({ name: 'postgres', open: () => openTestDatabase('postgres') })
  return list
}

/** `describeStores('ledger', (store) => { test(…) })` — one describe block per adapter. */
export function describeStores(title: string, body: (store: StoreFixture) => void): void {
  for (const store of storeFixtures()) describe(`${title} [${store.name}]`, () => body(store))
  if (!postgresUrl()) describe(`${title} [postgres]`, { skip: 'DATABASE_URL is not set' }, () => {})
}
