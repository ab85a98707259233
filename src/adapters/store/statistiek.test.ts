import assert from 'node:assert/strict'
import { setTimeout as wacht } from 'node:timers/promises'
import { test } from 'node:test'
import { sql } from 'kysely'
import { voegFeitenToe } from '../../../test/support/fixtures.js'
import { describeStores } from '../../../test/support/stores.js'
import type { Db } from '../../platform/tables.js'
import { tabelGegroeid } from './statistiek.js'

const feiten = (van: number, n: number) => Array.from({ length: n }, (_, i) => ({ bron: 'uwv-polis', bsn: '123456782', sleutel: `K${van + i}`, geldigVan: '2026-01-01', gegevens: {} }))

/** How often `feiten` was analysed by hand, and the row count the planner believes. */
async function stand(db: Db): Promise<{ analyses: number; rijen: number }> {
  const r = await sql<{ analyses: number; rijen: number }>`select coalesce(s.analyze_count, 0)::int as analyses, c.reltuples::int as rijen
    from pg_class c left join pg_stat_user_tables s on s.relid = c.oid where c.oid = 'feiten'::regclass`.execute(db)
  return r.rows[0]!
}

async function totdat(db: Db, klaar: (s: { analyses: number; rijen: number }) => boolean): Promise<{ analyses: number; rijen: number }> {
  for (let i = 0; i < 100; i++) {
    await sql`select pg_stat_clear_snapshot()`.execute(db)
    const s = await stand(db)
    if (klaar(s)) return s
    await wacht(100)
  }
  return stand(db)
}

describeStores('tabelGegroeid', (store) => {
  if (store.name === 'sqlite') {
    test('is a no-op on SQLite', async () => {
      await using database = await store.open()
      tabelGegroeid(database.db, 'feiten', 1_000_000)
      assert.equal((await database.db.selectFrom('feiten').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n, 0)
    })
    return
  }
  test('PostgreSQL: analyses a table after 10,000 rows written, then after twice as many, never in between', async () => {
    await using database = await store.open()
    const { db } = database
    assert.deepEqual(await stand(db), { analyses: 0, rijen: -1 })
    await voegFeitenToe(db, feiten(0, 9_000))
    tabelGegroeid(db, 'feiten', 9_000)
    await wacht(500)
    assert.equal((await totdat(db, () => true)).analyses, 0, 'below the first threshold: no ANALYZE')

    await voegFeitenToe(db, feiten(9_000, 3_000))
    tabelGegroeid(db, 'feiten', 3_000)
    const na = await totdat(db, (s) => s.analyses === 1)
    assert.deepEqual(na, { analyses: 1, rijen: 12_000 }, 'the planner now knows the table holds 12,000 rows')

    // The next one comes at 24,000 rows written.
    await voegFeitenToe(db, feiten(12_000, 11_000))
    tabelGegroeid(db, 'feiten', 11_000)
    await wacht(500)
    assert.equal((await totdat(db, () => true)).analyses, 1, 'below the second threshold: no second ANALYZE')
    tabelGegroeid(db, 'feiten', 1_000)
    assert.deepEqual(await totdat(db, (s) => s.analyses === 2), { analyses: 2, rijen: 23_000 })
  })
})
