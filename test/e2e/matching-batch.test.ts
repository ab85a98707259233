/**
 * Matching several fact events in one turn (`matchLeveringen`, the samenloop consumer's batch) gives the same
 * signals, corrections and ledger lines as matching them one at a time — on the real store, both databases.
 */
import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { newSpanId, newTraceId, type Bsn } from '../../src/core/index.js'
import { matchLeveringen } from '../../src/platform/matching/index.js'
import { matchSamenloopLevering, SAMENLOOP_REGELS, samenloopModule } from '../../src/products/samenloop/index.js'
import { startTestHub, testStores } from '../support/test-hub.js'
import { indiceer, leverEnMeld, leverFeiten, polis, rdw, testBsn, wachtTot, type TestFeit } from '../support/werk-en-inkomen-fixtures.js'

/** A sequence of deliveries about two clients and one outsider: duplicates, a correction, two sources, a big one. */
function leveringen(a: string, b: string, buiten: string, prefix: string): Array<{ id: string; feiten: TestFeit[]; groot?: boolean }> {
  return [
    { id: `${prefix}-1`, feiten: [polis(a, '2025-03')] },
    { id: `${prefix}-2`, feiten: [polis(a, '2025-03')] }, // the same line again: nothing new
    { id: `${prefix}-3`, feiten: [polis(a, '2025-03', { bruto: 175_000 })] }, // same key, other amount: a correction
    { id: `${prefix}-4`, feiten: [polis(b, '2025-04'), polis(buiten, '2025-04'), polis(a, '2025-03', { bruto: 150_000 })], groot: true },
    { id: `${prefix}-5`, feiten: [rdw(b, 'AB-12-CD', '2025-05-02')] },
    { id: `${prefix}-6`, feiten: [polis(b, '2025-04', { bruto: 160_000 }), polis(a, '2025-06', { ikv: 'IKV-2' })] },
  ]
}

describe('matching fact events in batches', () => {
  for (const store of testStores()) {
    test(`[${store}] a batch gives the same signals, corrections and ledger lines as one event at a time`, async () => {
      await using t = await startTestHub(store, { modules: [samenloopModule] })
      const utrecht = await t.org('Gemeente Utrecht', 'gemeente', { producten: ['samenloop'], rollen: ['inkomen'] })
      const { db } = t.hub.ctx.database
      const [a1, b1, a2, b2] = [testBsn(), testBsn(), testBsn(), testBsn()] as Bsn[] as [Bsn, Bsn, Bsn, Bsn]
      await indiceer(db, utrecht.oin, [a1, b1, a2, b2].map((bsn) => ({ bsn, van: '2025-01-01' })))

      // One at a time (the reference), on clients a1/b1.
      const los = leveringen(a1, b1, testBsn(), 'los')
      for (const l of los) {
        await leverFeiten(db, l.id, l.feiten)
        for (const bron of new Set(l.feiten.map((f) => f.bron))) await matchSamenloopLevering(t.hub.ctx, bron, l.id)
      }
      // All in one call, on clients a2/b2: small deliveries read together, the big one alone, chunks across deliveries.
      const samen = leveringen(a2, b2, testBsn(), 'samen')
      for (const l of samen) await leverFeiten(db, l.id, l.feiten)
      const traces = samen.map(() => ({ traceId: newTraceId(), spanId: newSpanId() }))
      const r = await matchLeveringen(t.hub.ctx, samen.flatMap((l, i) => [...new Set(l.feiten.map((f) => f.bron))].map((bron) => ({
        bron, leveringId: l.id, trace: traces[i], ...(l.groot ? {} : { opgeslagen: l.feiten.filter((f) => f.bron === bron).length }),
      }))), SAMENLOOP_REGELS, { chunk: 2 })
      assert.equal(r.feiten, 9)

      const signalen = async (a: string, b: string) => {
        const rows = await db.selectFrom('signalen').select(['bsn', 'soort', 'sleutel', 'gegevens', 'correctie']).where('bsn', 'in', [a, b]).orderBy('seq').execute()
        return rows.map((s) => [s.bsn === a ? 'a' : 'b', s.soort, s.sleutel.replace(s.bsn, 'X'), JSON.parse(s.gegevens).brutoloonCent ?? null, Number(s.correctie)])
      }
      const verwacht = await signalen(a1, b1)
      assert.equal(verwacht.length, 6, JSON.stringify(verwacht))
      assert.equal(verwacht.filter((s) => s[4] === 1).length, 2, 'two corrections (a 175k; b 160k); back to 150k is a known identity, nothing new')
      assert.deepEqual(await signalen(a2, b2), verwacht)
      assert.equal(r.nieuw, 6)
      assert.equal(r.correcties, 2)

      // Ledger: one line per delivery that matched the person (matching is a processing even without a new signal).
      const regels = async (bsn: Bsn) => (await t.hub.ctx.ledger.inzage(bsn)).filter((l) => l.activiteit === 'signaleren').length
      assert.equal(await regels(a2), await regels(a1))
      assert.equal(await regels(b2), await regels(b1))
      assert.equal(await regels(a1), 5)
      // Each line and each signal event carries the trace of its own delivery.
      const lijnTraces = new Set((await t.hub.ctx.ledger.inzage(a2)).filter((l) => l.activiteit === 'signaleren').map((l) => l.traceId))
      assert.deepEqual(lijnTraces, new Set([0, 1, 2, 3, 5].map((i) => traces[i]!.traceId)))
      const events = await db.selectFrom('outbox').select(['data', 'trace_id']).where('type', '=', 'knooppunt.signaal.aangemaakt.v1').execute()
      const perSignaal = new Map(events.map((e) => [JSON.parse(e.data).signaalId as string, e.trace_id]))
      const b2Signalen = await db.selectFrom('signalen').select(['id', 'bronnen']).where('bsn', '=', b2).orderBy('seq').execute()
      assert.deepEqual(b2Signalen.map((s) => perSignaal.get(s.id)), [3, 4, 5].map((i) => traces[i]!.traceId))
    })

    test(`[${store}] the bus consumer matches events that wait together, each exactly as alone`, async () => {
      await using t = await startTestHub(store, { modules: [samenloopModule] })
      const utrecht = await t.org('Gemeente Utrecht', 'gemeente', { producten: ['samenloop'], rollen: ['inkomen'] })
      const { db } = t.hub.ctx.database
      const bsns = Array.from({ length: 30 }, () => testBsn() as Bsn)
      await indiceer(db, utrecht.oin, bsns.map((bsn) => ({ bsn, van: '2025-01-01' })))
      for (const [i, bsn] of bsns.entries()) await leverEnMeld(db, t.hub.ctx.clock, `ev-${i}`, [polis(bsn, '2025-03'), polis(bsn, '2025-03', { ikv: 'IKV-9', bruto: 1 })])
      // And a correction of the first, after the others.
      await leverEnMeld(db, t.hub.ctx.clock, 'ev-correctie', [polis(bsns[0]!, '2025-03', { bruto: 99_000 })])
      t.hub.ctx.bus.notify()
      const aantal = async () => Number((await db.selectFrom('signalen').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)
      await wachtTot(async () => (await aantal()) >= 61)
      await new Promise((r) => setTimeout(r, 200))
      assert.equal(await aantal(), 61)
      const correcties = await db.selectFrom('signalen').select('bsn').where('correctie', '=', 1).execute()
      assert.deepEqual(correcties.map((c) => c.bsn), [bsns[0]])
      for (const bsn of bsns.slice(0, 3)) assert.equal((await t.hub.ctx.ledger.inzage(bsn)).filter((l) => l.activiteit === 'signaleren').length, bsn === bsns[0] ? 2 : 1)
    })
  }
})
