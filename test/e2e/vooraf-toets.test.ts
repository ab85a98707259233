import { describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { fixedClock, type Bsn } from '../../src/core/index.js'
import { intakeModule } from '../../src/platform/intake/index.js'
import { populatieModule } from '../../src/platform/population/index.js'
import { samenloopModule } from '../../src/products/samenloop/index.js'
import { voorafToetsModule } from '../../src/products/vooraf-toets/index.js'
import { startTestHub, testStores } from '../support/test-hub.js'
import { nieuwBsn, polisFeit, voegFeitenToe, wachtTot } from '../support/producten-fixtures.js'

const URL = '/api/v1/samenloop/vooraf-toets/_zoek'
const json = (payload: unknown) => ({ payload: JSON.stringify(payload), headers: { 'content-type': 'application/json' } })
const SAMENLOOP_BRONNEN = ['uwv-polis', 'svb-uitkeringen', 'belastingdienst-vermogen', 'rdw-voertuigen', 'duo-studiefinanciering', 'dji-detenties', 'brp-mutaties']

async function opzet(store: 'sqlite' | 'postgres') {
  const t = await startTestHub(store, { modules: [voorafToetsModule] })
  const utrecht = await t.org('Gemeente Utrecht', 'gemeente', { producten: ['samenloop'], rollen: ['inkomen'] })
  const amersfoort = await t.org('Gemeente Amersfoort', 'gemeente', { producten: ['samenloop'], rollen: ['inkomen'] })
  return { t, utrecht, amersfoort, db: t.hub.ctx.database.db }
}

for (const store of testStores()) {
  describe(`vooraf-toets [${store}]`, () => {
    test('all current facts per source, registered fields only, latest version, within the window', async () => {
      const { t, utrecht, db } = await opzet(store)
      await using _ = t
      const bsn = nieuwBsn()
      const ander = nieuwBsn()
      await voegFeitenToe(db, [
        polisFeit(bsn, '2026-01', { id: 'IKV-1', werkgever: 'Bakkerij De Korst', bruto: 123456, loonheffing: 12345, leveringId: 'polis-2026-01', regel: 7 }),
        // A correction of the same relation and month: only this version is shown.
        polisFeit(bsn, '2026-01', { id: 'IKV-1', werkgever: 'Bakkerij De Korst', bruto: 130000, loonheffing: 13000, leveringId: 'polis-2026-01b', regel: 3, vastgelegd: '2026-02-10T00:00:00.000Z' }),
        polisFeit(bsn, '2026-02', { id: 'UWV-9', werkgever: 'UWV', bruto: 98765, loonheffing: 8765, soort: 'ww', leveringId: 'polis-2026-02', regel: 12 }),
        polisFeit(bsn, '2024-06', { id: 'IKV-OUD', werkgever: 'Oud BV', bruto: 1, loonheffing: 0 }), // outside the 12-month window
        polisFeit(bsn, '2026-04', { id: 'IKV-TOEKOMST', werkgever: 'Later BV', bruto: 1, loonheffing: 0 }), // after the peildatum
        polisFeit(ander, '2026-01', { id: 'IKV-ANDER', werkgever: 'Ander BV', bruto: 555, loonheffing: 55 }),
        { bron: 'rdw-voertuigen', bsn, sleutel: 'AB-123-C|2025-11-02', geldigVan: '2025-11-02', geldigTot: null, leveringId: 'rdw-1', regel: 4,
          gegevens: { kenteken: 'AB-123-C', datumAanvang: '2025-11-02', datumEinde: '', dagwaardeCent: 450000 } },
        { bron: 'dji-detenties', bsn, sleutel: 'DET-1', geldigVan: '2025-05-01', geldigTot: '2025-08-31', leveringId: 'dji-1', regel: 2,
          gegevens: { detentieId: 'DET-1', ingangsdatum: '2025-05-01', einddatum: '2025-08-31', soortDetentie: 'gevangenisstraf', inrichting: 'PI Vught' } },
        // A source samenloop does not read: never shown in the vooraf-toets.
        { bron: 'wmo-jeugd-toewijzingen', bsn, sleutel: 'T-1', geldigVan: '2026-01-01', gegevens: { toewijzingId: 'T-1', wet: 'wmo' } },
      ])

      const res = await t.as(utrecht).inject({ method: 'POST', url: URL, ...json({ bsn, aanvraagReferentie: 'AANVR-2026-001', peildatum: '2026-03-15' }) })
      assert.equal(res.statusCode, 200, res.body)
      const body = res.json()
      assert.deepEqual(Object.keys(body).sort(), ['aanvraagReferentie', 'bsn', 'feiten', 'indicatie', 'peildatum'])
      assert.deepEqual(Object.keys(body.feiten).sort(), [...SAMENLOOP_BRONNEN].sort())
      assert.deepEqual(body.feiten['uwv-polis'], [
        { periode: { van: '2026-02-01', tot: '2026-02-28' }, levering: { leveringId: 'polis-2026-02', regel: 12 }, vastgelegd: '2026-01-01T00:00:00.000Z',
          gegevens: { periode: '2026-02', inkomstenverhoudingId: 'UWV-9', loonheffingennummer: '001234567L01', werkgeverNaam: 'UWV', soortInkomen: 'ww', brutoloonCent: 98765, loonheffingCent: 8765, uren: 80 } },
        { periode: { van: '2026-01-01', tot: '2026-01-31' }, levering: { leveringId: 'polis-2026-01b', regel: 3 }, vastgelegd: '2026-02-10T00:00:00.000Z',
          gegevens: { periode: '2026-01', inkomstenverhoudingId: 'IKV-1', loonheffingennummer: '001234567L01', werkgeverNaam: 'Bakkerij De Korst', soortInkomen: 'loon', brutoloonCent: 130000, loonheffingCent: 13000, uren: 80 } },
      ])
      assert.deepEqual(body.feiten['rdw-voertuigen'][0].gegevens, { kenteken: 'AB-123-C', datumAanvang: '2025-11-02', datumEinde: '', dagwaardeCent: 450000 })
      assert.deepEqual(body.feiten['dji-detenties'][0].gegevens, { detentieId: 'DET-1', ingangsdatum: '2025-05-01', einddatum: '2025-08-31', soortDetentie: 'gevangenisstraf' },
        'the prison is not registered for samenloop, so it never leaves the hub')
      assert.deepEqual(body.feiten['svb-uitkeringen'], [])
      assert.ok(!res.body.includes('wmo') && !res.body.includes('IKV-ANDER') && !res.body.includes('PI Vught'))
      assert.deepEqual(body.indicatie, { ingangsdatum: '2026-03-15', einddatum: '2026-06-14', nieuw: true })

      const regels = await db.selectFrom('populatie_regels').selectAll().execute()
      assert.equal(regels.length, 1)
      assert.deepEqual({ ...regels[0], id: undefined, vastgelegd: undefined }, {
        id: undefined, vastgelegd: undefined, oin: utrecht.oin, product: 'samenloop', bsn, ingangsdatum: '2026-03-15', einddatum: '2026-06-14',
        referentie: 'AANVR-2026-001', herkomst: 'aanvraag', vervangen: null,
      })
      const ledger = await t.hub.ctx.ledger.inzage(bsn as Bsn)
      assert.equal(ledger.length, 1)
      assert.deepEqual([ledger[0]!.activiteit, ledger[0]!.verwerkingsactiviteit, ledger[0]!.product, ledger[0]!.actorOin], ['vooraf-toets', 'samenloop.vooraf-toets', 'samenloop', utrecht.oin])
      assert.equal((await t.hub.ctx.ledger.inzage(ander as Bsn)).length, 0, 'the other resident was not processed')
      const events = await db.selectFrom('outbox').select(['type', 'data']).where('type', '=', 'knooppunt.populatie.gewijzigd.v1').execute()
      assert.deepEqual(events.map((e) => JSON.parse(e.data)), [{ oin: utrecht.oin, product: 'samenloop', toegevoegd: 1, beeindigd: 0 }])
      assert.ok(!events[0]!.data.includes(bsn), 'no BSN in the event')

      // The same aanvraag again: the answer again, a ledger line again, but no second indication.
      const nogmaals = await t.as(utrecht).inject({ method: 'POST', url: URL, ...json({ bsn, aanvraagReferentie: 'AANVR-2026-001', peildatum: '2026-03-15' }) })
      assert.equal(nogmaals.json().indicatie.nieuw, false)
      assert.equal((await db.selectFrom('populatie_regels').selectAll().execute()).length, 1)
      assert.equal((await t.hub.ctx.ledger.inzage(bsn as Bsn)).length, 2)
    })

    test('a BSN without facts: 200 with empty lists and the indication', async () => {
      const { t, utrecht } = await opzet(store)
      await using _ = t
      const bsn = nieuwBsn()
      const res = await t.as(utrecht).inject({ method: 'POST', url: URL, ...json({ bsn, aanvraagReferentie: 'A-2', peildatum: '2026-01-31' }) })
      assert.equal(res.statusCode, 200)
      assert.deepEqual(res.json().feiten, Object.fromEntries(SAMENLOOP_BRONNEN.map((b) => [b, []])))
      assert.deepEqual(res.json().indicatie, { ingangsdatum: '2026-01-31', einddatum: '2026-04-29', nieuw: true })
      assert.equal((await t.hub.ctx.ledger.inzage(bsn as Bsn)).length, 1)
    })

    test('the indication belongs to the asking gemeente only; others without the product or role are refused', async () => {
      const { t, utrecht, amersfoort, db } = await opzet(store)
      await using _ = t
      const bsn = nieuwBsn()
      await t.as(utrecht).inject({ method: 'POST', url: URL, ...json({ bsn, aanvraagReferentie: 'U-1', peildatum: '2026-02-01' }) })
      const rijen = await db.selectFrom('populatie_regels').select(['oin']).where('bsn', '=', bsn).execute()
      assert.deepEqual(rijen.map((r) => r.oin), [utrecht.oin], 'Amersfoort gets no indication and so no signals about this aanvraag')
      assert.equal((await db.selectFrom('populatie_regels').selectAll().where('oin', '=', amersfoort.oin).execute()).length, 0)

      const zonderProduct = await t.org('Gemeente Zeist', 'gemeente', { producten: ['oib'], rollen: ['inkomen'] })
      const wmo = await t.org('Gemeente Wmo', 'gemeente', { producten: ['samenloop'], rollen: ['wmo'] })
      const bron = await t.org('UWV', 'bron', { producten: ['samenloop'], rollen: ['inkomen'] })
      for (const [org, code] of [[zonderProduct, 'toegang.product'], [wmo, 'toegang.rol'], [bron, 'toegang.soort-organisatie']] as const) {
        const res = await t.as(org).inject({ method: 'POST', url: URL, ...json({ bsn, aanvraagReferentie: 'X', peildatum: '2026-02-01' }) })
        assert.equal(res.statusCode, 403)
        assert.equal(res.json().code, code)
      }
      assert.equal((await t.hub.ctx.ledger.inzage(bsn as Bsn)).length, 1, 'refused calls process nothing')
    })

    test('bad input: every problem listed, nothing stored, nothing logged', async () => {
      const { t, utrecht, db } = await opzet(store)
      await using _ = t
      const res = await t.as(utrecht).inject({ method: 'POST', url: URL, ...json({ bsn: '123456789', peildatum: '2026-02-30', extra: true }) })
      assert.equal(res.statusCode, 400)
      assert.equal(res.headers['content-type'], 'application/problem+json; charset=utf-8')
      assert.equal(res.json().code, 'vooraf-toets.invoer-ongeldig')
      assert.deepEqual(res.json().invalidParams.map((p: { name: string; code: string }) => [p.name, p.code]),
        [['bsn', 'bsn-ongeldig'], ['aanvraagReferentie', 'verplicht'], ['peildatum', 'datum-ongeldig'], ['extra', 'veld-onbekend']])
      assert.ok(!res.body.includes('123456789'), 'the BSN is never echoed')
      const leeg = await t.as(utrecht).inject({ method: 'POST', url: URL, ...json([]) })
      assert.equal(leeg.statusCode, 400)
      // A BSN sent as a JSON number is there, just of the wrong type: the reason must not say it is missing.
      const getal = await t.as(utrecht).inject({ method: 'POST', url: URL, ...json({ bsn: Number(nieuwBsn()), aanvraagReferentie: 'A-1', peildatum: '2026-03-01' }) })
      assert.equal(getal.statusCode, 400)
      assert.deepEqual(getal.json().invalidParams.map((p: { name: string; code: string }) => [p.name, p.code]), [['bsn', 'bsn-ongeldig']])
      assert.match(getal.json().invalidParams[0].reason, /tekst/)
      // Well-formed dates at the edges of the calendar: the window and the indication period cannot be computed.
      for (const peildatum of ['9999-12-31', '0000-01-01', '0001-06-15']) {
        const rand = await t.as(utrecht).inject({ method: 'POST', url: URL, ...json({ bsn: nieuwBsn(), aanvraagReferentie: 'A-1', peildatum }) })
        assert.equal(rand.statusCode, 400, `${peildatum}: ${rand.body}`)
        assert.deepEqual(rand.json().invalidParams.map((p: { name: string; code: string }) => [p.name, p.code]), [['peildatum', 'datum-ongeldig']])
      }
      assert.equal((await db.selectFrom('populatie_regels').selectAll().execute()).length, 0)
      assert.equal(await t.hub.ctx.ledger.count(), 0)
    })

    test('end to end: a polis fact kept as bronkopie is shown, and a later fact signals through the aanvraag indication', async () => {
      const t = await startTestHub(store, { modules: [populatieModule, intakeModule, samenloopModule, voorafToetsModule], clock: fixedClock('2026-03-16T08:00:00Z') })
      await using _ = t
      const utrecht = await t.org('Gemeente Utrecht', 'gemeente', { producten: ['samenloop'], rollen: ['inkomen'] })
      const uwv = await t.org('UWV', 'bron', { rollen: ['bron'] })
      const bsn = nieuwBsn()
      const KOP = 'bsn;periode;inkomstenverhoudingId;loonheffingennummer;werkgeverNaam;soortInkomen;brutoloonCent;loonheffingCent;uren'
      const lever = (id: string, regel: string) => t.as(uwv).inject({ method: 'POST', url: '/api/v1/bronnen/uwv-polis/leveringen', payload: `${KOP}\n${regel}\n`, headers: { 'content-type': 'text/csv', 'levering-id': id } })
      assert.equal((await lever('polis-2026-02', `${bsn};2026-02;IKV-1;802850844L01;Bakkerij BV;loon;150000;15000;80`)).statusCode, 201)

      const res = await t.as(utrecht).inject({ method: 'POST', url: URL, ...json({ bsn, aanvraagReferentie: 'AANVR-9', peildatum: '2026-03-16' }) })
      assert.equal(res.statusCode, 200, res.body)
      assert.deepEqual(res.json().feiten['uwv-polis'].map((f: { gegevens: { brutoloonCent: number }; levering: { leveringId: string } }) => [f.levering.leveringId, f.gegevens.brutoloonCent]), [['polis-2026-02', 150000]])

      // March wages arrive while the aanvraag is handled: the aanvraag indication makes them a samenloop signal.
      assert.equal((await lever('polis-2026-03', `${bsn};2026-03;IKV-1;802850844L01;Bakkerij BV;loon;160000;16000;80`)).statusCode, 201)
      const db = t.hub.ctx.database.db
      await wachtTot(async () => (await db.selectFrom('signalen').select('id').where('oin', '=', utrecht.oin).execute()).length >= 1)
      const signalen = await db.selectFrom('signalen').select(['soort', 'bsn', 'periode_van']).where('oin', '=', utrecht.oin).execute()
      assert.deepEqual(signalen, [{ soort: 'inkomsten', bsn, periode_van: '2026-03-01' }])
    })

    test('a full population upload keeps the aanvraag indication running', async () => {
      const t = await startTestHub(store, { modules: [populatieModule, voorafToetsModule] })
      await using _ = t
      const utrecht = await t.org('Gemeente Utrecht', 'gemeente', { producten: ['samenloop'], rollen: ['inkomen'] })
      const [aanvrager, client] = [nieuwBsn(), nieuwBsn()]
      await t.as(utrecht).inject({ method: 'POST', url: URL, ...json({ bsn: aanvrager, aanvraagReferentie: 'A-1', peildatum: '2026-03-01' }) })
      const pop = await t.as(utrecht).inject({ method: 'PUT', url: '/api/v1/populaties/samenloop', payload: `bsn;ingangsdatum;einddatum;referentie\n${client};2025-01-01;;D-1\n`, headers: { 'content-type': 'text/csv' } })
      assert.equal(pop.statusCode, 200, pop.body)
      const aanvraag = await t.hub.ctx.database.db.selectFrom('populatie_regels').select(['vervangen']).where('herkomst', '=', 'aanvraag').execute()
      assert.deepEqual(aanvraag, [{ vervangen: null }])
    })
  })
}
