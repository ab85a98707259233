import assert from 'node:assert/strict'
import { test } from 'node:test'
import { CompiledQuery, sql } from 'kysely'
import { voegFeitenToe } from '../../../test/support/fixtures.js'
import { describeStores } from '../../../test/support/stores.js'
import type { Executor } from '../../platform/tables.js'
import { rijenPerSleutel } from './per-sleutel.js'

const feit = (bron: string, sleutel: string, gegevens: Record<string, unknown> = {}) => ({ bron, bsn: '123456782', sleutel, geldigVan: '2026-01-01', gegevens })

describeStores('rijenPerSleutel', (store) => {
  test('finds exactly the rows whose key is listed and whose fixed columns match, any text, any number of keys', async () => {
    await using database = await store.open()
    const db = database.db
    const lastig = ['"', '\\', '{a,b}', 'NULL', '', ' ', "o'neill", 'é €', 'a,b']
    const veel = Array.from({ length: 12_500 }, (_, i) => `IKV${i}|2026-01`)
    await voegFeitenToe(db, [...lastig.map((s) => feit('uwv-polis', s)), ...veel.map((s) => feit('uwv-polis', s)), feit('rdw-voertuigen', 'IKV1|2026-01')])
    await voegFeitenToe(db, [feit('uwv-polis', 'IKV1|2026-01', { versie: 2 })], 'lev-2')

    assert.deepEqual(await rijenPerSleutel(db, 'feiten', ['sleutel'], { bron: 'uwv-polis' }, 'sleutel', []), [])
    const gevonden = await rijenPerSleutel(db, 'feiten', ['sleutel', 'inhoud_hash'], { bron: 'uwv-polis' }, 'sleutel', [...lastig, 'ontbreekt'])
    assert.deepEqual(gevonden.map((r) => r.sleutel).sort(), [...lastig].sort())
    // Both versions of one key, and only this source's.
    const een = await rijenPerSleutel(db, 'feiten', ['bron', 'levering_id'], { bron: 'uwv-polis' }, 'sleutel', ['IKV1|2026-01'])
    assert.deepEqual(een.map((r) => `${r.bron}:${r.levering_id}`).sort(), ['uwv-polis:lev-1', 'uwv-polis:lev-2'])
    // More keys than one statement takes (on either store), each found once.
    const alle = await rijenPerSleutel(db, 'feiten', ['sleutel'], { bron: 'uwv-polis' }, 'sleutel', veel)
    assert.equal(alle.length, veel.length + 1)
    assert.equal(new Set(alle.map((r) => r.sleutel)).size, veel.length)
    // Two fixed columns.
    const twee = await rijenPerSleutel(db, 'feiten', ['sleutel'], { bron: 'uwv-polis', levering_id: 'lev-2' }, 'sleutel', ['IKV1|2026-01', 'IKV2|2026-01'])
    assert.deepEqual(twee, [{ sleutel: 'IKV1|2026-01' }])
  })

  if (store.name === 'postgres') {
    test('PostgreSQL probes the index on (bron, sleutel) per key, also in a table never analysed', async () => {
      await using database = await store.open()
      const db = database.db
      await voegFeitenToe(db, Array.from({ length: 20_000 }, (_, i) => feit('uwv-polis', `K${i}`)))
      const stats = await sql<{ reltuples: number }>`select reltuples from pg_class where oid = 'feiten'::regclass`.execute(db)
      assert.equal(Number(stats.rows[0]!.reltuples), -1, 'the table must not have been analysed for this test to mean anything')
      // The statement rijenPerSleutel sends, explained with its own parameters.
      let verzonden: CompiledQuery | undefined
      const meeluisteren = { getExecutor: () => db.getExecutor(), executeQuery: (q: CompiledQuery) => { verzonden = q; return db.executeQuery(q) } } as unknown as Executor
      assert.equal((await rijenPerSleutel(meeluisteren, 'feiten', ['sleutel'], { bron: 'uwv-polis' }, 'sleutel', ['K1', 'K2', 'X'])).length, 2)
      const plan = await db.executeQuery<{ 'QUERY PLAN': string }>(CompiledQuery.raw(`explain ${verzonden!.sql}`, [...verzonden!.parameters]))
      const tekst = plan.rows.map((r) => r['QUERY PLAN']).join('\n')
      assert.match(tekst, /Index (Only )?Scan using feiten_sleutel/, tekst)
      assert.doesNotMatch(tekst, /Seq Scan on feiten|feiten_levering/, tekst)
    })
  }
})
