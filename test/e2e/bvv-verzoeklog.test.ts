import { describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { beslagvrijeVoetRoutes, berekenBvvAntwoord } from '../../src/products/beslagvrije-voet/index.js'
import { bvvBetrokkeneRef, bvvBewaarGrens, bvvVerzoeklog, runBvvRetention, startBvvRetentie } from '../../src/products/beslagvrije-voet/verzoeklog.js'
import type { Bsn } from '../../src/core/index.js'
import { startTestHub, testStores, type TestHub } from '../support/test-hub.js'
import { nieuwBsn, polis, voegFeitenToe } from '../support/kws-fixtures.js'

const json = (payload: unknown) => ({ payload: JSON.stringify(payload), headers: { 'content-type': 'application/json' } })
const BVV = '/api/v1/beslagvrije-voet/berekeningen'
// Without a woonadres (art. 475da lid 4) the calculation has verified parameters up to 2026; the lid-2 letters from 2024 are not.
const basis = { peildatum: '2026-02-01', leefsituatie: 'alleenstaande', woonadresBekend: false, bijstand: false }

async function opzet(store: 'sqlite' | 'postgres') {
  const t = await startTestHub(store, { modules: [beslagvrijeVoetRoutes] })
  const deurwaarder = await t.org('Deurwaarder', 'schuldeiser', { producten: ['beslagvrije-voet'], rollen: ['beslaglegger'] })
  return { t, deurwaarder }
}

/** The log row is written once the answer has been sent; wait for it. */
async function logregels(t: TestHub, oin: string, aantal: number) {
  for (let i = 0; i < 100; i++) {
    const rows = await bvvVerzoeklog(t.hub.ctx, oin)
    if (rows.length >= aantal) return rows
    await new Promise((r) => setTimeout(r, 10))
  }
  assert.fail(`verwacht ${aantal} regels in het verzoeklog`)
}

for (const store of testStores()) {
  describe(`beslagvrije voet: verzoeklog en BSN [${store}]`, () => {
    test('every request gets one log row: who, when, endpoint, counts, trace id; no amounts, no BSN', async () => {
      const { t, deurwaarder } = await opzet(store)
      await using _ = t
      const invoer = { ...basis, inkomenPerMaandCent: 234567, belastbaarJaarinkomenCent: 2811111 }
      const ok = await t.as(deurwaarder).inject({ method: 'POST', url: BVV, ...json(invoer) })
      assert.equal(ok.statusCode, 200)
      // Each row is written after its answer went out, so two requests in a row may log in either order: wait for
      // each row before the next request, to check the rows one by one.
      await logregels(t, deurwaarder.oin, 1)
      await t.as(deurwaarder).inject({ method: 'POST', url: BVV, ...json({ ...invoer, leefsituatie: 'onbekend' }) })
      await logregels(t, deurwaarder.oin, 2)
      const ndjson = [invoer, { ...invoer, bijstand: 'ja' }, invoer].map((r) => JSON.stringify(r)).join('\n')
      const bulk = await t.as(deurwaarder).inject({ method: 'POST', url: `${BVV}/_bulk`, payload: ndjson, headers: { 'content-type': 'application/x-ndjson' } })
      assert.equal(bulk.statusCode, 200)
      const rows = (await logregels(t, deurwaarder.oin, 3)).reverse()
      assert.deepEqual(rows.map((r) => [r.endpoint, r.http_status, r.aantal, r.aantal_fout, r.betrokkene_ref]), [
        ['POST /api/v1/beslagvrije-voet/berekeningen', 200, 1, 0, null],
        ['POST /api/v1/beslagvrije-voet/berekeningen', 400, 0, 1, null],
        ['POST /api/v1/beslagvrije-voet/berekeningen/_bulk', 200, 3, 1, null],
      ])
      for (const r of rows) {
        assert.match(r.trace_id, /^[0-9a-f]{32}$/)
        assert.equal(r.client_id, deurwaarder.clientId)
        const tekst = JSON.stringify(r)
        assert.ok(!tekst.includes('234567') && !tekst.includes(String(ok.json().beslagvrijeVoetCent)), 'no amounts in the log')
      }
      const anoniem = await t.inject({ method: 'POST', url: BVV, ...json(invoer) })
      assert.equal(anoniem.statusCode, 401)
      await new Promise((r) => setTimeout(r, 50))
      assert.equal((await bvvVerzoeklog(t.hub.ctx, deurwaarder.oin)).length, 3, 'a request without a valid token names no one to log')
    })

    test('a BSN: income from the latest polis month, checked against the last four; ledger line and keyed ref', async () => {
      const { t, deurwaarder } = await opzet(store)
      await using _ = t
      const bsn = nieuwBsn()
      await voegFeitenToe(t.hub, [
        ...['2025-10', '2025-11', '2025-12'].map((m) => polis(bsn, m, 250000, 50000)),
        polis(bsn, '2026-01', 200000, 40000), polis(bsn, '2026-01', 60000, 6000, 'IKV2'),
        polis(bsn, '2026-03', 999999, 1), // after the peildatum's month: not used
      ])
      const res = await t.as(deurwaarder).inject({ method: 'POST', url: BVV, ...json({ ...basis, bsn }) })
      assert.equal(res.statusCode, 200, res.body)
      const body = res.json()
      // January: (200000 − 40000) + (60000 − 6000) = 214000 netto; C = 12 × 260000
      assert.equal(body.inkomenPerMaandCent, 214000)
      const verwacht = berekenBvvAntwoord({ ...basis, inkomenPerMaandCent: 214000, belastbaarJaarinkomenCent: 12 * 260000 })
      assert.equal(body.beslagvrijeVoetCent, verwacht.beslagvrijeVoetCent)
      assert.deepEqual(body.inkomenControle, {
        maand: '2026-01', maanden: [{ maand: '2026-01', nettoCent: 214000 }, { maand: '2025-12', nettoCent: 200000 }, { maand: '2025-11', nettoCent: 200000 }, { maand: '2025-10', nettoCent: 200000 }],
        gemiddeldeNettoCent: 203500, afwijkingProcent: 5, reeleAfspiegeling: true,
      })
      assert.deepEqual(body.berekening.slice(0, 5).map((s: { id: string }) => s.id), ['netto-loon', 'netto-vakantiebijslag', 'netto-indicatief', 'inkomen-controle-vier-maanden', 'belastbaar-jaarinkomen-uit-polis'])
      assert.ok(!JSON.stringify(body).includes(bsn), 'the answer does not repeat the BSN')
      const lijnen = await t.hub.ctx.ledger.inzage(bsn as Bsn)
      assert.deepEqual(lijnen.map((l) => [l.activiteit, l.verwerkingsactiviteit, l.status]), [['inkomen-opvragen', 'bvv.berekenen', 'ok']])
      const [rij] = await logregels(t, deurwaarder.oin, 1)
      assert.equal(rij!.betrokkene_ref, bvvBetrokkeneRef(t.hub.ctx, bsn))
      assert.ok(!JSON.stringify(rij).includes(bsn))

      // A caller-given C is used as given; an income beside the BSN is refused.
      const metC = await t.as(deurwaarder).inject({ method: 'POST', url: BVV, ...json({ ...basis, bsn, belastbaarJaarinkomenCent: 1000000 }) })
      assert.equal(metC.json().beslagvrijeVoetCent, berekenBvvAntwoord({ ...basis, inkomenPerMaandCent: 214000, belastbaarJaarinkomenCent: 1000000 }).beslagvrijeVoetCent)
      const dubbel = await t.as(deurwaarder).inject({ method: 'POST', url: BVV, ...json({ ...basis, bsn, inkomenPerMaandCent: 1 }) })
      assert.equal(dubbel.statusCode, 400)
      assert.equal(dubbel.json().invalidParams[0].code, 'niet-met-bsn')
    })

    test('a latest month far from the four-month average is flagged; old or missing polis facts give 404', async () => {
      const { t, deurwaarder } = await opzet(store)
      await using _ = t
      const [wisselend, oud, geen] = [nieuwBsn(), nieuwBsn(), nieuwBsn()]
      await voegFeitenToe(t.hub, [polis(wisselend, '2026-01', 400000, 80000), polis(wisselend, '2025-11', 100000, 0), polis(oud, '2025-06', 300000, 50000)])
      const w = (await t.as(deurwaarder).inject({ method: 'POST', url: BVV, ...json({ ...basis, bsn: wisselend }) })).json()
      assert.equal(w.inkomenPerMaandCent, 320000)
      assert.equal(w.inkomenControle.reeleAfspiegeling, false)
      assert.equal(w.inkomenControle.gemiddeldeNettoCent, 105000)
      for (const bsn of [oud, geen]) {
        const r = await t.as(deurwaarder).inject({ method: 'POST', url: BVV, ...json({ ...basis, bsn }) })
        assert.equal(r.statusCode, 404)
        assert.equal(r.json().code, 'beslagvrije-voet.geen-inkomensfeiten')
        assert.equal((await t.hub.ctx.ledger.inzage(bsn as Bsn))[0]!.status, 'fout')
      }
      const rows = await logregels(t, deurwaarder.oin, 3)
      assert.deepEqual(rows.map((r) => r.http_status).sort(), [200, 404, 404])
      assert.ok(rows.every((r) => r.betrokkene_ref !== null))
    })

    test('retention: rows older than 18 months are deleted, by the job and by the worker', async () => {
      const { t, deurwaarder } = await opzet(store)
      await using _ = t
      const db = t.hub.ctx.database.db.withTables<{ bvv_verzoeklog: { tijdstip: string; oin: string; client_id: string; endpoint: string; http_status: number; aantal: number; aantal_fout: number; trace_id: string; betrokkene_ref: string | null } }>()
      const rij = (tijdstip: string) => ({ tijdstip, oin: deurwaarder.oin, client_id: 'c', endpoint: 'POST /x', http_status: 200, aantal: 1, aantal_fout: 0, trace_id: '0'.repeat(32), betrokkene_ref: null })
      const nu = new Date('2026-08-15T12:00:00.000Z')
      await db.insertInto('bvv_verzoeklog').values([rij('2025-02-15T11:59:59.999Z'), rij('2025-02-15T12:00:00.000Z'), rij('2025-03-01T00:00:00.000Z'), rij('2026-08-15T11:00:00.000Z')]).execute()
      assert.equal(await runBvvRetention(t.hub.ctx, nu), 1)
      assert.deepEqual((await bvvVerzoeklog(t.hub.ctx, deurwaarder.oin)).map((r) => r.tijdstip).sort(), ['2025-02-15T12:00:00.000Z', '2025-03-01T00:00:00.000Z', '2026-08-15T11:00:00.000Z'])
      assert.equal(await runBvvRetention(t.hub.ctx, nu), 0, 'idempotent')

      // The worker runs the same job against the hub's clock when it starts: what is left is within 18 months of now.
      const vers = new Date().toISOString()
      await db.insertInto('bvv_verzoeklog').values(rij(vers)).execute()
      const stop = await startBvvRetentie(t.hub.ctx)
      await stop()
      const over = (await bvvVerzoeklog(t.hub.ctx, deurwaarder.oin)).map((r) => r.tijdstip)
      assert.ok(over.includes(vers))
      assert.ok(over.every((tijdstip) => tijdstip >= bvvBewaarGrens(new Date())), over.join())
    })
  })
}
