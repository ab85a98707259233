import { describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { completeBsn } from '../../src/core/index.js'
import { bijstandsnormenRoutes } from '../../src/products/bijstandsnormen/index.js'
import { beslagvrijeVoetRoutes } from '../../src/products/beslagvrije-voet/index.js'
import { startTestHub, testStores } from '../support/test-hub.js'

const modules = [bijstandsnormenRoutes, beslagvrijeVoetRoutes]
const json = (payload: unknown) => ({ payload: JSON.stringify(payload), headers: { 'content-type': 'application/json' } })
const NORM = '/api/v1/normen/bijstand/_bereken'
const BVV = '/api/v1/beslagvrije-voet/berekeningen'
const BULK = `${BVV}/_bulk`

// Expected amounts come from the case files (src/products/*/cases/*.cases.json), which cite their sources.
const bijstandAlleenstaande2022 = { peildatum: '2022-01-01', leefsituatie: 'alleenstaande', woonadresBekend: true, bijstand: true, inkomenPerMaandCent: 150000, belastbaarJaarinkomenCent: 1500000 }
const geenWoonadres2026 = { peildatum: '2026-01-01', leefsituatie: 'alleenstaande', woonadresBekend: false, bijstand: false, inkomenPerMaandCent: 250000, belastbaarJaarinkomenCent: 2400000 }
const leaseauto2025 = { peildatum: '2025-01-01', leefsituatie: 'alleenstaande-ouder', woonadresBekend: false, bijstand: false, inkomenPerMaandCent: 300000, belastbaarJaarinkomenCent: 2400000, eigenInkomenNietBeslagenCent: 10000, leaseautoLoonheffingCent: 5000 }

async function hubMetOrganisaties(store: 'sqlite' | 'postgres') {
  const t = await startTestHub(store, { modules })
  const deurwaarder = await t.org('Deurwaarder', 'schuldeiser', { producten: ['beslagvrije-voet', 'bijstandsnormen'], rollen: ['beslaglegger'] })
  const gemeente = await t.org('Gemeente', 'gemeente', { producten: ['bijstandsnormen'], rollen: ['inkomen'] })
  return { t, deurwaarder, gemeente }
}

for (const store of testStores()) {
  describe(`regels API [${store}]`, () => {
    test('bijstandsnorm: published amounts, kostendelersnorm per person, and the trace', async () => {
      const { t, gemeente } = await hubMetOrganisaties(store)
      await using _ = t
      const res = await t.as(gemeente).inject({ method: 'POST', url: NORM, ...json({ peildatum: '2022-01-01', leefvorm: 'alleenstaande' }) })
      assert.equal(res.statusCode, 200)
      const body = res.json()
      assert.equal(body.normInclusiefVakantietoeslagCent, 109171)
      assert.equal(body.vermogensgrensCent, 650500)
      assert.equal(typeof body.normExclusiefVakantietoeslagCent, 'number')
      assert.ok(body.berekening.length >= 3 && body.berekening.every((s: { grondslag: string }) => s.grondslag))
      const gehuwd = (await t.as(gemeente).inject({ method: 'POST', url: NORM, ...json({ peildatum: '2022-01-01', leefvorm: 'gehuwd' }) })).json()
      assert.equal(gehuwd.normInclusiefVakantietoeslagCent, 155958)
      const kd = (await t.as(gemeente).inject({ method: 'POST', url: NORM, ...json({ peildatum: '2022-01-01', leefvorm: 'alleenstaande', kostendelers: 3 }) })).json()
      assert.equal(kd.kostendelersnormPerPersoonCent, 67582)
      assert.equal(kd.normInclusiefVakantietoeslagCent, 67582)
    })

    test('beslagvrije voet: exact amounts for bijstand, no woonadres and the 475db reductions', async () => {
      const { t, deurwaarder } = await hubMetOrganisaties(store)
      await using _ = t
      const bereken = async (invoer: unknown) => t.as(deurwaarder).inject({ method: 'POST', url: BVV, ...json(invoer) })
      const a = await bereken(bijstandAlleenstaande2022)
      assert.equal(a.statusCode, 200)
      assert.equal(a.json().beslagvrijeVoetCent, 103712)
      assert.equal(a.json().alleParametersGeverifieerd, true)
      assert.ok(a.json().berekening.some((s: { id: string }) => s.id === '475dc-lid-2-norm'))
      assert.equal((await bereken(geenWoonadres2026)).json().beslagvrijeVoetCent, 95101)
      assert.equal((await bereken(leaseauto2025)).json().beslagvrijeVoetCent, 76298)
      assert.equal(await t.hub.ctx.ledger.count(), 0, 'the plain calculator processes no BSN, so it writes no ledger line')
    })

    test('bad input: every problem named, dates outside the parameters name the missing parameter', async () => {
      const { t, deurwaarder, gemeente } = await hubMetOrganisaties(store)
      await using _ = t
      const bereken = async (invoer: unknown) => t.as(deurwaarder).inject({ method: 'POST', url: BVV, ...json(invoer) })
      const onbekend = await bereken({ ...geenWoonadres2026, leefsituatie: 'samenwonend' })
      assert.equal(onbekend.statusCode, 400)
      assert.equal(onbekend.headers['content-type'], 'application/problem+json; charset=utf-8')
      assert.equal(onbekend.json().code, 'beslagvrije-voet.invoer-ongeldig')
      assert.deepEqual(onbekend.json().invalidParams.map((p: { name: string; code: string }) => [p.name, p.code]), [['leefsituatie', 'waarde-onbekend']])

      const missend = await bereken({ peildatum: '2025-01-01', inkomenPerMaandCent: -5, extra: 1 })
      const namen = missend.json().invalidParams.map((p: { name: string }) => p.name).sort()
      assert.deepEqual(namen, ['belastbaarJaarinkomenCent', 'bijstand', 'extra', 'inkomenPerMaandCent', 'leefsituatie', 'woonadresBekend'])
      const absurd = await bereken({ ...geenWoonadres2026, inkomenPerMaandCent: 5_000_000_000 })
      assert.equal(absurd.json().invalidParams[0].name, 'inkomenPerMaandCent')

      for (const peildatum of ['2021-12-31', '2026-07-01']) {
        const res = await bereken({ ...geenWoonadres2026, peildatum })
        assert.equal(res.statusCode, 400, peildatum)
        assert.equal(res.json().code, 'regels.parameter-onbekend')
        assert.match(res.json().detail, /parameter 'maximum\.alleenstaande'/)
        assert.equal(res.json().invalidParams[0].name, 'peildatum')
      }
      // An alleenstaande in 2025: F and G rest on a secondary source, so the answer is computed but says it is not verified.
      // By hand: C = € 24.000 < D, no zorgtoeslag term; F × C² + G × C − J = 252,6901 + 10,7134 − 238,01 = 25,3935;
      // 95 % × 1.345,45 = 1.278,1775; sum 1.303,5710 → 130357 cent (95 % of the income is 237500).
      const formule = await bereken({ ...geenWoonadres2026, peildatum: '2025-03-01', woonadresBekend: true })
      assert.equal(formule.statusCode, 200)
      assert.equal(formule.json().beslagvrijeVoetCent, 130357)
      assert.equal(formule.json().alleParametersGeverifieerd, false)
      // 2026 text of lid 2 (after the huurtoeslag reform), computed by hand: C = € 24.000 is below D, so no zorgtoeslag
      // term; I = 24.000 − 23.425 = 575, woonkosten term min(575 × 27 % / 12, 932,93 − 202,52) = 12,9375;
      // 95 % × 1.401,50 = 1.331,425; sum 1.344,3625 → 134436 cent (95 % of the income is 237500).
      const formule2026 = await bereken({ ...geenWoonadres2026, woonadresBekend: true })
      assert.equal(formule2026.statusCode, 200)
      assert.equal(formule2026.json().beslagvrijeVoetCent, 134436)

      const norm = await t.as(gemeente).inject({ method: 'POST', url: NORM, ...json({ peildatum: '2020-01-01', leefvorm: 'alleenstaande' }) })
      assert.equal(norm.json().code, 'regels.parameter-onbekend')
      const leefvorm = await t.as(gemeente).inject({ method: 'POST', url: NORM, ...json({ peildatum: '2022-01-01', leefvorm: 'samen' }) })
      assert.equal(leefvorm.json().code, 'bijstandsnorm.invoer-ongeldig')
      const geenJson = await t.as(gemeente).inject({ method: 'POST', url: NORM, payload: '{', headers: { 'content-type': 'application/json' } })
      assert.equal(geenJson.json().code, 'verzoek.json-ongeldig')
    })

    test('NDJSON bulk: bad lines answered with their error, the rest computed, order kept', async () => {
      const { t, deurwaarder } = await hubMetOrganisaties(store)
      await using _ = t
      const regels = [
        JSON.stringify(bijstandAlleenstaande2022),
        '{ kapot',
        JSON.stringify({ ...geenWoonadres2026, leefsituatie: 'onbekend' }),
        '',
        JSON.stringify(geenWoonadres2026),
        JSON.stringify({ ...geenWoonadres2026, peildatum: '2021-06-01' }),
        JSON.stringify(leaseauto2025),
      ]
      const res = await t.as(deurwaarder).inject({ method: 'POST', url: `${BULK}?berekening=false`, payload: regels.join('\n') + '\n', headers: { 'content-type': 'application/x-ndjson' } })
      assert.equal(res.statusCode, 200)
      assert.match(String(res.headers['content-type']), /^application\/x-ndjson/)
      const uit = res.body.trim().split('\n').map((l) => JSON.parse(l))
      assert.deepEqual(uit.map((u) => u.regel), [1, 2, 3, 5, 6, 7])
      assert.deepEqual(uit.map((u) => u.beslagvrijeVoetCent ?? u.fout.code), [103712, 'verzoek.json-ongeldig', 'beslagvrije-voet.invoer-ongeldig', 95101, 'regels.parameter-onbekend', 76298])
      assert.equal(uit[2].fout.invalidParams[0].name, 'leefsituatie')
      assert.equal(uit[0].berekening, undefined, 'berekening=false leaves the trace out')
      for (const type of ['application/x-ndjson', 'text/csv']) {
        const leeg = await t.as(deurwaarder).inject({ method: 'POST', url: BULK, payload: '', headers: { 'content-type': type } })
        assert.equal(leeg.statusCode, type === 'text/csv' ? 400 : 200, type)
        if (type === 'text/csv') assert.equal(leeg.json().code, 'beslagvrije-voet.csv-kop-ongeldig')
        else assert.equal(leeg.body, '')
      }
      const metSpoor = await t.as(deurwaarder).inject({ method: 'POST', url: BULK, payload: regels[0]!, headers: { 'content-type': 'application/x-ndjson' } })
      assert.ok(JSON.parse(metSpoor.body).berekening.length > 0)
    })

    test('bulk bodies are streamed: a file above the JSON body limit (1 MB here) is answered in full', async () => {
      const { t, deurwaarder } = await hubMetOrganisaties(store)
      await using _ = t
      const regel = JSON.stringify(geenWoonadres2026)
      const n = Math.ceil((2 * 1024 * 1024) / regel.length)
      const res = await t.as(deurwaarder).inject({ method: 'POST', url: `${BULK}?berekening=false`, payload: `${regel}\n`.repeat(n), headers: { 'content-type': 'application/x-ndjson' } })
      assert.equal(res.statusCode, 200)
      const uit = res.body.trim().split('\n')
      assert.equal(uit.length, n)
      assert.deepEqual(JSON.parse(uit.at(-1)!), { regel: n, beslagvrijeVoetCent: 95101, alleParametersGeverifieerd: true })
    })

    test('CSV bulk: header with field names, `;` separator, CSV answer in the same order; a bad header is one 400', async () => {
      const { t, deurwaarder } = await hubMetOrganisaties(store)
      await using _ = t
      const csv = [
        'peildatum;leefsituatie;woonadresBekend;bijstand;inkomenPerMaandCent;belastbaarJaarinkomenCent;eigenInkomenNietBeslagenCent;leaseautoLoonheffingCent',
        '2026-01-01;alleenstaande;false;false;250000;2400000;;',
        '2025-01-01;alleenstaande;nee;nee;-1;2400000;;',
        '2025-01-01;alleenstaande-ouder;false;false;300000;2400000;10000;5000',
        '2022-01-01;alleenstaande;true;true;150000',
        '2022-01-01;alleenstaande;ja;ja;150000;1500000;;',
      ].join('\r\n')
      const res = await t.as(deurwaarder).inject({ method: 'POST', url: BULK, payload: csv, headers: { 'content-type': 'text/csv; charset=utf-8' } })
      assert.equal(res.statusCode, 200)
      assert.match(String(res.headers['content-type']), /^text\/csv/)
      const [kop, ...rijen] = res.body.trim().split('\n').map((l) => l.split(';'))
      assert.deepEqual(kop, ['regel', 'beslagvrijeVoetCent', 'alleParametersGeverifieerd', 'foutcode', 'foutmelding'])
      assert.deepEqual(rijen.map((r) => [r[0], r[1] || r[3]]), [
        ['2', '95101'], ['3', 'beslagvrije-voet.invoer-ongeldig'], ['4', '76298'], ['5', 'beslagvrije-voet.csv-kolommen'], ['6', '103712'],
      ])
      assert.match(rijen[1]!.slice(4).join(';'), /inkomenPerMaandCent/)

      const slechteKop = await t.as(deurwaarder).inject({ method: 'POST', url: BULK, payload: 'peildatum;bsn\n2025-01-01;123', headers: { 'content-type': 'text/csv' } })
      assert.equal(slechteKop.statusCode, 400)
      assert.equal(slechteKop.json().code, 'beslagvrije-voet.csv-kop-ongeldig')
      assert.equal(slechteKop.json().invalidParams[0].name, 'kolom 2')
      const xml = await t.as(deurwaarder).inject({ method: 'POST', url: BULK, payload: '<a/>', headers: { 'content-type': 'application/xml' } })
      assert.equal(xml.statusCode, 415)
      const ndjsonOpEnkel = await t.as(deurwaarder).inject({ method: 'POST', url: BVV, payload: '{}', headers: { 'content-type': 'application/x-ndjson' } })
      assert.equal(ndjsonOpEnkel.statusCode, 415, 'the stream parsers belong to the bulk route only')
    })

    test('auth: no token 401, organisation without the product or without a role 403', async () => {
      const { t, gemeente } = await hubMetOrganisaties(store)
      await using _ = t
      assert.equal((await t.inject({ method: 'POST', url: BVV, ...json(geenWoonadres2026) })).statusCode, 401)
      const zonderProduct = await t.as(gemeente).inject({ method: 'POST', url: BVV, ...json(geenWoonadres2026) })
      assert.equal(zonderProduct.statusCode, 403)
      assert.equal(zonderProduct.json().code, 'toegang.product')
      const zonderBulk = await t.as(gemeente).inject({ method: 'POST', url: BULK, payload: JSON.stringify(geenWoonadres2026), headers: { 'content-type': 'application/x-ndjson' } })
      assert.equal(zonderBulk.statusCode, 403)
      const rmc = await t.org('RMC', 'rmc', { producten: ['beslagvrije-voet'], rollen: ['rmc'] })
      assert.equal((await t.as(rmc).inject({ method: 'POST', url: BVV, ...json(geenWoonadres2026) })).json().code, 'toegang.rol')
      const geenNormen = await t.org('Zorg', 'zorgaanbieder', { producten: ['samenloop'], rollen: ['zorg'] })
      assert.equal((await t.as(geenNormen).inject({ method: 'POST', url: NORM, ...json({ peildatum: '2022-01-01', leefvorm: 'gehuwd' }) })).statusCode, 403)
    })

    test('the endpoints are in the OpenAPI document, the bulk route with both media types', async () => {
      const { t } = await hubMetOrganisaties(store)
      await using _ = t
      const paths = (await t.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json().paths
      assert.ok(paths[NORM].post && paths[BVV].post)
      assert.deepEqual(Object.keys(paths[BULK].post.requestBody.content).sort(), ['application/x-ndjson', 'text/csv'])
    })

    test('output guard: a recipient kind the register does not name receives no fields', async () => {
      const { t } = await hubMetOrganisaties(store)
      await using _ = t
      // `intermediair` takes the product and holds a valid role, but the register does not list it as a recipient.
      const intermediair = await t.org('Intermediair', 'intermediair', { producten: ['beslagvrije-voet'], rollen: ['schuldhulp'] })
      const res = await t.as(intermediair).inject({ method: 'POST', url: BVV, ...json(geenWoonadres2026) })
      assert.equal(res.statusCode, 200)
      assert.deepEqual(res.json(), {})
      const bulk = await t.as(intermediair).inject({ method: 'POST', url: BULK, payload: JSON.stringify(geenWoonadres2026), headers: { 'content-type': 'application/x-ndjson' } })
      assert.deepEqual(JSON.parse(bulk.body), {})
      assert.ok(t.logLines.some((l) => l.includes('uitvoerbewaking verwijderde velden')))
    })

    test('a BSN instead of income: ledgered, then refused clearly because the hub holds no polis facts', async () => {
      const { t, deurwaarder } = await hubMetOrganisaties(store)
      await using _ = t
      const bsn = completeBsn('23456789')!
      const ongeldig = await t.as(deurwaarder).inject({ method: 'POST', url: BVV, ...json({ bsn: '123', peildatum: '2025-01-01' }) })
      assert.equal(ongeldig.json().code, 'bsn-ongeldig')
      assert.equal(await t.hub.ctx.ledger.count(), 0)
      const res = await t.as(deurwaarder).inject({ method: 'POST', url: BVV, ...json({ bsn, peildatum: '2025-01-01', leefsituatie: 'alleenstaande' }) })
      assert.equal(res.statusCode, 404)
      assert.equal(res.json().code, 'beslagvrije-voet.geen-inkomensfeiten')
      const regels = await t.hub.ctx.ledger.inzage(bsn)
      assert.equal(regels.length, 1)
      assert.equal(regels[0]!.verwerkingsactiviteit, 'bvv.berekenen')
      assert.equal(regels[0]!.actorOin, deurwaarder.oin)
    })
  })
}
