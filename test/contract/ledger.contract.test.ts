import { test } from 'node:test'
import assert from 'node:assert/strict'
import { sql } from 'kysely'
import { AppError, completeBsn, fixedClock, newSpanId, newTraceId, type Bsn } from '../../src/core/index.js'
import { createKeyring, generateMasterKey } from '../../src/platform/keyring/index.js'
import { createLedger, type Verwerking } from '../../src/platform/ledger/index.js'
import { describeStores } from '../support/stores.js'

const BSN_A = completeBsn('12345678') ?? ('123456782' as Bsn)
const BSN_B = completeBsn('11122233')!
const line = (bsn: Bsn, activiteit = 'test-verwerking'): Verwerking => ({
  trace: { traceId: newTraceId(), spanId: newSpanId() }, activiteit, verwerkingsactiviteit: 'test.verwerken',
  product: 'samenloop', betrokkene: bsn, actorOin: '00000001234567890000',
})

describeStores('ledger', (store) => {
  test('appends, finds lines per BSN newest first, and verifies the chain', async () => {
    await using database = await store.open()
    const ledger = createLedger({ db: database.db, clock: fixedClock('2026-11-28T10:00:00Z'), keyring: createKeyring(generateMasterKey()) })
    await database.db.transaction().execute((tx) => ledger.record(tx, [line(BSN_A, 'eerste'), line(BSN_B), line(BSN_A, 'tweede')]))
    await database.db.transaction().execute((tx) => ledger.record(tx, [line(BSN_A, 'derde')]))
    const inzage = await ledger.inzage(BSN_A)
    assert.deepEqual(inzage.map((l) => l.activiteit), ['derde', 'tweede', 'eerste'])
    assert.equal((await ledger.inzage(BSN_B)).length, 1)
    assert.deepEqual(await ledger.verify(), { ok: true, lines: 4 })
    const stored = await database.db.selectFrom('ledger').selectAll().execute()
    assert.ok(stored.every((r) => !JSON.stringify(r).includes(BSN_A)), 'the BSN is never stored in the clear')
  })

  test('inzage finds the lines of each subject, among many, through the short per-subject index', async () => {
    await using database = await store.open()
    const ledger = createLedger({ db: database.db, clock: fixedClock('2026-11-28T10:00:00Z'), keyring: createKeyring(generateMasterKey()) })
    const bsns: Bsn[] = []
    for (let n = 20_000_000; bsns.length < 300; n += 7) { const b = completeBsn(String(n)); if (b) bsns.push(b) }
    await database.db.transaction().execute((tx) => ledger.record(tx, bsns.flatMap((b, i) => Array.from({ length: 1 + (i % 3) }, (_, k) => line(b, `v${k}`)))))
    for (const [i, b] of bsns.entries()) {
      assert.deepEqual((await ledger.inzage(b)).map((l) => l.activiteit), Array.from({ length: 1 + (i % 3) }, (_, k) => `v${k}`).reverse())
    }
    assert.deepEqual(await ledger.verify(), { ok: true, lines: 600 })
    const plan = async (q: ReturnType<typeof sql>) => JSON.stringify((await q.execute(database.db)).rows)
    if (store.name === 'sqlite') {
      assert.match(await plan(sql`explain query plan select * from ledger where substr(betrokkene_ref, 1, 16) = ${'ab'} and betrokkene_ref = ${'abc'} order by seq desc`), /ledger_betrokkene_kort/)
    } else {
      await database.db.transaction().execute(async (tx) => {
        await sql`set local enable_seqscan = off`.execute(tx)
        const p = JSON.stringify((await sql`explain select * from ledger where substr(betrokkene_ref, 1, 16) = ${'ab'} and betrokkene_ref = ${'abc'} order by seq desc`.execute(tx)).rows)
        assert.match(p, /ledger_betrokkene_kort/)
      })
    }
  })

  test('an altered line and a deleted line are reported by sequence number', async () => {
    await using database = await store.open()
    const ledger = createLedger({ db: database.db, clock: fixedClock('2026-11-28T10:00:00Z'), keyring: createKeyring(generateMasterKey()) })
    await database.db.transaction().execute((tx) => ledger.record(tx, Array.from({ length: 5 }, () => line(BSN_A))))
    await database.db.updateTable('ledger').set({ activiteit: 'verzonnen' }).where('seq', '=', 3).execute()
    assert.deepEqual(await ledger.verify(), { ok: false, lines: 2, seq: 3, problem: 'gewijzigd' })
    await database.db.updateTable('ledger').set({ activiteit: 'test-verwerking' }).where('seq', '=', 3).execute()
    await database.db.deleteFrom('ledger').where('seq', '=', 4).execute()
    assert.deepEqual(await ledger.verify(), { ok: false, lines: 3, seq: 4, problem: 'ontbreekt' })
  })

  test('a removed last line shows against the head', async () => {
    await using database = await store.open()
    const ledger = createLedger({ db: database.db, clock: fixedClock('2026-11-28T10:00:00Z'), keyring: createKeyring(generateMasterKey()) })
    await database.db.transaction().execute((tx) => ledger.record(tx, [line(BSN_A), line(BSN_A)]))
    await database.db.deleteFrom('ledger').where('seq', '=', 2).execute()
    assert.deepEqual(await ledger.verify(), { ok: false, lines: 1, seq: 2, problem: 'ontbreekt' })
  })

  test('a running hub may append while the chain is verified: those lines are the next run\'s, not a gap', async () => {
    await using database = await store.open()
    const ledger = createLedger({ db: database.db, clock: fixedClock('2026-11-28T10:00:00Z'), keyring: createKeyring(generateMasterKey()) })
    await database.db.transaction().execute((tx) => ledger.record(tx, Array.from({ length: 5_001 }, () => line(BSN_A))))
    let bijgeschreven = false
    const r = await ledger.verify(async () => {
      if (bijgeschreven) return
      bijgeschreven = true
      await database.db.transaction().execute((tx) => ledger.record(tx, [line(BSN_B), line(BSN_B), line(BSN_B)]))
    })
    // The append ran during the first batch's progress call; the verification covered the head as it found it.
    assert.ok(bijgeschreven)
    assert.deepEqual(r, { ok: true, lines: 5_001 })
    assert.deepEqual(await ledger.verify(), { ok: true, lines: 5_004 })
  })

  test('a line written around the ledger, beyond its head, is reported', async () => {
    await using database = await store.open()
    const ledger = createLedger({ db: database.db, clock: fixedClock('2026-11-28T10:00:00Z'), keyring: createKeyring(generateMasterKey()) })
    await database.db.transaction().execute((tx) => ledger.record(tx, [line(BSN_A), line(BSN_A)]))
    const laatste = await database.db.selectFrom('ledger').selectAll().where('seq', '=', 2).executeTakeFirstOrThrow()
    await database.db.insertInto('ledger').values({ ...laatste, seq: 3, id: 'ingevoegd', vorige_hash: laatste.hash }).execute()
    assert.deepEqual(await ledger.verify(), { ok: false, lines: 2, seq: 3, problem: 'na-kop' })
  })

  test('fails closed: when the ledger cannot be written the processing rolls back with it', async () => {
    await using database = await store.open()
    const ledger = createLedger({ db: database.db, clock: fixedClock('2026-11-28T10:00:00Z'), keyring: createKeyring(generateMasterKey()) })
    await sql`create table verwerking_test (id integer primary key)`.execute(database.db)
    await sql`drop table ledger`.execute(database.db)
    await assert.rejects(database.db.transaction().execute(async (tx) => {
      await sql`insert into verwerking_test (id) values (1)`.execute(tx)
      await ledger.record(tx, [line(BSN_A)])
    }), (e: unknown) => e instanceof AppError && e.kind === 'unavailable' && e.code === 'logboek.niet-beschikbaar')
    const rows = await sql<{ n: number }>`select count(*) as n from verwerking_test`.execute(database.db)
    assert.equal(Number(rows.rows[0]?.n), 0)
  })

  test('concurrent appenders keep one unbroken chain', async () => {
    await using database = await store.open()
    const ledger = createLedger({ db: database.db, clock: fixedClock('2026-11-28T10:00:00Z'), keyring: createKeyring(generateMasterKey()) })
    await Promise.all(Array.from({ length: 20 }, () => database.db.transaction().execute((tx) => ledger.record(tx, [line(BSN_A), line(BSN_B)]))))
    assert.deepEqual(await ledger.verify(), { ok: true, lines: 40 })
  })

  test('two hub instances on one store, and appends that roll back, keep one unbroken chain', async () => {
    await using database = await store.open()
    const keyring = createKeyring(generateMasterKey())
    const [a, b] = [0, 1].map(() => createLedger({ db: database.db, clock: fixedClock('2026-11-28T10:00:00Z'), keyring }))
    await database.db.transaction().execute((tx) => a!.record(tx, [line(BSN_A)]))
    await database.db.transaction().execute((tx) => b!.record(tx, [line(BSN_B), line(BSN_B)]))
    // A's own idea of the head is now stale: its next append must notice and still follow B's lines.
    await database.db.transaction().execute((tx) => a!.record(tx, [line(BSN_A)]))
    // An append whose transaction rolls back leaves no line, and the next one follows the last committed line.
    await assert.rejects(database.db.transaction().execute(async (tx) => {
      await a!.record(tx, [line(BSN_A), line(BSN_A)])
      throw new Error('verwerking mislukt')
    }), /verwerking mislukt/)
    await database.db.transaction().execute((tx) => a!.record(tx, [line(BSN_B)]))
    assert.deepEqual(await a!.verify(), { ok: true, lines: 5 })
    // Both at once, many times: every line once, one chain.
    await Promise.all(Array.from({ length: 30 }, (_, i) => database.db.transaction().execute(async (tx) => {
      await (i % 2 ? a! : b!).record(tx, [line(BSN_A), line(BSN_B)])
      if (i % 7 === 3) throw new Error('terug')
    }).catch((e: Error) => { if (e.message !== 'terug') throw e })))
    const teruggedraaid = Array.from({ length: 30 }, (_, i) => i).filter((i) => i % 7 === 3).length
    assert.deepEqual(await b!.verify(), { ok: true, lines: 5 + 2 * (30 - teruggedraaid) })
    assert.equal((await database.db.selectFrom('ledger').select('seq').execute()).length, 5 + 2 * (30 - teruggedraaid))
  })
})
