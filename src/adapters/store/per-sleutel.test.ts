import assert from 'node:assert/strict'
import { test } from 'node:test'
import { CompiledQuery, sql } from 'kysely'
import type { Executor } from '../../platform/tables.js'
import { describeStores } from '../../../test/support/stores.js'
import { insertRows } from './bulk-insert.js'
import { rijenPerSleutel } from './per-sleutel.js'

const KOLOMMEN = ['bron', 'bsn', 'sleutel', 'geldig_van', 'geldig_tot', 'gegevens', 'inhoud_hash', 'levering_id', 'regel', 'vastgelegd', 'bewaren_tot'] as const
const feit = (bron: string, sleutel: string, hash = 'h') => ({
  bron, bsn: '123456782', sleutel, geldig_van: '2026-01-01', geldig_tot: null, gegevens: '{}', inhoud_hash: hash,
  levering_id: 'L1', regel: 2, vastgelegd: '2026-11-29T00:00:00.000Z', bewaren_tot: '2027-01-01',
})

describeStores('rijenPerSleutel', (store) => {
  test('finds exactly the rows whose key is listed and whose fixed columns match, any text, any number of keys', async () => {
    await using database = await store.open()
    const lastig = ['"', '\\', '{a,b}', 'NULL', '', ' ', "o'neill", 'é €', 'a,b']
    const veel = Array.from({ length: 12_500 }, (_, i) => `IKV${i}|2026-01`)
    await database.db.transaction().execute((tx) => insertRows(tx, 'feiten', KOLOMMEN, [
      ...lastig.map((s) => feit('uwv-polis', s)), ...veel.map((s) => feit('uwv-polis', s, `h${s}`)),
      feit('rdw-voertuigen', 'IKV1|2026-01'), feit('uwv-polis', 'IKV1|2026-01', 'tweede versie'),
    ]))
    const db = database.db
    assert.deepEqual(await rijenPerSleutel(db, 'feiten', ['sleutel'], { bron: 'uwv-polis' }, 'sleutel', []), [])
    const gevonden = await rijenPerSleutel(db, 'feiten', ['sleutel', 'inhoud_hash'], { bron: 'uwv-polis' }, 'sleutel', [...lastig, 'ontbreekt'])
    assert.deepEqual(gevonden.map((r) => r.sleutel).sort(), [...lastig].sort())
    // Both versions of one key, and only this source's.
    const een = await rijenPerSleutel(db, 'feiten', ['bron', 'inhoud_hash'], { bron: 'uwv-polis' }, 'sleutel', ['IKV1|2026-01'])
    assert.deepEqual(een.map((r) => `${r.bron}:${r.inhoud_hash}`).sort(), ['uwv-polis:hIKV1|2026-01', 'uwv-polis:tweede versie'])
    // More keys than one statement takes (on either store), each found once.
    const alle = await rijenPerSleutel(db, 'feiten', ['sleutel'], { bron: 'uwv-polis' }, 'sleutel', veel)
    assert.equal(alle.length, veel.length + 1)
    assert.equal(new Set(alle.map((r) => r.sleutel)).size, veel.length)
    // Two fixed columns.
    const twee = await rijenPerSleutel(db, 'feiten', ['sleutel'], { bron: 'uwv-polis', inhoud_hash: 'tweede versie' }, 'sleutel', ['IKV1|2026-01', 'IKV2|2026-01'])
    assert.deepEqual(twee, [{ sleutel: 'IKV1|2026-01' }])
  })

  if (store.name === 'postgres') {
    test('PostgreSQL probes the index on (bron, sleutel) per key, also in a table never analysed', async () => {
      await using database = await store.open()
      const db = database.db
      await db.transaction().execute((tx) => insertRows(tx, 'feiten', KOLOMMEN, Array.from({ length: 20_000 }, (_, i) => feit('uwv-polis', `K${i}`))))
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
