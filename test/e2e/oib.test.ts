import { describe, test } from 'node:test'
import assert from 'node:assert/strict'
import type { Bsn } from '../../src/core/index.js'
import { fixedClock } from '../../src/core/index.js'
import { appendToOutbox } from '../../src/platform/events/index.js'
import { intakeModule } from '../../src/platform/intake/index.js'
import { populatieModule } from '../../src/platform/population/index.js'
import { oibModule } from '../../src/products/oib/index.js'
import { startTestHub, testStores } from '../support/test-hub.js'
import { nieuwBsn, polisFeit, voegFeitenToe, voegIndicatiesToe, wachtTot } from '../support/producten-fixtures.js'

const URL = '/api/v1/oib/overzichten'

async function opzet(store: 'sqlite' | 'postgres') {
  const t = await startTestHub(store, { modules: [oibModule] })
  const utrecht = await t.org('Gemeente Utrecht', 'gemeente', { producten: ['oib'], rollen: ['inkomen'] })
  const amersfoort = await t.org('Gemeente Amersfoort', 'gemeente', { producten: ['oib'], rollen: ['inkomen'] })
  const db = t.hub.ctx.database.db
  const [a, b, c, d, e, vreemd] = [nieuwBsn(), nieuwBsn(), nieuwBsn(), nieuwBsn(), nieuwBsn(), nieuwBsn()]
  await voegIndicatiesToe(db, utrecht.oin, 'oib', [
    { bsn: a, ingangsdatum: '2025-06-01', referentie: 'OIB-A' },
    { bsn: b, ingangsdatum: '2026-01-01', einddatum: '2026-01-31' },
    { bsn: c, ingangsdatum: '2025-01-01', einddatum: '2025-12-31' }, // ended before January
    { bsn: d, ingangsdatum: '2025-01-01', vervangen: '2025-12-01T00:00:00.000Z' }, // replaced by a later upload
  ])
  await voegIndicatiesToe(db, amersfoort.oin, 'oib', [{ bsn: e, ingangsdatum: '2025-01-01' }])
  await voegIndicatiesToe(db, utrecht.oin, 'samenloop', [{ bsn: vreemd, ingangsdatum: '2025-01-01' }]) // another product
  await voegFeitenToe(db, [
    polisFeit(a, '2026-01', { id: 'IKV-A1', werkgever: 'Bakkerij De Korst', bruto: 250000, loonheffing: 30000, leveringId: 'polis-jan', regel: 2 }),
    polisFeit(a, '2026-01', { id: 'UWV-A2', werkgever: 'UWV', soort: 'ww', bruto: 100000, loonheffing: 5000, leveringId: 'polis-jan', regel: 3 }),
    polisFeit(a, '2026-01', { id: 'UWV-A2', werkgever: 'UWV', soort: 'ww', bruto: 110000, loonheffing: 6000, leveringId: 'polis-jan-correctie', regel: 2, vastgelegd: '2026-02-05T00:00:00.000Z' }),
    polisFeit(a, '2025-12', { id: 'IKV-A1', werkgever: 'Bakkerij De Korst', bruto: 240000, loonheffing: 29000, leveringId: 'polis-dec', regel: 2 }),
    polisFeit(c, '2026-01', { id: 'IKV-C', werkgever: 'C BV', bruto: 1000, loonheffing: 0 }),
    polisFeit(d, '2026-01', { id: 'IKV-D', werkgever: 'D BV', bruto: 1000, loonheffing: 0 }),
    polisFeit(e, '2026-01', { id: 'IKV-E', werkgever: 'Amersfoortse Bouw', bruto: 300000, loonheffing: 45000, leveringId: 'polis-jan', regel: 9 }),
    polisFeit(vreemd, '2026-01', { id: 'IKV-V', werkgever: 'V BV', bruto: 1000, loonheffing: 0 }),
  ])
  return { t, utrecht, amersfoort, db, bsn: { a, b, c, d, e, vreemd } }
}

for (const store of testStores()) {
  describe(`OIB [${store}]`, () => {
    test('own clients of the month with every income relation, the latest correction and exact netto amounts', async () => {
      const { t, utrecht, bsn } = await opzet(store)
      await using _ = t
      const res = await t.as(utrecht).inject({ method: 'GET', url: `${URL}?periode=2026-01` })
      assert.equal(res.statusCode, 200, res.body)
      const body = res.json()
      assert.equal(body.periode, '2026-01')
      assert.equal(body.volgende, null)
      assert.deepEqual(body.overzichten, [
        {
          bsn: bsn.a, periode: '2026-01', referentie: 'OIB-A', nettoIndicatiefCent: 324000,
          inkomstenverhoudingen: [
            { inkomstenverhoudingId: 'IKV-A1', werkgeverNaam: 'Bakkerij De Korst', loonheffingennummer: '001234567L01', soortInkomen: 'loon',
              brutoloonCent: 250000, loonheffingCent: 30000, nettoIndicatiefCent: 220000, bron: { bron: 'uwv-polis', leveringId: 'polis-jan', regel: 2 } },
            { inkomstenverhoudingId: 'UWV-A2', werkgeverNaam: 'UWV', loonheffingennummer: '001234567L01', soortInkomen: 'ww',
              brutoloonCent: 110000, loonheffingCent: 6000, nettoIndicatiefCent: 104000, bron: { bron: 'uwv-polis', leveringId: 'polis-jan-correctie', regel: 2 } },
          ],
        },
        { bsn: bsn.b, periode: '2026-01', referentie: null, nettoIndicatiefCent: 0, inkomstenverhoudingen: [] },
      ])
      for (const b of [bsn.a, bsn.b]) {
        const lines = await t.hub.ctx.ledger.inzage(b as Bsn)
        assert.deepEqual(lines.map((l) => [l.activiteit, l.verwerkingsactiviteit, l.product, l.actorOin]), [['overzicht-lezen', 'oib.overzicht', 'oib', utrecht.oin]])
      }
      for (const b of [bsn.c, bsn.d, bsn.e, bsn.vreemd]) assert.equal((await t.hub.ctx.ledger.inzage(b as Bsn)).length, 0)

      const dec = (await t.as(utrecht).inject({ method: 'GET', url: `${URL}?periode=2025-12` })).json()
      assert.deepEqual(dec.overzichten.map((o: { bsn: string; nettoIndicatiefCent: number }) => [o.bsn, o.nettoIndicatiefCent]), [[bsn.a, 211000], [bsn.c, 0]])
    })

    test('another gemeente sees only its own clients; pages follow the cursor', async () => {
      const { t, utrecht, amersfoort, bsn } = await opzet(store)
      await using _ = t
      const af = (await t.as(amersfoort).inject({ method: 'GET', url: `${URL}?periode=2026-01` })).json()
      assert.deepEqual(af.overzichten.map((o: { bsn: string; nettoIndicatiefCent: number }) => [o.bsn, o.nettoIndicatiefCent]), [[bsn.e, 255000]])
      assert.ok(!JSON.stringify(af).includes(bsn.a))

      const eerste = (await t.as(utrecht).inject({ method: 'GET', url: `${URL}?periode=2026-01&limiet=1` })).json()
      assert.deepEqual(eerste.overzichten.map((o: { bsn: string }) => o.bsn), [bsn.a])
      assert.equal(typeof eerste.volgende, 'string')
      assert.ok(!Buffer.from(eerste.volgende, 'base64url').toString().includes(bsn.a), 'no BSN in the cursor (it goes into a URL)')
      const tweede = (await t.as(utrecht).inject({ method: 'GET', url: `${URL}?periode=2026-01&limiet=1&na=${eerste.volgende}` })).json()
      assert.deepEqual(tweede.overzichten.map((o: { bsn: string }) => o.bsn), [bsn.b])
      assert.equal(tweede.volgende, null)

      const samenloop = await t.org('Alleen samenloop', 'gemeente', { producten: ['samenloop'], rollen: ['inkomen'] })
      assert.equal((await t.as(samenloop).inject({ method: 'GET', url: `${URL}?periode=2026-01` })).statusCode, 403)
    })

    test('bad input: every problem of the query listed', async () => {
      const { t, utrecht } = await opzet(store)
      await using _ = t
      const res = await t.as(utrecht).inject({ method: 'GET', url: `${URL}?periode=2026-13&limiet=0&na=xyz` })
      assert.equal(res.statusCode, 400)
      assert.equal(res.json().code, 'oib.vraag-ongeldig')
      assert.deepEqual(res.json().invalidParams.map((p: { name: string; code: string }) => [p.name, p.code]),
        [['periode', 'maand-ongeldig'], ['limiet', 'limiet-ongeldig'], ['na', 'cursor-ongeldig']])
      const zonder = await t.as(utrecht).inject({ method: 'GET', url: URL })
      assert.deepEqual(zonder.json().invalidParams.map((p: { name: string }) => p.name), ['periode'])
      // A filter the API does not have (a BSN in the URL, above all) is refused, not ignored with every client's overview.
      const onbekend = await t.as(utrecht).inject({ method: 'GET', url: `${URL}?periode=2026-01&bsn=123456782` })
      assert.equal(onbekend.statusCode, 400)
      assert.deepEqual(onbekend.json().invalidParams.map((p: { name: string; code: string }) => [p.name, p.code]), [['bsn', 'parameter-onbekend']])
      assert.equal(await t.hub.ctx.ledger.count(), 0)
    })

    test('new polis facts announce each changed (gemeente, month) once, without a BSN', async () => {
      const { t, utrecht, amersfoort, db, bsn } = await opzet(store)
      await using _ = t
      await voegFeitenToe(db, [
        polisFeit(bsn.a, '2026-02', { id: 'IKV-A1', werkgever: 'Bakkerij De Korst', bruto: 1, loonheffing: 0, leveringId: 'polis-feb' }),
        polisFeit(bsn.a, '2026-02', { id: 'UWV-A2', werkgever: 'UWV', bruto: 1, loonheffing: 0, leveringId: 'polis-feb' }),
        polisFeit(bsn.a, '2026-01', { id: 'IKV-A9', werkgever: 'Nagekomen BV', bruto: 1, loonheffing: 0, leveringId: 'polis-feb' }),
        polisFeit(bsn.b, '2026-02', { id: 'IKV-B', werkgever: 'B BV', bruto: 1, loonheffing: 0, leveringId: 'polis-feb' }), // B's indication ended in January
        polisFeit(bsn.e, '2026-02', { id: 'IKV-E', werkgever: 'Amersfoortse Bouw', bruto: 1, loonheffing: 0, leveringId: 'polis-feb' }),
        polisFeit(bsn.vreemd, '2026-02', { id: 'IKV-V', werkgever: 'V BV', bruto: 1, loonheffing: 0, leveringId: 'polis-feb' }),
      ])
      await db.transaction().execute((tx) => appendToOutbox(tx, t.hub.ctx.clock, [
        { type: 'knooppunt.feiten.vastgelegd.v1', data: { bron: 'rdw-voertuigen', leveringId: 'polis-feb', opgeslagen: 6 } },
        { type: 'knooppunt.feiten.vastgelegd.v1', data: { bron: 'uwv-polis', leveringId: 'polis-feb', opgeslagen: 6 } },
      ]))
      t.hub.ctx.bus.notify()
      const gewijzigd = async () => (await db.selectFrom('outbox').select(['data']).where('type', '=', 'knooppunt.oib.overzicht-gewijzigd.v1').orderBy('seq').execute()).map((r) => r.data)
      await wachtTot(async () => (await gewijzigd()).length >= 3)
      await new Promise((r) => setTimeout(r, 200))
      const data = await gewijzigd()
      assert.deepEqual(data.map((d) => JSON.parse(d)).sort((x, y) => `${x.oin}${x.periode}`.localeCompare(`${y.oin}${y.periode}`)),
        [{ oin: utrecht.oin, periode: '2026-01' }, { oin: utrecht.oin, periode: '2026-02' }, { oin: amersfoort.oin, periode: '2026-02' }]
          .sort((x, y) => `${x.oin}${x.periode}`.localeCompare(`${y.oin}${y.periode}`)))
      for (const b of Object.values(bsn)) assert.ok(!data.some((d) => d.includes(b)), 'no BSN in the event')
    })

    test('end to end: oib population and a polis delivery through the intake API', async () => {
      const t = await startTestHub(store, { modules: [populatieModule, intakeModule, oibModule], clock: fixedClock('2026-02-10T08:00:00Z') })
      await using _ = t
      const utrecht = await t.org('Gemeente Utrecht', 'gemeente', { producten: ['oib'], rollen: ['inkomen'] })
      const uwv = await t.org('UWV', 'bron', { rollen: ['bron'] })
      const [klant, ander] = [nieuwBsn(), nieuwBsn()]
      const pop = await t.as(utrecht).inject({ method: 'PUT', url: '/api/v1/populaties/oib', payload: `bsn;ingangsdatum;einddatum;referentie\n${klant};2025-06-01;;OIB-9\n`, headers: { 'content-type': 'text/csv' } })
      assert.equal(pop.statusCode, 200, pop.body)
      const polis = ['bsn;periode;inkomstenverhoudingId;loonheffingennummer;werkgeverNaam;soortInkomen;brutoloonCent;loonheffingCent;uren',
        `${klant};2026-01;IKV-77;802850844L01;Bakkerij BV;loon;187654;21234;96`,
        `${klant};2026-01;UWV-78;802850844L02;UWV;zw;45678;3456;0`,
        `${ander};2026-01;IKV-79;802850844L01;Bakkerij BV;loon;100000;10000;40`].join('\n')
      const lev = await t.as(uwv).inject({ method: 'POST', url: '/api/v1/bronnen/uwv-polis/leveringen', payload: `${polis}\n`, headers: { 'content-type': 'text/csv', 'levering-id': 'polis-2026-01' } })
      assert.equal(lev.statusCode, 201, lev.body)
      const db = t.hub.ctx.database.db
      await wachtTot(async () => (await db.selectFrom('outbox').select('data').where('type', '=', 'knooppunt.oib.overzicht-gewijzigd.v1').execute()).length >= 1)
      const events = await db.selectFrom('outbox').select('data').where('type', '=', 'knooppunt.oib.overzicht-gewijzigd.v1').execute()
      assert.deepEqual(events.map((e) => JSON.parse(e.data)), [{ oin: utrecht.oin, periode: '2026-01' }])
      const body = (await t.as(utrecht).inject({ method: 'GET', url: `${URL}?periode=2026-01` })).json()
      assert.equal(body.overzichten.length, 1)
      const o = body.overzichten[0]
      assert.deepEqual([o.bsn, o.referentie, o.nettoIndicatiefCent], [klant, 'OIB-9', 187654 - 21234 + 45678 - 3456])
      assert.deepEqual(o.inkomstenverhoudingen.map((v: { inkomstenverhoudingId: string; bron: { regel: number } }) => [v.inkomstenverhoudingId, v.bron.regel]), [['IKV-77', 2], ['UWV-78', 3]])
    })
  })
}
