import assert from 'node:assert/strict'
import { test } from 'node:test'
import { describeStores } from '../../../test/support/stores.js'
import { insertRows, insertRowsNa, pgArray, rijenPerStatement, stukken } from './bulk-insert.js'

test('a batch splits into full statements and powers of two, so few statement texts exist', () => {
  assert.deepEqual(stukken(0, 512), [])
  assert.deepEqual(stukken(1, 512), [1])
  assert.deepEqual(stukken(512, 512), [512])
  assert.deepEqual(stukken(1300, 512), [512, 512, 256, 16, 4])
  for (const n of [3, 77, 511, 513, 4097]) assert.equal(stukken(n, 64).reduce((a, b) => a + b, 0), n)
  assert.equal(rijenPerStatement(6), 512)
  assert.equal(rijenPerStatement(40), 256)
  assert.ok(rijenPerStatement(18) * 18 <= 16_000)
})

test('a PostgreSQL array literal quotes every string and escapes only quote and backslash', () => {
  const rijen = [{ v: 'a' }, { v: 'b"c' }, { v: 'd\\e' }, { v: null }, { v: 42 }, { v: 'NULL' }, { v: '' }, { v: '{x,y}' }]
  assert.equal(pgArray(rijen, 'v'), '{"a","b\\"c","d\\\\e",NULL,42,"NULL","","{x,y}"}')
  assert.equal(pgArray([], 'v'), '{}')
})

describeStores('insertRows', (store) => {
  test('any text survives the round trip: quotes, backslashes, braces, commas, newlines, "NULL", empty, unicode', async () => {
    await using database = await store.open()
    const teksten = ['"', '\\', '\\"', '{', '}', '{a,b}', ',', 'NULL', 'null', '', ' ', 'regel\nregel', '\t', 'é ü € 😀', "'", 'a"b\\c{d}e,f']
    const rows = teksten.map((t, i) => ({ id: `t-${i}`, type: 'knooppunt.test.v1', data: t, trace_id: t === '' ? null : t, aangemaakt: '2026-11-28T12:00:00.000Z', doorgegeven: null }))
    await database.db.transaction().execute((tx) => insertRows(tx, 'outbox', ['id', 'type', 'data', 'trace_id', 'aangemaakt', 'doorgegeven'], rows))
    const stored = await database.db.selectFrom('outbox').selectAll().orderBy('seq').execute()
    assert.deepEqual(stored.map((r) => r.data), teksten)
    assert.deepEqual(stored.map((r) => r.trace_id), teksten.map((t) => (t === '' ? null : t)))
  })


  test('inserts every row in order, nulls and numbers intact, inside a transaction', async () => {
    await using database = await store.open()
    for (const n of [0, 1, 7, 512, 1300, 12_000]) {
      const rows = Array.from({ length: n }, (_, i) => ({
        id: `${n}-${i}`, type: 'knooppunt.test.v1', data: JSON.stringify({ i, tekst: `'quote' "en" ; ${i}` }), trace_id: i % 2 ? null : `t${i}`,
        aangemaakt: '2026-11-28T12:00:00.000Z', doorgegeven: null,
      }))
      await database.db.transaction().execute((tx) => insertRows(tx, 'outbox', ['id', 'type', 'data', 'trace_id', 'aangemaakt', 'doorgegeven'], rows))
      const stored = await database.db.selectFrom('outbox').selectAll().where('id', 'like', `${n}-%`).orderBy('seq').execute()
      assert.equal(stored.length, n)
      stored.forEach((r, i) => {
        assert.equal(r.id, `${n}-${i}`)
        assert.deepEqual(JSON.parse(r.data), { i, tekst: `'quote' "en" ; ${i}` })
        assert.equal(r.trace_id, i % 2 ? null : `t${i}`)
        assert.equal(r.doorgegeven, null)
      })
    }
  })

  test('a failing row rolls back the whole transaction', async () => {
    await using database = await store.open()
    const row = (id: string) => ({ id, type: 't', data: '{}', trace_id: null, aangemaakt: 'x', doorgegeven: null })
    await assert.rejects(database.db.transaction().execute((tx) => insertRows(tx, 'outbox', ['id', 'type', 'data', 'trace_id', 'aangemaakt', 'doorgegeven'],
      [row('a'), row('b'), { ...row('c'), type: null as unknown as string }])))
    assert.equal((await database.db.selectFrom('outbox').selectAll().execute()).length, 0)
  })

  test('insertRowsNa runs its write first and then inserts every row, in one transaction, for small and large batches', async () => {
    await using database = await store.open()
    for (const n of [0, 1, 300, 5_001]) {
      const rows = Array.from({ length: n }, (_, i) => ({ id: `na-${n}-${i}`, type: 'knooppunt.test.v1', data: `{"i":${i}}`, trace_id: null, aangemaakt: '2026-11-28T12:00:00.000Z', doorgegeven: null }))
      await database.db.transaction().execute((tx) => insertRowsNa(tx,
        tx.updateTable('ledger_kop').set({ seq: n, hash: `h${n}`.padEnd(64, '0') }).where('id', '=', 1).compile(), 'outbox', ['id', 'type', 'data', 'trace_id', 'aangemaakt', 'doorgegeven'], rows))
      assert.deepEqual(await database.db.selectFrom('ledger_kop').select(['seq', 'hash']).executeTakeFirst(), { seq: n, hash: `h${n}`.padEnd(64, '0') })
      const stored = await database.db.selectFrom('outbox').select('id').where('id', 'like', `na-${n}-%`).orderBy('seq').execute()
      assert.deepEqual(stored.map((r) => r.id), rows.map((r) => r.id))
    }
    // A failing insert takes its write with it.
    await assert.rejects(database.db.transaction().execute((tx) => insertRowsNa(tx, tx.updateTable('ledger_kop').set({ seq: 99 }).where('id', '=', 1).compile(),
      'outbox', ['id', 'type', 'data', 'trace_id', 'aangemaakt', 'doorgegeven'], [{ id: 'na-1-0', type: 'x', data: '{}', trace_id: null, aangemaakt: '2026-11-28T12:00:00.000Z', doorgegeven: null }])))
    assert.equal(Number((await database.db.selectFrom('ledger_kop').select('seq').executeTakeFirstOrThrow()).seq), 5_001)
  })
})
