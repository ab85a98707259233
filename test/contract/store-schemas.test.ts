/**
 * PostgreSQL: a store lives in a schema of its own and looks at nothing else. Several hubs (or test files) share one
 * database; creating and dropping the other schemas must not disturb a store that migrates at the same moment.
 */
import { test } from 'node:test'
import assert from 'node:assert/strict'
import pg from 'pg'
import { openMigratedDatabase } from '../../src/adapters/store/index.js'
import { pgTestSchema } from '../support/pg-schema.js'
import { postgresUrl } from '../support/stores.js'

const url = postgresUrl()
const skip = url ? false : 'DATABASE_URL is not set'

test('the migrator sees only the tables of its own schema', { skip }, async () => {
  const andere = await pgTestSchema(url!)
  const eigen = await pgTestSchema(url!)
  const c = new pg.Client({ connectionString: url })
  await c.connect()
  try {
    await c.query(`create table ${andere.schema}.vreemd (id serial primary key)`)
    const database = await openMigratedDatabase({ kind: 'postgres', url: url!, schema: eigen.schema, poolSize: 2 })
    try {
      const tabellen = await database.db.introspection.getTables({ withInternalKyselyTables: true })
      assert.ok(tabellen.length > 10, 'the migrated tables are listed')
      assert.ok(tabellen.every((t) => t.schema === eigen.schema), 'only tables of the own schema')
      assert.ok(tabellen.some((t) => t.name === 'schema_migraties'))
      assert.ok(!tabellen.some((t) => t.name === 'vreemd'))
    } finally {
      await database.close()
    }
  } finally {
    await c.end()
    await andere.drop()
    await eigen.drop()
  }
})

test('migrating while other schemas are created and dropped side by side', { skip }, async () => {
  let stop = false
  const tabellen = Array.from({ length: 20 }, (_, t) => `create table %s.t${t} (id serial primary key, a text, b text);`).join(' ')
  const churn = Promise.all([1, 2, 3].map(async (n) => {
    const c = new pg.Client({ connectionString: url })
    await c.connect()
    try {
      for (let i = 0; !stop; i++) {
        const s = `churn_${process.pid}_${n}_${i}`
        await c.query(`create schema ${s}; ${tabellen.replaceAll('%s', s)}`)
        await c.query(`drop schema ${s} cascade`)
      }
    } finally {
      await c.end()
    }
  }))
  try {
    for (let i = 0; i < 4; i++) {
      const { schema, drop } = await pgTestSchema(url!)
      const database = await openMigratedDatabase({ kind: 'postgres', url: url!, schema, poolSize: 2 })
      await database.close()
      await drop()
    }
  } finally {
    stop = true
    await churn
  }
})
