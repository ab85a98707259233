import { describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { generate } from '../../src/synth/index.js'
import { PRINCIPAL_CACHE_MS } from '../../src/platform/access/index.js'
import { intakeModule } from '../../src/platform/intake/index.js'
import { populatieModule } from '../../src/platform/population/index.js'
import { samenloopModule, matchSamenloopLevering } from '../../src/products/samenloop/index.js'
import type { Bsn } from '../../src/core/index.js'
import { startTestHub, testStores, type TestHub, type TestOrg } from '../support/test-hub.js'
import { brp, detentie, indiceer, leverEnMeld, leverFeiten, polis, rdw, studiefinanciering, svb, testBsn, vermogen, wachtTot, type TestFeit } from '../support/werk-en-inkomen-fixtures.js'

const modules = [samenloopModule]
const json = (payload: unknown) => ({ payload: JSON.stringify(payload), headers: { 'content-type': 'application/json' } })
type Signaal = { id: string; soort: string; bsn: string; correctie: boolean; status: string; periode: { van: string; tot: string | null }; gegevens: Record<string, unknown>; uitleg: string; bronnen: unknown[]; regel: { id: string; versie: string } }

async function opzet(store: 'sqlite' | 'postgres') {
  const t = await startTestHub(store, { modules })
  const utrecht = await t.org('Gemeente Utrecht', 'gemeente', { producten: ['samenloop'], rollen: ['inkomen'] })
  const amersfoort = await t.org('Gemeente Amersfoort', 'gemeente', { producten: ['samenloop'], rollen: ['inkomen'] })
  await t.hub.ctx.database.db.updateTable('organisaties').set({ gemeentecode: 'GM0344' }).where('oin', '=', utrecht.oin).execute()
  return { t, utrecht, amersfoort, db: t.hub.ctx.database.db }
}

async function lijst(t: TestHub, org: TestOrg, query = ''): Promise<{ signalen: Signaal[]; volgende: string | null }> {
  const res = await t.as(org).inject({ method: 'GET', url: `/api/v1/signalen?product=samenloop${query}` })
  assert.equal(res.statusCode, 200, res.body)
  return res.json()
}

/** One resident in Utrecht's population from `van`, one polis line for 2025-03 delivered, and the one signal it made. */
async function eenSignaal(t: TestHub, utrecht: TestOrg, van: string, leveringId: string): Promise<{ bsn: Bsn; s: Signaal }> {
  const bsn = testBsn()
  await indiceer(t.hub.ctx.database.db, utrecht.oin, [{ bsn, van }])
  await lever(t, leveringId, [polis(bsn, '2025-03')], 1)
  const [s] = (await lijst(t, utrecht)).signalen
  return { bsn, s: s! }
}

const aantalSignalen = async (t: TestHub) => Number((await t.hub.ctx.database.db.selectFrom('signalen').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)

/** Delivers through the bus (the intake contract) and waits until the consumer has handled the event. */
async function lever(t: TestHub, leveringId: string, feiten: readonly TestFeit[], verwacht: number) {
  await leverEnMeld(t.hub.ctx.database.db, t.hub.ctx.clock, leveringId, feiten)
  t.hub.ctx.bus.notify()
  await wachtTot(async () => (await aantalSignalen(t)) >= verwacht)
}

for (const store of testStores()) {
  describe(`signalen [${store}]`, () => {
    test('every signal kind, from facts through the bus to the API, with ledger lines and outbox events', async () => {
      const { t, utrecht, db } = await opzet(store)
      await using _ = t
      const bsn = testBsn()
      await indiceer(db, utrecht.oin, [{ bsn, van: '2024-06-01' }])
      const feiten = [
        polis(bsn, '2025-03'), polis(bsn, '2025-03', { ikv: 'IKV-WW', soort: 'ww', werkgever: 'UWV' }), svb(bsn, 'anw', '2025-01-01'),
        vermogen(bsn, '2025-01-01', 900_000), rdw(bsn, 'GB-22-NL', '2025-02-10'), detentie(bsn, 'D-1', '2025-04-01', '2025-05-01'),
        studiefinanciering(bsn, '2025-09-01'), brp(bsn, 'verhuizing', '2025-06-01', '0363'), brp(bsn, 'emigratie', '2025-07-01', 'ES'),
        brp(bsn, 'overlijden', '2025-08-01'),
      ]
      const ledgerVoor = await t.hub.ctx.ledger.count()
      await lever(t, 'lev-alles', feiten, 10)
      const { signalen } = await lijst(t, utrecht)
      assert.deepEqual(signalen.map((s) => s.soort).sort(),
        ['detentie', 'emigratie', 'inkomsten', 'overlijden', 'studiefinanciering', 'uitkering', 'uitkering', 'verhuizing', 'vermogen', 'voertuig'])
      for (const s of signalen) {
        assert.equal(s.bsn, bsn)
        assert.equal(s.status, 'nieuw')
        assert.equal(s.correctie, false)
        assert.match(s.regel.id, /^samenloop\./)
        assert.match(s.uitleg, /onderzoekswaardig, geen conclusie/)
        assert.equal((s.bronnen[0] as { leveringId: string }).leveringId, 'lev-alles')
      }
      assert.equal('inrichting' in signalen.find((s) => s.soort === 'detentie')!.gegevens, false)
      const events = await db.selectFrom('outbox').select('data').where('type', '=', 'knooppunt.signaal.aangemaakt.v1').execute()
      assert.equal(events.length, 10)
      assert.ok(events.every((e) => !e.data.includes(bsn)), 'no BSN in event data')
      const inzage = await t.hub.ctx.ledger.inzage(bsn)
      assert.ok(inzage.some((l) => l.activiteit === 'signaleren' && l.verwerkingsactiviteit === 'samenloop.signaleren'))
      assert.ok(inzage.some((l) => l.activiteit === 'signaal-lezen' && l.verwerkingsactiviteit === 'samenloop.leveren' && l.actorOin === utrecht.oin))
      assert.equal(await t.hub.ctx.ledger.count(), ledgerVoor + 7 + 1, 'per BSN per processing, not per signal: one matching run per source (7), one read')
    })

    test('the identical line again gives nothing; other amounts give one correction', async () => {
      const { t, utrecht, db } = await opzet(store)
      await using _ = t
      const bsn = testBsn()
      await indiceer(db, utrecht.oin, [{ bsn, van: '2025-01-01' }])
      await lever(t, 'lev-1', [polis(bsn, '2025-03')], 1)
      await leverFeiten(db, 'lev-2', [polis(bsn, '2025-03'), polis(bsn, '2025-03')])
      assert.deepEqual(await matchSamenloopLevering(t.hub.ctx, 'uwv-polis', 'lev-2'), { feiten: 2, kandidaten: 1, nieuw: 0, correcties: 0 })
      await leverFeiten(db, 'lev-3', [polis(bsn, '2025-03', { bruto: 175_000 })])
      assert.deepEqual(await matchSamenloopLevering(t.hub.ctx, 'uwv-polis', 'lev-3'), { feiten: 1, kandidaten: 1, nieuw: 1, correcties: 1 })
      const { signalen } = await lijst(t, utrecht)
      assert.deepEqual(signalen.map((s) => [s.gegevens.brutoloonCent, s.correctie]), [[150_000, false], [175_000, true]])
      assert.equal(await matchSamenloopLevering(t.hub.ctx, 'uwv-polis', 'lev-3').then((r) => r.nieuw), 0, 'a rerun is harmless')
    })

    test('no signal outside a population, outside the indication period, or from a replaced indication row', async () => {
      const { t, utrecht, db } = await opzet(store)
      await using _ = t
      const [binnen, erbuiten, beeindigd, vervangen] = [testBsn(), testBsn(), testBsn(), testBsn()]
      await indiceer(db, utrecht.oin, [
        { bsn: binnen, van: '2025-01-01' }, { bsn: beeindigd, van: '2024-01-01', tot: '2025-02-28' },
        { bsn: vervangen, van: '2024-01-01', vervangen: '2025-01-01T00:00:00.000Z' },
      ])
      await indiceer(db, utrecht.oin, [{ bsn: erbuiten, van: '2024-01-01' }], 'oib')
      await leverFeiten(db, 'lev-x', [polis(binnen, '2025-03'), polis(erbuiten, '2025-03'), polis(beeindigd, '2025-03'), polis(vervangen, '2025-03'), polis(binnen, '2024-12'), rdw(binnen, 'XX-99-YY', '2024-12-31')])
      const r = await matchSamenloopLevering(t.hub.ctx, 'uwv-polis', 'lev-x')
      assert.equal(r.nieuw, 1)
      assert.equal((await matchSamenloopLevering(t.hub.ctx, 'rdw-voertuigen', 'lev-x')).nieuw, 0)
      const { signalen } = await lijst(t, utrecht)
      assert.deepEqual(signalen.map((s) => [s.bsn, s.periode.van]), [[binnen, '2025-03-01']])
      assert.equal((await t.hub.ctx.ledger.inzage(erbuiten)).length, 0, 'a BSN outside the population is not even logged as matched')
    })

    test('another afnemer never sees a signal: not in the feed, 404 on read and terugmelding, not in the export', async () => {
      const { t, utrecht, amersfoort, db } = await opzet(store)
      await using _ = t
      const { bsn, s } = await eenSignaal(t, utrecht, '2025-01-01', 'lev-1')
      assert.deepEqual((await lijst(t, amersfoort)).signalen, [])
      const lezen = await t.as(amersfoort).inject({ method: 'GET', url: `/api/v1/signalen/${s!.id}` })
      assert.equal(lezen.statusCode, 404)
      assert.equal(lezen.json().code, 'signaal.onbekend')
      const onbestaand = await t.as(amersfoort).inject({ method: 'GET', url: '/api/v1/signalen/00000000-0000-4000-8000-000000000000' })
      const zonder = (p: Record<string, unknown>) => ({ ...p, instance: '', traceId: '' })
      assert.deepEqual(zonder(onbestaand.json()), zonder(lezen.json()), 'the same answer as for a signal that does not exist')
      assert.equal((await t.as(amersfoort).inject({ method: 'POST', url: `/api/v1/signalen/${s!.id}/terugmelding`, ...json({ uitkomst: 'terecht' }) })).statusCode, 404)
      const csv = await t.as(amersfoort).inject({ method: 'GET', url: '/api/v1/signalen/export?product=samenloop&van=2000-01-01&tot=2099-12-31' })
      assert.equal(csv.body.trim().split('\r\n').length, 1, 'only the header')
      // An organisation that stopped taking the product (here by SQL, outside the access service) is refused within
      // the principal cache's bound.
      const gestopt = performance.now()
      await t.hub.ctx.database.db.deleteFrom('organisatie_producten').where('oin', '=', utrecht.oin).execute()
      await wachtTot(async () => (await t.as(utrecht).inject({ method: 'GET', url: '/api/v1/signalen?product=samenloop' })).statusCode === 403, 5_000, 'geweigerd')
      assert.ok(performance.now() - gestopt < PRINCIPAL_CACHE_MS + 500, 'refused within the cache bound')
    })

    test('cursor pagination is stable across inserts', async () => {
      const { t, utrecht, db } = await opzet(store)
      await using _ = t
      const bsn = testBsn()
      await indiceer(db, utrecht.oin, [{ bsn, van: '2024-01-01' }])
      await lever(t, 'lev-1', ['2025-01', '2025-02', '2025-03', '2025-04', '2025-05'].map((m) => polis(bsn, m)), 5)
      const p1 = await lijst(t, utrecht, '&limiet=2')
      const p2 = await lijst(t, utrecht, `&limiet=2&na=${p1.volgende}`)
      await lever(t, 'lev-2', ['2025-06', '2025-07'].map((m) => polis(bsn, m)), 7)
      assert.deepEqual(await lijst(t, utrecht, `&limiet=2&na=${p1.volgende}`), p2, 'the same cursor gives the same page after inserts')
      const p3 = await lijst(t, utrecht, `&limiet=2&na=${p2.volgende}`)
      const p4 = await lijst(t, utrecht, `&limiet=2&na=${p3.volgende}`)
      const p5 = await lijst(t, utrecht, `&limiet=2&na=${p4.volgende}`)
      const maanden = [...p1.signalen, ...p2.signalen, ...p3.signalen, ...p4.signalen].map((s) => s.gegevens.periode)
      assert.deepEqual(maanden, ['2025-01', '2025-02', '2025-03', '2025-04', '2025-05', '2025-06', '2025-07'])
      assert.deepEqual(p5, { signalen: [], volgende: p4.volgende }, 'at the end, volgende stays put for the next poll')
      const gefilterd = await lijst(t, utrecht, '&periode=2025-03&soort=inkomsten&status=nieuw')
      assert.deepEqual(gefilterd.signalen.map((s) => s.gegevens.periode), ['2025-03'])
    })

    test('terugmelding: status changes once, a second is 409, bad input is 400', async () => {
      const { t, utrecht, db } = await opzet(store)
      await using _ = t
      const { bsn, s } = await eenSignaal(t, utrecht, '2025-01-01', 'lev-1')
      const url = `/api/v1/signalen/${s!.id}/terugmelding`
      const slecht = await t.as(utrecht).inject({ method: 'POST', url, ...json({ uitkomst: 'fraude', extra: 1 }) })
      assert.equal(slecht.statusCode, 400)
      assert.equal(slecht.headers['content-type'], 'application/problem+json; charset=utf-8')
      assert.deepEqual(slecht.json().invalidParams.map((p: { name: string }) => p.name).sort(), ['extra', 'uitkomst'])
      const ok = await t.as(utrecht).inject({ method: 'POST', url, ...json({ uitkomst: 'onterecht', toelichting: 'Inkomsten waren al verrekend.' }) })
      assert.equal(ok.statusCode, 200, ok.body)
      assert.equal(ok.json().status, 'onterecht')
      assert.equal('terugmelding' in ok.json(), false)
      const nogmaals = await t.as(utrecht).inject({ method: 'POST', url, ...json({ uitkomst: 'terecht' }) })
      assert.equal(nogmaals.statusCode, 409)
      assert.equal(nogmaals.json().code, 'signaal.al-teruggemeld')
      const gelezen = await t.as(utrecht).inject({ method: 'GET', url: `/api/v1/signalen/${s!.id}` })
      assert.equal(gelezen.json().status, 'onterecht')
      assert.deepEqual((await lijst(t, utrecht, '&status=nieuw')).signalen, [])
      assert.ok((await t.hub.ctx.ledger.inzage(bsn)).some((l) => l.activiteit === 'signaal-terugmelden'))
    })

    test('export: CSV with header, ; separator, quoted JSON fields, UTF-8, and a ledger line per BSN', async () => {
      const { t, utrecht, db } = await opzet(store)
      await using _ = t
      const [a, b] = [testBsn(), testBsn()]
      await indiceer(db, utrecht.oin, [{ bsn: a, van: '2025-01-01' }, { bsn: b, van: '2025-01-01' }])
      await lever(t, 'lev-1', [polis(a, '2025-03', { werkgever: 'Café "De Zwaan"; Zoë' }), polis(b, '2025-03')], 2)
      const vandaag = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Amsterdam' }).format(new Date()) // a Dutch calendar day
      const voor = await t.hub.ctx.ledger.count()
      const res = await t.as(utrecht).inject({ method: 'GET', url: `/api/v1/signalen/export?product=samenloop&van=${vandaag}&tot=${vandaag}` })
      assert.equal(res.statusCode, 200, res.body)
      assert.equal(res.headers['content-type'], 'text/csv; charset=utf-8')
      const regels = res.body.split('\r\n').filter(Boolean)
      assert.equal(regels[0], 'id;product;soort;bsn;periodeVan;periodeTot;bronnen;regelId;regelVersie;uitleg;gegevens;aangemaakt;status;correctie')
      assert.equal(regels.length, 3)
      assert.ok(res.body.includes('Café ""De Zwaan""; Zoë'), 'quotes doubled, UTF-8 kept')
      assert.ok(regels[1]!.startsWith(`${(await lijst(t, utrecht)).signalen[0]!.id};samenloop;inkomsten;${a};2025-03-01;2025-03-31;`))
      assert.equal(await t.hub.ctx.ledger.count(), voor + 2 + 2, 'two for the export, two for the list read above')
      const leeg = await t.as(utrecht).inject({ method: 'GET', url: '/api/v1/signalen/export?product=samenloop&van=2000-01-01&tot=2000-01-31' })
      assert.equal(leeg.body, regels[0] + '\r\n')
      const fout = await t.as(utrecht).inject({ method: 'GET', url: '/api/v1/signalen/export?product=samenloop&van=2025-02-01&tot=2025-01-01' })
      assert.equal(fout.statusCode, 400)
      assert.deepEqual(fout.json().invalidParams.map((p: { code: string }) => p.code), ['periode-omgekeerd'])

      // Days are Dutch calendar days: 22:30 UTC on 1 April (summer time) is 00:30 on 2 April in the Netherlands.
      await db.updateTable('signalen').set({ aangemaakt: '2026-04-01T22:30:00.000Z' }).where('bsn', '=', a).execute()
      await db.updateTable('signalen').set({ aangemaakt: '2026-04-01T21:59:59.999Z' }).where('bsn', '=', b).execute()
      const dag = async (d: string) => (await t.as(utrecht).inject({ method: 'GET', url: `/api/v1/signalen/export?product=samenloop&van=${d}&tot=${d}` }))
        .body.split('\r\n').filter(Boolean).slice(1).map((r) => r.split(';')[3])
      assert.deepEqual(await dag('2026-04-02'), [a])
      assert.deepEqual(await dag('2026-04-01'), [b])
    })

    test('output guard: unregistered fields, top-level or inside gegevens, never leave the hub', async () => {
      const { t, utrecht, db } = await opzet(store)
      await using _ = t
      const bsn = testBsn()
      await indiceer(db, utrecht.oin, [{ bsn, van: '2025-01-01' }])
      await lever(t, 'lev-1', [polis(bsn, '2025-03')], 1)
      // A rule bug that put an unregistered field in gegevens, simulated in the store.
      await db.updateTable('signalen').set({ gegevens: JSON.stringify({ periode: '2025-03', brutoloonCent: 150_000, geheimeNotitie: 'x' }) }).execute()
      const [s] = (await lijst(t, utrecht)).signalen
      assert.deepEqual(Object.keys(s!).sort(), ['aangemaakt', 'bronnen', 'bsn', 'correctie', 'gegevens', 'id', 'periode', 'product', 'regel', 'soort', 'status', 'uitleg'])
      assert.deepEqual(s!.gegevens, { periode: '2025-03', brutoloonCent: 150_000 })
      assert.match(await t.hub.ctx.metrics.registry.getSingleMetricAsString('knooppunt_uitvoer_velden_verwijderd_total'), /product="samenloop"} 1/)
    })

    test('bad query parameters: every problem at once as problem+json; unknown product 404; no access 403', async () => {
      const { t, utrecht } = await opzet(store)
      await using _ = t
      const get = (q: string) => t.as(utrecht).inject({ method: 'GET', url: `/api/v1/signalen?${q}` })
      for (const [q, namen] of [
        ['product=samenloop&limiet=0', ['limiet']], ['product=samenloop&limiet=1001', ['limiet']], ['product=samenloop&limiet=abc', ['limiet']],
        ['product=samenloop&na=bestaat-niet', ['na']], ['product=samenloop&soort=fraude&status=x&periode=2025-13', ['periode', 'soort', 'status']],
        ['product=samenloop&bsn=123456782', ['bsn']], ['limiet=-1&na=%%%', ['limiet', 'na', 'product']],
      ] as const) {
        const res = await get(q)
        assert.equal(res.statusCode, 400, q)
        assert.equal(res.headers['content-type'], 'application/problem+json; charset=utf-8')
        assert.equal(res.json().code, 'signalen.verzoek-ongeldig')
        assert.deepEqual(res.json().invalidParams.map((p: { name: string }) => p.name).sort(), [...namen].sort(), q)
      }
      assert.equal((await get('product=bestaat-niet')).statusCode, 404)
      assert.equal((await get('product=oib')).json().code, 'signalen.product-zonder-signalen')
      const bron = await t.org('UWV', 'bron', { producten: ['samenloop'], rollen: ['bron'] })
      assert.equal((await t.as(bron).inject({ method: 'GET', url: '/api/v1/signalen?product=samenloop' })).statusCode, 403, 'a source is no recipient of signals')
      const zonder = await t.org('Gemeente zonder samenloop', 'gemeente', { producten: ['bijstandsnormen'], rollen: ['inkomen'] })
      assert.equal((await t.as(zonder).inject({ method: 'GET', url: '/api/v1/signalen?product=samenloop' })).statusCode, 403)
      const openapi = (await t.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json()
      for (const pad of ['/api/v1/signalen', '/api/v1/signalen/export', '/api/v1/signalen/{id}', '/api/v1/signalen/{id}/terugmelding']) assert.ok(openapi.paths[pad], pad)
    })

    test('a NUL character in the URL or in a JSON body is a 400 naming it, never a 500 (PostgreSQL refuses U+0000 in text)', async () => {
      const { t, utrecht, db } = await opzet(store)
      await using _ = t
      const { bsn, s: signaal } = await eenSignaal(t, utrecht, '2024-06-01', 'lev-nul')
      for (const verzoek of [
        { method: 'GET' as const, url: '/api/v1/signalen/%00' },
        { method: 'GET' as const, url: `/api/v1/signalen/${signaal!.id}%00` },
        { method: 'POST' as const, url: '/api/v1/signalen/a%00b/terugmelding', ...json({ uitkomst: 'terecht' }) },
        { method: 'POST' as const, url: `/api/v1/signalen/${signaal!.id}/terugmelding`, ...json({ uitkomst: 'terecht', toelichting: 'x\u0000y' }) },
      ]) {
        const res = await t.as(utrecht).inject(verzoek)
        assert.equal(res.statusCode, 400, `${verzoek.url}: ${res.body}`)
        assert.equal(res.headers['content-type'], 'application/problem+json; charset=utf-8')
        assert.equal(res.json().code, 'verzoek.nul-teken')
      }
      assert.equal((await lijst(t, utrecht)).signalen[0]!.status, 'nieuw', 'the refused terugmelding changed nothing')
    })

    test('batch and incremental give the same stored signals (one delivery vs one event per fact)', async () => {
      const bsns = [testBsn(), testBsn(), testBsn()]
      const feiten: TestFeit[] = []
      for (const [i, bsn] of bsns.entries()) {
        for (const m of ['2025-01', '2025-02', '2025-03']) feiten.push(polis(bsn, m, { bruto: 100_000 + i }))
        feiten.push(polis(bsn, '2025-02', { bruto: 200_000 }), polis(bsn, '2025-01', { bruto: 100_000 + i }))
      }
      const uitkomst = async (perFeit: boolean) => {
        const { t, utrecht, db } = await opzet(store)
        await using _ = t
        await indiceer(db, utrecht.oin, bsns.map((bsn, i) => ({ bsn, van: `2025-0${i + 1}-01` })))
        if (perFeit) {
          for (const [i, f] of feiten.entries()) {
            await leverFeiten(db, `ev-${i}`, [f])
            await matchSamenloopLevering(t.hub.ctx, 'uwv-polis', `ev-${i}`)
          }
        } else {
          await leverFeiten(db, 'batch', feiten)
          await matchSamenloopLevering(t.hub.ctx, 'uwv-polis', 'batch', { chunk: 4 })
        }
        const rows = await db.selectFrom('signalen').select(['soort', 'bsn', 'sleutel', 'inhoud_hash', 'correctie', 'periode_van']).orderBy('seq').execute()
        return rows.map((r) => ({ ...r, correctie: Number(r.correctie) }))
      }
      const batch = await uitkomst(false)
      assert.equal(batch.filter((r) => r.correctie === 1).length, 2, 'the test data holds corrections')
      assert.deepEqual(await uitkomst(true), batch)
    })

    test('end to end through the population and intake APIs: CSV delivery and a single event become signals', async () => {
      const t = await startTestHub(store, { modules: [populatieModule, intakeModule, samenloopModule] })
      await using _ = t
      const utrecht = await t.org('Gemeente Utrecht', 'gemeente', { producten: ['samenloop'], rollen: ['inkomen'] })
      const uwv = await t.org('UWV', 'bron', { rollen: ['bron'] })
      const rdwOrg = await t.org('RDW', 'bron', { rollen: ['bron'] })
      const [client, ander] = [testBsn(), testBsn()]
      const pop = await t.as(utrecht).inject({ method: 'PUT', url: '/api/v1/populaties/samenloop', payload: `bsn;ingangsdatum;einddatum;referentie\n${client};2025-01-01;;BIJ-1\n`, headers: { 'content-type': 'text/csv' } })
      assert.equal(pop.statusCode, 200, pop.body)
      const KOP = 'bsn;periode;inkomstenverhoudingId;loonheffingennummer;werkgeverNaam;soortInkomen;brutoloonCent;loonheffingCent;uren'
      const lever = (id: string, ...regels: string[]) => t.as(uwv).inject({ method: 'POST', url: '/api/v1/bronnen/uwv-polis/leveringen', payload: `${KOP}\n${regels.join('\n')}\n`, headers: { 'content-type': 'text/csv', 'levering-id': id } })
      const r1 = await lever('polis-2025-03', `${client};2025-03;IKV-7;802850844L01;Bakkerij BV;loon;150000;15000;80`, `${ander};2025-03;IKV-8;802850844L01;Bakkerij BV;loon;150000;15000;80`)
      assert.equal(r1.statusCode, 201, r1.body)
      const ev = await t.as(rdwOrg).inject({ method: 'POST', url: '/api/v1/bronnen/rdw-voertuigen/gebeurtenissen', ...json({ bsn: client, kenteken: 'GB-22-NL', datumAanvang: '2025-04-02', datumEinde: null, dagwaardeCent: 650000 }) })
      assert.equal(ev.statusCode, 201, ev.body)
      await wachtTot(async () => (await aantalSignalen(t)) >= 2)
      assert.equal((await lever('polis-2025-03-herhaald', `${client};2025-03;IKV-7;802850844L01;Bakkerij BV;loon;150000;15000;80`)).statusCode, 201)
      assert.equal((await lever('polis-2025-03-correctie', `${client};2025-03;IKV-7;802850844L01;Bakkerij BV;loon;155000;15500;80`)).statusCode, 201)
      await wachtTot(async () => (await aantalSignalen(t)) >= 3)
      await new Promise((r) => setTimeout(r, 200))
      const { signalen } = await lijst(t, utrecht)
      assert.deepEqual(signalen.map((s) => [s.soort, s.bsn, s.correctie, (s.bronnen[0] as { leveringId: string }).leveringId]), [
        ['inkomsten', client, false, 'polis-2025-03'], ['voertuig', client, false, (signalen[1]!.bronnen[0] as { leveringId: string }).leveringId],
        ['inkomsten', client, true, 'polis-2025-03-correctie'],
      ])
      assert.equal(signalen[1]!.gegevens.dagwaardeCent, 650000)
    })

    test('synthetic Netherlands: every source delivered through intake; inkomsten, uitkering and voertuig signals equal an independent count', async () => {
      const map = mkdtempSync(join(tmpdir(), 'knooppunt-synth-'))
      try {
        await generate({ seed: 11, inwoners: 5000, uit: map, overschrijf: true })
        const csv = (f: string) => readFileSync(join(map, f), 'utf8').trim().split('\n').slice(1).map((r) => r.split(';'))
        const t = await startTestHub(store, { modules: [intakeModule, samenloopModule] })
        await using _ = t
        const gemeenten = await t.org('Alle gemeenten', 'gemeente', { producten: ['samenloop'], rollen: ['inkomen'] })
        const bronnen = await t.org('Bronnen', 'bron', { rollen: ['bron'] })
        const indicaties = readdirSync(map).filter((f) => f.startsWith('populatie-samenloop-')).flatMap(csv).map(([bsn, van, tot]) => ({ bsn: bsn!, van: van!, tot: tot || undefined }))
        assert.ok(indicaties.length > 20)
        await indiceer(t.hub.ctx.database.db, gemeenten.oin, indicaties)
        const bronLijst = ['uwv-polis', 'rdw-voertuigen', 'svb-uitkeringen', 'belastingdienst-vermogen', 'dji-detenties', 'duo-studiefinanciering', 'brp-mutaties']
        // The polis file is cut to the population's lines plus 2,000 others, to keep this test quick (intake speed is
        // intake's own benchmark); every other file goes in whole.
        const inPopulatie = new Set(indicaties.map((i) => i.bsn))
        const [polisKop, ...polisRest] = readFileSync(join(map, 'uwv-polis.csv'), 'utf8').trim().split('\n')
        const polis = [polisKop, ...polisRest.filter((r, i) => inPopulatie.has(r.slice(0, 9)) || i < 2000)].join('\n') + '\n'
        for (const bron of bronLijst) {
          const payload = bron === 'uwv-polis' ? polis : readFileSync(join(map, `${bron}.csv`))
          const res = await t.as(bronnen).inject({ method: 'POST', url: `/api/v1/bronnen/${bron}/leveringen`, payload, headers: { 'content-type': 'text/csv', 'levering-id': `synth-${bron}` } })
          assert.equal(res.statusCode, 201, `${bron}: ${res.body}`)
          assert.deepEqual(res.json().afgewezen, [], bron)
        }
        // Independent expectation, straight from the files: a month or date inside some indication of that BSN.
        const binnen = (bsn: string, van: string, tot: string) => indicaties.some((i) => i.bsn === bsn && i.van <= tot && (!i.tot || van <= i.tot))
        const maandEinde = (m: string) => `${m}-${String(new Date(Date.UTC(Number(m.slice(0, 4)), Number(m.slice(5, 7)), 0)).getUTCDate()).padStart(2, '0')}`
        const polisRegels = polis.trim().split('\n').slice(1).map((r) => r.split(';')).filter(([bsn, m, , , , , bruto]) => Number(bruto) > 0 && binnen(bsn!, `${m}-01`, maandEinde(m!)))
        const verwacht = {
          inkomsten: new Set(polisRegels.filter((r) => r[5] === 'loon').map(([bsn, m, ikv]) => `${bsn}|${ikv}|${m}`)).size,
          uitkering: new Set(polisRegels.filter((r) => r[5] !== 'loon').map(([bsn, m, ikv]) => `${bsn}|${ikv}|${m}`)).size
            + new Set(csv('svb-uitkeringen.csv').filter(([bsn, , van, tot]) => binnen(bsn!, van!, tot || '9999-12-31')).map(([bsn, r, van]) => `${bsn}|${r}|${van}`)).size,
          voertuig: new Set(csv('rdw-voertuigen.csv').filter(([bsn, , van]) => binnen(bsn!, van!, van!)).map(([bsn, k, van]) => `${bsn}|${k}|${van}`)).size,
        }
        assert.ok(verwacht.inkomsten > 0 && verwacht.voertuig > 0, JSON.stringify(verwacht))
        const tel = async () => Object.fromEntries((await t.hub.ctx.database.db.selectFrom('signalen').select(['soort', (eb) => eb.fn.countAll().as('n')]).groupBy('soort').execute()).map((r) => [r.soort, Number(r.n)]))
        await wachtTot(async () => {
          const n = await tel()
          return n.inkomsten === verwacht.inkomsten && n.uitkering === verwacht.uitkering && (n.voertuig ?? 0) === verwacht.voertuig
        }, 30_000).catch(async (e) => { assert.deepEqual(await tel(), verwacht); throw e })
        // Every signal lies inside one of the afnemer's indications.
        const rows = await t.hub.ctx.database.db.selectFrom('signalen').select(['bsn', 'periode_van', 'periode_tot']).execute()
        for (const r of rows) assert.ok(binnen(r.bsn, r.periode_van, r.periode_tot ?? '9999-12-31'), r.bsn)
      } finally {
        rmSync(map, { recursive: true, force: true })
      }
    })
  })
}
