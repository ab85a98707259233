import { describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { kwijtscheldingModule, runKwsRetention } from '../../src/products/kwijtschelding/index.js'
import { berekenBijstandsnorm } from '../../src/products/bijstandsnormen/index.js'
import { startTestHub, testStores, type TestHub, type TestOrg } from '../support/test-hub.js'
import { brpPersoon, indiceer, kvk, nieuwBsn, polis, svb, vermogen, voegFeitenToe, voertuig, woning } from '../support/kws-fixtures.js'
import { isBsn } from '../../src/core/index.js'
import type { Datum } from '../../src/core/index.js'

const json = (payload: unknown) => ({ payload: JSON.stringify(payload), headers: { 'content-type': 'application/json' } })
const csv = (payload: string) => ({ payload, headers: { 'content-type': 'text/csv' } })
const NORMEN = '/api/v1/kwijtschelding/normen'
const TOETS = '/api/v1/kwijtschelding/toetsingen'
const normen2025 = { geldigVan: '2025-01-01', kostenVanBestaanPercentage: 100, vermogensbufferAlleenstaandeCent: 200000, vermogensbufferAlleenstaandeOuderCent: 250000, vermogensbufferGehuwdCent: 300000 }

async function opzet(store: 'sqlite' | 'postgres') {
  const t = await startTestHub(store, { modules: [kwijtscheldingModule] })
  const gemeente = await t.org('Gemeente', 'gemeente', { producten: ['kwijtschelding'], rollen: ['belastingen'] })
  return { t, gemeente }
}

/** Polls until the worker has finished the toetsing. */
async function wachtOpGereed(t: TestHub, org: TestOrg, id: string) {
  for (let i = 0; i < 200; i++) {
    const r = await t.as(org).inject({ method: 'GET', url: `${TOETS}/${id}?resultaten=false` })
    assert.equal(r.statusCode, 200, r.body)
    if (r.json().status === 'gereed') return
    await new Promise((res) => setTimeout(res, 25))
  }
  assert.fail('toetsing niet gereed')
}

/** The BSNs a request asks about: the organisation indicates them first, as a gemeente does before checking. */
function bsnsIn(body: unknown): string[] {
  const kandidaten = typeof body === 'string' ? body.split('\n').slice(1).map((l) => l.split(';')[0]) : [(body as { bsn?: string }).bsn]
  return [...new Set(kandidaten.filter((b): b is string => isBsn(b)))]
}

async function toets(t: TestHub, org: TestOrg, body: unknown, query = '', { indiceren = true } = {}) {
  if (indiceren) await indiceer(t.hub, org.oin, bsnsIn(body))
  const r = await t.as(org).inject({ method: 'POST', url: `${TOETS}${query}`, ...(typeof body === 'string' ? csv(body) : json(body)) })
  assert.equal(r.statusCode, 202, r.body)
  const id = r.json().id as string
  assert.equal(r.headers.location, `${TOETS}/${id}`)
  await wachtOpGereed(t, org, id)
  const res = await t.as(org).inject({ method: 'GET', url: `${TOETS}/${id}` })
  return { id, body: res.json() }
}

/** An alleenstaande with four equal polis months (netto 140000 a month). */
async function alleenstaandeMetLoon(t: TestHub) {
  const bsn = nieuwBsn()
  await voegFeitenToe(t.hub, [brpPersoon(bsn, `HH${bsn}`, 'hoofd', '1980-05-01'), ...['2024-09', '2024-10', '2024-11', '2024-12'].map((m) => polis(bsn, m, 150000, 10000))])
  return bsn
}

for (const store of testStores()) {
  describe(`kwijtschelding [${store}]`, () => {
    test('norms: versioned by geldigVan, the default vehicle limit, history, every problem named, access', async () => {
      const { t, gemeente } = await opzet(store)
      await using _ = t
      const put = await t.as(gemeente).inject({ method: 'PUT', url: NORMEN, ...json(normen2025) })
      assert.equal(put.statusCode, 200, put.body)
      assert.equal(put.json().voertuigGrensCent, 335000)
      assert.deepEqual(put.json().toetsen, { inkomen: true, vermogen: true, voertuig: true, woningbezit: true, ondernemerschap: true })
      await t.as(gemeente).inject({ method: 'PUT', url: NORMEN, ...json({ ...normen2025, kostenVanBestaanPercentage: 95 }) })
      await t.as(gemeente).inject({ method: 'PUT', url: NORMEN, ...json({ ...normen2025, geldigVan: '2026-01-01', voertuigGrensCent: 400000, toetsen: { woningbezit: false } }) })
      const hist = (await t.as(gemeente).inject({ method: 'GET', url: NORMEN })).json().normen
      assert.deepEqual(hist.map((n: { geldigVan: string; kostenVanBestaanPercentage: number; vervangen?: string }) => [n.geldigVan, n.kostenVanBestaanPercentage, Boolean(n.vervangen)]),
        [['2026-01-01', 100, false], ['2025-01-01', 95, false], ['2025-01-01', 100, true]])
      assert.equal(hist[0].toetsen.woningbezit, false)

      const fout = await t.as(gemeente).inject({ method: 'PUT', url: NORMEN, ...json({ geldigVan: '2025-13-01', kostenVanBestaanPercentage: 80, vermogensbufferGehuwdCent: -1, toetsen: { fiets: true }, extra: 1 }) })
      assert.equal(fout.statusCode, 400)
      assert.equal(fout.json().code, 'kwijtschelding.normen-ongeldig')
      assert.deepEqual(fout.json().invalidParams.map((p: { name: string }) => p.name).sort(),
        ['extra', 'geldigVan', 'kostenVanBestaanPercentage', 'toetsen.fiets', 'vermogensbufferAlleenstaandeCent', 'vermogensbufferAlleenstaandeOuderCent', 'vermogensbufferGehuwdCent'])

      const inkomen = await t.org('Gemeente inkomen', 'gemeente', { producten: ['kwijtschelding'], rollen: ['inkomen'] })
      assert.equal((await t.as(inkomen).inject({ method: 'GET', url: NORMEN })).json().code, 'toegang.rol')
      const deurwaarder = await t.org('Deurwaarder', 'schuldeiser', { producten: ['kwijtschelding'], rollen: ['belastingen'] })
      assert.equal((await t.as(deurwaarder).inject({ method: 'GET', url: NORMEN })).json().code, 'toegang.soort-organisatie')
      const ander = await t.org('Waterschap', 'waterschap', { producten: ['kwijtschelding'], rollen: ['belastingen'] })
      assert.deepEqual((await t.as(ander).inject({ method: 'GET', url: NORMEN })).json().normen, [], 'only the own organisation')
    })

    test('one BSN: betalingscapaciteit, the remitted part of the aanslag, ledger, event, trace', async () => {
      const { t, gemeente } = await opzet(store)
      await using _ = t
      await t.as(gemeente).inject({ method: 'PUT', url: NORMEN, ...json(normen2025) })
      const bsn = await alleenstaandeMetLoon(t)
      const { id, body } = await toets(t, gemeente, { bsn, peildatum: '2025-01-01', aanslagCent: 90000 })
      assert.equal(body.status, 'gereed')
      assert.equal(body.aantal, 1)
      assert.equal(body.verwerkt, 1)
      const [r] = body.resultaten
      assert.equal(r.bsn, bsn)
      assert.equal(r.uitkomst, 'geen-belemmeringen')
      assert.deepEqual(r.belemmeringen, [])
      assert.equal(r.nettoBesteedbaarInkomenCent, 140000)
      assert.equal(r.kostenVanBestaanCent, 134545) // bijstandsnorm alleenstaande 2025-01-01, 100 %
      assert.equal(r.betalingscapaciteitPerMaandCent, 5455)
      assert.equal(r.betalingscapaciteitCent, 65460)
      assert.equal(r.teBetalenCent, 52368) // 80 % of 65460, rounded down
      assert.equal(r.kwijtscheldingCent, 90000 - 52368)
      assert.deepEqual(r.huishouden, { leefvorm: 'alleenstaande', personen: 1, kostendelers: 1, aowLeeftijd: false })
      assert.deepEqual(r.regel, { id: 'kwijtschelding-huishoudtoets', versie: '1.0.0' })
      assert.ok(r.berekening.some((s: { id: string }) => s.id === 'inkomen-polis'))
      assert.deepEqual(r.aandachtspunten, [])

      const outbox = await t.hub.ctx.database.db.selectFrom('outbox').selectAll().where('type', '=', 'knooppunt.kwijtschelding.toetsing-gereed.v1').execute()
      assert.equal(outbox.length, 1)
      assert.deepEqual(JSON.parse(outbox[0]!.data), { toetsingId: id, oin: gemeente.oin })
      const lijnen = await t.hub.ctx.ledger.inzage(bsn)
      assert.deepEqual(lijnen.map((l) => l.activiteit).sort(), ['kwijtschelding-toetsen', 'toetsing-lezen'])
      assert.ok(lijnen.every((l) => l.verwerkingsactiviteit === 'kws.toetsen' && l.actorOin === gemeente.oin))

      const ander = await t.org('Andere gemeente', 'gemeente', { producten: ['kwijtschelding'], rollen: ['belastingen'] })
      const vreemd = await t.as(ander).inject({ method: 'GET', url: `${TOETS}/${id}` })
      assert.equal(vreemd.statusCode, 404)
      assert.equal(vreemd.json().code, 'kwijtschelding.toetsing-onbekend')
    })

    test('belemmeringen name their data, norm and rule: vermogen, voertuig, woningbezit, ondernemerschap', async () => {
      const { t, gemeente } = await opzet(store)
      await using _ = t
      await t.as(gemeente).inject({ method: 'PUT', url: NORMEN, ...json(normen2025) })
      const [a, p, k] = [nieuwBsn(), nieuwBsn(), nieuwBsn()]
      const hh = `HH${a}`
      await voegFeitenToe(t.hub, [brpPersoon(a, hh, 'hoofd', '1970-01-01'), brpPersoon(p, hh, 'partner', '1972-01-01'), brpPersoon(k, hh, 'kind', '2010-01-01')], 'brp-1')
      await voegFeitenToe(t.hub, [
        vermogen(a, '2024-01-01', 100000), vermogen(p, '2025-01-01', 150000), vermogen(p, '2024-01-01', 999999),
        voertuig(p, 'AB-12-CD', '2020-01-01', 500000), voertuig(a, 'XY-99-ZZ', '2019-01-01', 120000), voertuig(a, 'OU-DE-01', '2010-01-01', 900000, '2023-01-01'),
        woning(a, '2015-06-01', 30000000, 1, 2), kvk(p, '2021-01-01'), polis(a, '2024-12', 300000, 60000),
      ], 'bronnen-7')
      const { body } = await toets(t, gemeente, { bsn: a, peildatum: '2025-01-01', aanslagCent: 40000 })
      const [r] = body.resultaten
      assert.equal(r.uitkomst, 'belemmeringen')
      assert.equal(r.huishouden.leefvorm, 'gehuwd')
      assert.equal(r.huishouden.personen, 3)
      assert.equal(r.kwijtscheldingCent, 0)
      assert.equal(r.teBetalenCent, 40000)
      const per = Object.fromEntries(r.belemmeringen.map((b: { soort: string }) => [b.soort, b]))
      assert.deepEqual(Object.keys(per).sort(), ['vermogen', 'voertuig', 'woningbezit', 'zelfstandig-ondernemer'])
      // vermogen: 1000 + 1500 (the newest box-3 year) + 1200 (the second car) = 3700 above the gehuwden buffer of 3000
      assert.equal(per.vermogen.bedragCent, 370000)
      assert.equal(per.vermogen.norm.waardeCent, 300000)
      assert.equal(per.vermogen.norm.naam, 'vermogensbuffer')
      assert.deepEqual(per.vermogen.gegevens.map((g: { bron: string }) => g.bron).sort(), ['belastingdienst-vermogen', 'belastingdienst-vermogen', 'rdw-voertuigen'])
      assert.equal(per.voertuig.bedragCent, 500000)
      assert.equal(per.voertuig.norm.waardeCent, 335000)
      assert.equal(per.voertuig.gegevens[0].leveringId, 'bronnen-7')
      assert.equal(typeof per.voertuig.gegevens[0].regel, 'number')
      assert.equal(per.woningbezit.bedragCent, 15000000)
      assert.equal(per['zelfstandig-ondernemer'].gegevens[0].bron, 'kvk-inschrijvingen')
      for (const b of r.belemmeringen) {
        assert.deepEqual(b.regel, { id: 'kwijtschelding-huishoudtoets', versie: '1.0.0' })
        assert.equal(b.norm.geldigVan, '2025-01-01')
        assert.equal(typeof b.norm.normversie, 'number')
      }
      const norm = berekenBijstandsnorm({ peildatum: '2025-01-01' as Datum, leefvorm: 'gehuwd', aowLeeftijd: false })
      assert.equal(r.kostenVanBestaanCent, norm.normInclusiefVakantietoeslagCent)
      assert.equal(r.nettoBesteedbaarInkomenCent, 240000)

      // Switching checks off leaves them out.
      await t.as(gemeente).inject({ method: 'PUT', url: NORMEN, ...json({ ...normen2025, geldigVan: '2025-02-01', toetsen: { vermogen: false, voertuig: false, woningbezit: false, ondernemerschap: false } }) })
      const uit = (await toets(t, gemeente, { bsn: a, peildatum: '2025-02-01' })).body.resultaten[0]
      assert.equal(uit.uitkomst, 'geen-belemmeringen')
      assert.equal(uit.normversie.geldigVan, '2025-02-01')
      assert.equal(uit.kwijtscheldingCent, undefined, 'no aanslag given, no amount to remit')
    })

    test('CSV batch: bad lines answered with their error, the rest checked; export as CSV', async () => {
      const { t, gemeente } = await opzet(store)
      await using _ = t
      await t.as(gemeente).inject({ method: 'PUT', url: NORMEN, ...json(normen2025) })
      const goed = await alleenstaandeMetLoon(t)
      const zonderBrp = nieuwBsn()
      const bestand = `bsn;peildatum;aanslagCent\n${goed};2025-01-01;90000\n123456789;2025-01-01;1\n${zonderBrp};2025-01-01;\n\n${goed};2021-06-01;100\n${goed};2025-01-01\n`
      const { id, body } = await toets(t, gemeente, bestand)
      assert.equal(body.aantal, 5)
      const r = body.resultaten
      assert.deepEqual(r.map((x: { regelnummer: number; status: string }) => [x.regelnummer, x.status]), [[2, 'gereed'], [3, 'fout'], [4, 'fout'], [6, 'fout'], [7, 'fout']])
      assert.equal(r[0].kwijtscheldingCent, 37632)
      assert.equal(r[1].fout.code, 'kwijtschelding.invoer-ongeldig')
      assert.equal(r[1].fout.invalidParams[0].code, 'bsn-ongeldig')
      assert.equal(r[1].bsn, undefined)
      assert.equal(r[2].fout.code, 'kwijtschelding.geen-brp-gegevens')
      assert.equal(r[3].fout.code, 'kwijtschelding.geen-normen')
      assert.equal(r[4].fout.code, 'kwijtschelding.csv-kolommen')

      const exp = await t.as(gemeente).inject({ method: 'GET', url: `${TOETS}/${id}/export` })
      assert.equal(exp.statusCode, 200)
      assert.match(exp.headers['content-type'] as string, /^text\/csv/)
      const regels = exp.body.trimEnd().split('\n')
      assert.equal(regels[0], 'regelnummer;bsn;peildatum;status;uitkomst;belemmeringen;nettoBesteedbaarInkomenCent;kostenVanBestaanCent;betalingscapaciteitCent;aanslagCent;kwijtscheldingCent;teBetalenCent;advies;redenen;aandachtspunten;foutcode')
      assert.equal(regels[1], `2;${goed};2025-01-01;gereed;geen-belemmeringen;;140000;134545;65460;90000;37632;52368;;;;`)
      assert.equal(regels.length, 6)
      assert.ok(regels[3]!.endsWith(';kwijtschelding.geen-brp-gegevens'))

      const kop = await t.as(gemeente).inject({ method: 'POST', url: TOETS, ...csv('bsn;datum\n1;2\n') })
      assert.equal(kop.statusCode, 400)
      assert.equal(kop.json().code, 'kwijtschelding.csv-kop-ongeldig')
      const bytes = await t.as(gemeente).inject({ method: 'POST', url: TOETS, payload: Buffer.from([0x62, 0x73, 0x6e, 0xff, 0x0a]), headers: { 'content-type': 'text/csv' } })
      assert.equal(bytes.json().code, 'kwijtschelding.geen-utf8')
      const slecht = await t.as(gemeente).inject({ method: 'POST', url: TOETS, ...json({ bsn: '111', peildatum: 'gisteren', aanslagCent: -1, x: 1 }) })
      assert.equal(slecht.statusCode, 400)
      assert.deepEqual(slecht.json().invalidParams.map((p: { name: string }) => p.name).sort(), ['aanslagCent', 'bsn', 'peildatum', 'x'])
    })

    test('verlenging: an advice per BSN with reasons', async () => {
      const { t, gemeente } = await opzet(store)
      await using _ = t
      await t.as(gemeente).inject({ method: 'PUT', url: NORMEN, ...json(normen2025) })
      const laag = nieuwBsn()
      const hoog = await alleenstaandeMetLoon(t)
      const aow = nieuwBsn()
      const auto = nieuwBsn()
      await voegFeitenToe(t.hub, [
        brpPersoon(laag, `HH${laag}`, 'hoofd', '1985-01-01'), ...['2024-09', '2024-10', '2024-11', '2024-12'].map((m) => polis(laag, m, 120000, 5000)),
        brpPersoon(aow, `HH${aow}`, 'hoofd', '1950-01-01'), svb(aow, 'aow', '2015-01-01', 140000),
        brpPersoon(auto, `HH${auto}`, 'hoofd', '1990-01-01'), voertuig(auto, 'GB-22-NL', '2024-01-01', 400000),
      ])
      const { body } = await toets(t, gemeente, `bsn;peildatum\n${laag};2025-01-01\n${hoog};2025-01-01\n${aow};2025-01-01\n${auto};2025-01-01\n`, '?soort=verlenging')
      assert.equal(body.soort, 'verlenging')
      const advies = body.resultaten.map((r: { advies: string; redenen: string[] }) => [r.advies, r.redenen])
      assert.deepEqual(advies, [
        ['verlengen', []],
        ['opnieuw-beoordelen', ['betalingscapaciteit']],
        ['opnieuw-beoordelen', ['svb-bruto-meegeteld']],
        ['opnieuw-beoordelen', ['belemmering-voertuig', 'geen-inkomensgegevens']],
      ])
      assert.equal(body.resultaten[2].huishouden.aowLeeftijd, true)
      const onbekend = await t.as(gemeente).inject({ method: 'POST', url: `${TOETS}?soort=jaarlijks`, ...json({ bsn: laag, peildatum: '2025-01-01' }) })
      assert.equal(onbekend.json().code, 'kwijtschelding.soort-onbekend')
    })

    test('retention: toetsingen and their results are deleted after 548 days', async () => {
      const { t, gemeente } = await opzet(store)
      await using _ = t
      await t.as(gemeente).inject({ method: 'PUT', url: NORMEN, ...json(normen2025) })
      const bsn = await alleenstaandeMetLoon(t)
      const { id } = await toets(t, gemeente, { bsn, peildatum: '2025-01-01' })
      const nu = Date.now()
      assert.equal(await runKwsRetention(t.hub.ctx, new Date(nu + 547 * 86400_000)), 0)
      assert.equal(await runKwsRetention(t.hub.ctx, new Date(nu + 549 * 86400_000)), 1)
      assert.equal((await t.as(gemeente).inject({ method: 'GET', url: `${TOETS}/${id}` })).statusCode, 404)
      const rest = await t.hub.ctx.database.db.withTables<{ kws_toetsing_regels: { toetsing_id: string } }>().selectFrom('kws_toetsing_regels').select('toetsing_id').execute()
      assert.equal(rest.length, 0)
    })
  })
}
