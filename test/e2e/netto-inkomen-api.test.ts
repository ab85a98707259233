/**
 * The direct calculators of issue 5's netto indicatief inkomen: `POST /api/v1/loonheffing/_bereken` (white monthly
 * table) and `POST /api/v1/netto-inkomen/_bereken` (the documented netto method on polis-like lines), on both stores.
 * Expected table amounts are read from the case files, which cite the published Belastingdienst tables.
 */
import { describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { nettoInkomenRoutes } from '../../src/products/netto-inkomen/index.js'
import { startTestHub, testStores } from '../support/test-hub.js'

const LH = '/api/v1/loonheffing/_bereken'
const NETTO = '/api/v1/netto-inkomen/_bereken'
const json = (payload: unknown) => ({ payload: JSON.stringify(payload), headers: { 'content-type': 'application/json' } })

interface TabelCase { naam: string; peildatum: string; invoer: Record<string, unknown>; verwacht: Record<string, number> }
const cases = (JSON.parse(readFileSync(new URL('../../src/products/netto-inkomen/loonheffing/cases/loonheffing.cases.json', import.meta.url), 'utf8')) as { cases: TabelCase[] }).cases
/** The first published row of each year, with and without loonheffingskorting, below the AOW age. */
const perJaar = ['2022', '2023', '2024', '2025', '2026'].flatMap((j) => [true, false].map((lhk) =>
  cases.find((c) => c.peildatum.startsWith(j) && c.invoer.loonheffingskorting === lhk && c.invoer.leeftijdsgroep === 'jonger-dan-aow')!))

async function hubMetOrganisaties(store: 'sqlite' | 'postgres') {
  const t = await startTestHub(store, { modules: [nettoInkomenRoutes] })
  const gemeente = await t.org('Gemeente', 'gemeente', { producten: ['netto-inkomen'], rollen: ['inkomen'] })
  const deurwaarder = await t.org('Deurwaarder', 'schuldeiser', { producten: ['netto-inkomen'], rollen: ['beslaglegger'] })
  const wmo = await t.org('Gemeente Wmo', 'gemeente', { producten: ['netto-inkomen'], rollen: ['wmo'] })
  const zonder = await t.org('Gemeente zonder product', 'gemeente', { producten: ['bijstandsnormen'], rollen: ['inkomen'] })
  return { t, gemeente, deurwaarder, wmo, zonder }
}

const namen = (body: { invalidParams?: Array<{ name: string }> }) => (body.invalidParams ?? []).map((p) => p.name).sort()

for (const store of testStores()) {
  describe(`netto-inkomen API [${store}]`, () => {
    test('loonheffing: the published table amount for every year, with the steps and their sources', async () => {
      const { t, gemeente } = await hubMetOrganisaties(store)
      await using _ = t
      assert.equal(perJaar.length, 10)
      for (const c of perJaar) {
        const res = await t.as(gemeente).inject({ method: 'POST', url: LH, ...json({ peildatum: c.peildatum, ...c.invoer }) })
        assert.equal(res.statusCode, 200, c.naam)
        const body = res.json()
        assert.equal(body.loonheffingCent, c.verwacht.loonheffingPerMaandCent, c.naam)
        if (c.verwacht.tabelloonCent !== undefined) assert.equal(body.tabelloonCent, c.verwacht.tabelloonCent, c.naam)
        assert.equal(body.nauwkeurigheid, 'tabel')
        assert.equal(body.alleParametersGeverifieerd, c.peildatum < '2025', 'the premiepercentages 2025/2026 are not verified in a read source')
        assert.ok(body.metLoonheffingskortingCent <= body.zonderLoonheffingskortingCent)
        const ids = body.berekening.map((s: { id: string }) => s.id)
        assert.equal(ids[0], 'tabelloon')
        assert.equal(ids.at(-1), 'loonheffing-maand')
        assert.ok(body.berekening.every((s: { grondslag: string }) => s.grondslag.length > 0))
      }
      // Defaults (with loonheffingskorting, below the AOW age) and the example of docs/api/regels.md (table 2024, row € 2.911,50).
      const standaard = (await t.as(gemeente).inject({ method: 'POST', url: LH, ...json({ peildatum: '2024-06-01', loonPerMaandCent: 291199 }) })).json()
      assert.equal(standaard.loonheffingCent, 40133)
      assert.equal(standaard.zonderLoonheffingskortingCent, 107633)
      const aow = (await t.as(gemeente).inject({ method: 'POST', url: LH, ...json({ peildatum: '2024-06-01', loonPerMaandCent: 291199, leeftijdsgroep: 'aow-geboren-1946-of-later' }) })).json()
      assert.equal(aow.nauwkeurigheid, 'benadering')
      assert.equal(await t.hub.ctx.ledger.count(), 0, 'no BSN, no ledger line')
    })

    test('netto: a table estimate is marked, a withheld amount is used as is, lines are summed with one trace', async () => {
      const { t, deurwaarder } = await hubMetOrganisaties(store)
      await using _ = t
      const res = await t.as(deurwaarder).inject({ method: 'POST', url: NETTO, ...json({
        periode: '2024-06',
        inkomstenverhoudingen: [
          { inkomstenverhoudingId: 'IKV-1', soortInkomen: 'loon', brutoloonCent: 291199, vakantiebijslagReserveringCent: 23296 },
          { soortInkomen: 'ww', brutoloonCent: 100000, loonheffingCent: 20000, werknemersinhoudingenCent: 1000 },
        ],
      }) })
      assert.equal(res.statusCode, 200, res.body)
      const body = res.json()
      const [a, b] = body.inkomstenverhoudingen
      assert.equal(a.loonheffingBron, 'witte-maandtabel')
      assert.equal(a.loonheffingCent, 40133) // table 2024, row € 2.911,50
      assert.equal(a.nettoExclusiefVakantiebijslagCent, 291199 - 40133)
      assert.equal(a.nettoVakantiebijslagCent, Math.floor((23296 * (291199 - 40133)) / 291199))
      assert.equal(a.inkomstenverhoudingId, 'IKV-1')
      assert.equal(b.loonheffingBron, 'polis')
      assert.equal(b.nettoIndicatiefInkomenCent, 100000 - 20000 - 1000)
      assert.equal(body.nettoIndicatiefInkomenCent, a.nettoIndicatiefInkomenCent + b.nettoIndicatiefInkomenCent)
      assert.equal(body.loonheffingGeschat, true)
      assert.equal(body.alleParametersGeverifieerd, true)
      const ids: string[] = body.berekening.map((s: { id: string }) => s.id)
      assert.ok(ids.includes('ikv1-loonheffing-geschat') && ids.includes('ikv1-loonheffing-tabelloon'), ids.join())
      assert.ok(!ids.some((id) => id.startsWith('ikv2-loonheffing-')), 'the withheld amount of line 2 is not estimated')
      assert.equal(ids.at(-1), 'netto-indicatief-totaal')
      assert.equal(body.berekening.at(-1).bedragCent, body.nettoIndicatiefInkomenCent)
      assert.match(body.berekening[0].wat, /^Inkomstenverhouding 1 \(IKV-1\), loon: /)

      // On request a withheld amount is checked against the table (2025, row € 7.020,00); the netto does not change.
      const controle = (await t.as(deurwaarder).inject({ method: 'POST', url: NETTO, ...json({
        periode: '2025-03', controleerLoonheffing: true, inkomstenverhoudingen: [{ soortInkomen: 'loon', brutoloonCent: 702000, loonheffingCent: 100000 }],
      }) })).json()
      assert.deepEqual(controle.inkomstenverhoudingen[0].loonheffingControle, { metLoonheffingskortingCent: 240892, zonderLoonheffingskortingCent: 265217, binnenTabelmarge: false, nauwkeurigheid: 'tabel' })
      assert.equal(controle.nettoIndicatiefInkomenCent, 602000)
      assert.equal(controle.loonheffingGeschat, false)
      assert.equal(await t.hub.ctx.ledger.count(), 0)
      // The access log has the call, never the amounts sent.
      const log = t.logLines.join('\n')
      assert.match(log, /netto-inkomen\/_bereken/)
      assert.doesNotMatch(log, /291199|702000/)
    })

    test('bad input: every problem named with problem+json; dates without a table name the parameter', async () => {
      const { t, gemeente } = await hubMetOrganisaties(store)
      await using _ = t
      const lh = async (invoer: unknown) => t.as(gemeente).inject({ method: 'POST', url: LH, ...json(invoer) })
      const netto = async (invoer: unknown) => t.as(gemeente).inject({ method: 'POST', url: NETTO, ...json(invoer) })

      const leeg = await lh({})
      assert.equal(leeg.statusCode, 400)
      assert.equal(leeg.headers['content-type'], 'application/problem+json; charset=utf-8')
      assert.equal(leeg.json().code, 'loonheffing.invoer-ongeldig')
      assert.deepEqual(namen(leeg.json()), ['loonPerMaandCent', 'peildatum'])
      const slecht = (await lh({ peildatum: '2024-02-30', loonPerMaandCent: -1, loonheffingskorting: 'ja', leeftijdsgroep: '65-plus', extra: 1 })).json()
      assert.deepEqual(namen(slecht), ['extra', 'leeftijdsgroep', 'loonPerMaandCent', 'loonheffingskorting', 'peildatum'])
      assert.equal(slecht.invalidParams.find((p: { name: string }) => p.name === 'leeftijdsgroep').code, 'waarde-onbekend')
      assert.deepEqual(namen((await lh({ peildatum: '2024-01-01', loonPerMaandCent: 5_000_000_000 })).json()), ['loonPerMaandCent'])
      for (const peildatum of ['2021-12-31', '2027-01-01']) {
        const res = await lh({ peildatum, loonPerMaandCent: 300000 })
        assert.equal(res.statusCode, 400, peildatum)
        assert.equal(res.json().code, 'regels.parameter-onbekend')
        assert.match(res.json().detail, /geen waarde bekend voor parameter '(tabel\.|tarief\.)/)
        assert.equal(res.json().invalidParams[0].name, 'peildatum')
      }

      const nettoLeeg = await netto({})
      assert.equal(nettoLeeg.json().code, 'netto-inkomen.invoer-ongeldig')
      assert.deepEqual(namen(nettoLeeg.json()), ['inkomstenverhoudingen', 'periode'])
      const regels = (await netto({ periode: '2024-13', inkomstenverhoudingen: [
        { soortInkomen: 'bonus', brutoloonCent: 1.5 },
        { soortInkomen: 'loon', brutoloonCent: 100000, loonheffingCent: 200000, leeftijdsgroep: 'x', onbekend: true },
        { soortInkomen: 'wia', brutoloonCent: 150000 },
        'geen object',
      ] })).json()
      assert.deepEqual(namen(regels), [
        'inkomstenverhoudingen[0].brutoloonCent', 'inkomstenverhoudingen[0].soortInkomen',
        'inkomstenverhoudingen[1].leeftijdsgroep', 'inkomstenverhoudingen[1].loonheffingCent', 'inkomstenverhoudingen[1].onbekend',
        'inkomstenverhoudingen[2].loonheffingCent', 'inkomstenverhoudingen[3]', 'periode',
      ])
      const wia = regels.invalidParams.find((p: { name: string }) => p.name === 'inkomstenverhoudingen[2].loonheffingCent')
      assert.equal(wia.code, 'verplicht-bij-uitkering')
      assert.equal((await netto({ periode: '2024-01', inkomstenverhoudingen: [] })).json().invalidParams[0].code, 'leeg')
      const veel = Array.from({ length: 21 }, () => ({ soortInkomen: 'loon', brutoloonCent: 1 }))
      assert.equal((await netto({ periode: '2024-01', inkomstenverhoudingen: veel })).json().invalidParams[0].code, 'te-veel')
      assert.deepEqual(namen((await netto({ periode: '2024-01', inkomstenverhoudingen: [{ soortInkomen: 'loon', brutoloonCent: 100_000_001 }] })).json()), ['inkomstenverhoudingen[0].brutoloonCent'])

      // An estimate needs the table of that year: refused naming periode and the parameter; a withheld amount needs none.
      for (const periode of ['2021-12', '2027-01']) {
        const res = await netto({ periode, inkomstenverhoudingen: [{ soortInkomen: 'loon', brutoloonCent: 300000 }] })
        assert.equal(res.statusCode, 400, periode)
        assert.equal(res.json().code, 'regels.parameter-onbekend')
        assert.match(res.json().detail, /parameter 'tabel\.stap-maand'/)
        assert.equal(res.json().invalidParams[0].name, 'periode')
        const opgegeven = await netto({ periode, inkomstenverhoudingen: [{ soortInkomen: 'loon', brutoloonCent: 300000, loonheffingCent: 50000 }] })
        assert.equal(opgegeven.statusCode, 200)
        assert.equal(opgegeven.json().nettoIndicatiefInkomenCent, 250000)
      }
      const geenJson = await t.as(gemeente).inject({ method: 'POST', url: NETTO, payload: '{', headers: { 'content-type': 'application/json' } })
      assert.equal(geenJson.json().code, 'verzoek.json-ongeldig')
    })

    test('access: the product and one of the roles of OIB / beslagvrije voet are needed; the routes are in the OpenAPI', async () => {
      const { t, wmo, zonder } = await hubMetOrganisaties(store)
      await using _ = t
      const invoer = json({ peildatum: '2024-06-01', loonPerMaandCent: 291199 })
      assert.equal((await t.inject({ method: 'POST', url: LH, ...invoer })).statusCode, 401)
      const rol = await t.as(wmo).inject({ method: 'POST', url: LH, ...invoer })
      assert.equal(rol.statusCode, 403)
      assert.equal(rol.json().code, 'toegang.rol')
      const product = await t.as(zonder).inject({ method: 'POST', url: NETTO, ...json({ periode: '2024-06', inkomstenverhoudingen: [] }) })
      assert.equal(product.statusCode, 403)
      assert.equal(product.json().code, 'toegang.product')
      const paths = (await t.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json().paths
      for (const p of [LH, NETTO]) {
        assert.ok(paths[p]?.post, p)
        assert.deepEqual(paths[p].post.tags, ['regels'])
        assert.ok(paths[p].post.responses['400'], p)
      }
    })
  })
}
