import { randomBytes } from 'node:crypto'
import pg from 'pg'

/** A PostgreSQL schema of its own for one test or benchmark run; `drop()` removes it with everything in it. */
export interface PgTestSchema { readonly schema: string; drop(): Promise<void> }

/** Creates `<prefix>_<random>`: runs side by side never meet, and a run leaves nothing behind once dropped. */
export async function pgTestSchema(url: string, prefix = 't'): Promise<PgTestSchema> {
  const schema = `${prefix}_${randomBytes(6).toString('hex')}`
  await adminQuery(url, `create schema ${schema}`)
  return { schema, drop: () => adminQuery(url, `drop schema ${schema} cascade`) }
}

async function adminQuery(url: string, sql: string): Promise<void> {
  const c = new pg.Client({ connectionString: url })
  await c.connect()
  try { await c.query(sql) } finally { await c.end() }
}
