import { test } from 'node:test'
import assert from 'node:assert/strict'
import { fileURLToPath } from 'node:url'
import { completeBsn, type Bsn, type Datum } from '../../../core/index.js'
import { matchFeiten, type Feit, type Indicatie } from '../../../platform/matching/index.js'
import { loadRegister } from '../../../platform/register/index.js'
import { signaalUitleg } from '../../../platform/signals/index.js'
import { bijstandsnormParameters } from '../../bijstandsnormen/index.js'
import { SAMENLOOP_REGELS, SOORTEN } from './index.js'

const BSN = completeBsn('11122233')!
const ANDER = completeBsn('44455566')!
const GEMEENTE = '0344'
const indicatie = (van = '2025-01-01', tot?: string, bsn: Bsn = BSN): Indicatie =>
  ({ oin: '00000001000000000001', product: 'samenloop', bsn, periode: { van: van as Datum, tot: tot as Datum | undefined }, gemeentecode: GEMEENTE })
const feit = (bron: string, gegevens: Record<string, unknown>, bsn: Bsn = BSN): Feit =>
  ({ bron, bsn, sleutel: 'k', geldigVan: '2025-01-01', gegevens, leveringId: 'lev-1', regel: 2 })
const match = (f: Feit, i: Indicatie = indicatie()) => matchFeiten([f], [i], SAMENLOOP_REGELS)

const polis = (o: Record<string, unknown> = {}) => feit('uwv-polis', {
  periode: '2025-03', inkomstenverhoudingId: 'IKV1', loonheffingennummer: '001234567L01', werkgeverNaam: 'Bakkerij De Korf',
  soortInkomen: 'loon', brutoloonCent: 123456, loonheffingCent: 20000, uren: 60, ...o,
})

test('inkomsten: loon above zero in a month of the indication, explained for a resident', () => {
  const [s, ...rest] = match(polis())
  assert.equal(rest.length, 0)
  assert.equal(s!.soort, 'inkomsten')
  assert.deepEqual(s!.regel, { id: 'samenloop.inkomsten', versie: '1.0.0' })
  assert.deepEqual(s!.periode, { van: '2025-03-01', tot: '2025-03-31' })
  assert.equal(s!.sleutel, `${BSN}|IKV1|2025-03`)
  assert.match(signaalUitleg(s!), /Bakkerij De Korf/)
  assert.match(signaalUitleg(s!), /maart 2025/)
  assert.match(signaalUitleg(s!), /€ 1\.234,56/)
  assert.match(signaalUitleg(s!), /Polisadministratie van UWV/)
  assert.match(signaalUitleg(s!), /onderzoekswaardig, geen conclusie/)
  assert.doesNotMatch(signaalUitleg(s!), new RegExp(BSN), 'no BSN in the explanation')
  assert.deepEqual(s!.bronnen, [{ bron: 'uwv-polis', leveringId: 'lev-1', regel: 2 }])
  assert.equal(s!.gegevens.brutoloonCent, 123456)
})

test('inkomsten: nothing for zero wage, outside the period, or another BSN', () => {
  assert.equal(match(polis({ brutoloonCent: 0 })).length, 0)
  assert.equal(match(polis(), indicatie('2025-04-01')).length, 0)
  assert.equal(match(polis(), indicatie('2024-01-01', '2025-02-28')).length, 0)
  assert.equal(match(polis(), indicatie('2024-01-01', '2025-03-01')).length, 1, 'one shared day is enough')
  assert.equal(matchFeiten([polis()], [indicatie('2025-01-01', undefined, ANDER)], SAMENLOOP_REGELS).length, 0)
})

test('uitkering: polis non-loon and SVB', () => {
  const [ww] = match(polis({ soortInkomen: 'ww', werkgeverNaam: 'UWV', uren: 0 }))
  assert.equal(ww!.soort, 'uitkering')
  assert.equal(ww!.regel.id, 'samenloop.uitkering-polis')
  assert.match(signaalUitleg(ww!), /WW-uitkering/)
  const svb = feit('svb-uitkeringen', { regeling: 'aow', ingangsdatum: '2024-06-01', einddatum: '', brutoMaandbedragCent: 150000, leefsituatie: 'alleenstaand' })
  const [aow] = match(svb)
  assert.equal(aow!.soort, 'uitkering')
  assert.match(signaalUitleg(aow!), /AOW-pensioen/)
  assert.deepEqual(aow!.periode, { van: '2024-06-01', tot: undefined })
  assert.equal(match(svb, indicatie('2023-01-01', '2024-05-31')).length, 0)
})

test('vermogen: the grens of the household type on the peildatum, with the parameter and its source', () => {
  const v = (rendementsgrondslagCent: number, leefvorm?: string, peildatum = '2025-01-01') => feit('belastingdienst-vermogen', {
    peildatum, banktegoedenCent: rendementsgrondslagCent, overigeBezittingenCent: 0, schuldenCent: 0, rendementsgrondslagCent,
    ...(leefvorm === undefined ? {} : { leefvorm }),
  })
  const [s] = match(v(800_000, 'alleenstaande'), indicatie('2024-06-01'))
  assert.equal(s!.soort, 'vermogen')
  assert.deepEqual(s!.regel, { id: 'samenloop.vermogen', versie: '2.0.0' })
  assert.equal(s!.gegevens.leefvorm, 'alleenstaande')
  assert.equal(s!.gegevens.vermogensgrensCent, 777000)
  assert.equal('vermogensgrensGezinCent' in s!.gegevens, false)
  assert.match(String(s!.gegevens.vermogensgrensBron), /art\. 34 lid 3/)
  assert.match(signaalUitleg(s!), /€ 7\.770,00/)
  assert.match(signaalUitleg(s!), /leefvorm: een alleenstaande\./)
  assert.equal(match(v(800_000, 'gehuwd'), indicatie('2024-06-01')).length, 0, 'below the gehuwden grens')
  const [g] = match(v(1_600_000, 'gehuwd'), indicatie('2024-06-01'))
  assert.equal(g!.gegevens.vermogensgrensCent, 1554000)
  assert.match(signaalUitleg(g!), /gehuwden samen op die datum, € 15\.540,00/)
  assert.equal(match(v(800_000, 'alleenstaande'), indicatie('2025-02-01')).length, 0, 'peildatum outside the indication')
  assert.equal(match(v(9_000_000, 'alleenstaande', '2019-01-01'), indicatie('2018-01-01')).length, 0, 'no published limit: no guess')
})

test('vermogen: a version-1 fact without leefvorm uses the lowest grens and says so', () => {
  const oud = feit('belastingdienst-vermogen', { peildatum: '2025-01-01', banktegoedenCent: 800_000, overigeBezittingenCent: 0, schuldenCent: 0, rendementsgrondslagCent: 800_000 })
  const [s] = match(oud, indicatie('2024-06-01'))
  assert.equal(s!.gegevens.leefvorm, null)
  assert.equal(s!.gegevens.vermogensgrensCent, 777000)
  assert.match(signaalUitleg(s!), /noemt geen leefvorm/)
  assert.match(signaalUitleg(s!), /€ 15\.540,00/)
  const leeg = feit('belastingdienst-vermogen', { ...oud.gegevens, leefvorm: null })
  assert.equal(match(leeg, indicatie('2024-06-01'))[0]!.inhoudHash, s!.inhoudHash, 'an empty leefvorm is the same fact as a missing one')
})

test('vermogen: alleenstaande and gehuwd at the boundary, on 1 January of every year with a published grens', () => {
  const grenzen = (naam: string) => new Map(bijstandsnormParameters.parameters.get(naam)!.waarden.map((w) => [w.van.slice(0, 4), Number(w.waarde)]))
  const alleen = grenzen('vermogensgrens.alleenstaande')
  const gezin = grenzen('vermogensgrens.alleenstaande-ouder-of-gehuwden')
  assert.deepEqual([...alleen.keys()], ['2022', '2023', '2024', '2025', '2026'])
  assert.equal(alleen.get('2026'), 800000, 'a known published amount, read from the parameter file')
  const v = (jaar: string, bedrag: number, leefvorm: string) => match(feit('belastingdienst-vermogen', {
    peildatum: `${jaar}-01-01`, banktegoedenCent: bedrag, overigeBezittingenCent: 0, schuldenCent: 0, rendementsgrondslagCent: bedrag, leefvorm,
  }), indicatie('2020-01-01'))
  for (const [jaar, a] of alleen) {
    const g = gezin.get(jaar)!
    assert.ok(g > a, jaar)
    assert.equal(v(jaar, a, 'alleenstaande').length, 0, `${jaar}: alleenstaande exactly at the grens`)
    assert.equal(v(jaar, a + 1, 'alleenstaande')[0]?.gegevens.vermogensgrensCent, a, `${jaar}: alleenstaande one cent above`)
    assert.equal(v(jaar, a + 1, 'gehuwd').length, 0, `${jaar}: the same amount is below the gehuwden grens`)
    assert.equal(v(jaar, g, 'gehuwd').length, 0, `${jaar}: gehuwd exactly at the grens`)
    assert.equal(v(jaar, g + 1, 'gehuwd')[0]?.gegevens.vermogensgrensCent, g, `${jaar}: gehuwd one cent above`)
    assert.equal(v(jaar, g + 1, 'alleenstaande-ouder')[0]?.gegevens.vermogensgrensCent, g, `${jaar}: alleenstaande ouder as gehuwden`)
    assert.equal(v(jaar, g, 'alleenstaande-ouder').length, 0, `${jaar}: alleenstaande ouder exactly at the grens`)
  }
})

test('voertuig: registration start inside the indication; one signal per kenteken and start whatever the end', () => {
  const rdw = (o: Record<string, unknown> = {}) => feit('rdw-voertuigen', { kenteken: 'GB-22-NL', datumAanvang: '2025-02-10', datumEinde: '', dagwaardeCent: 450000, ...o })
  const [a] = match(rdw())
  assert.equal(a!.soort, 'voertuig')
  assert.equal(a!.sleutel, `${BSN}|GB-22-NL|2025-02-10`)
  const [b] = match(rdw({ datumEinde: '2025-06-01', dagwaardeCent: 400000 }))
  assert.equal(a!.inhoudHash, b!.inhoudHash, 'a later end date is no new signal')
  assert.equal(match(rdw({ datumAanvang: '2024-12-31' })).length, 0, 'registered before the bijstand')
})

test('detentie, studiefinanciering: overlapping periods', () => {
  const dji = feit('dji-detenties', { detentieId: 'D1', ingangsdatum: '2024-11-01', einddatum: '2025-01-15', soortDetentie: 'gevangenisstraf', inrichting: 'PI Vught' })
  const [d] = match(dji)
  assert.equal(d!.soort, 'detentie')
  assert.equal('inrichting' in d!.gegevens, false, 'only the fields the rule registers')
  assert.equal(match(dji, indicatie('2025-01-16')).length, 0)
  const duo = feit('duo-studiefinanciering', { ingangsdatum: '2025-09-01', einddatum: '', onderwijssoort: 'hbo', basisbeursCent: 30000, aanvullendeBeursCent: 0, leningCent: 10000 })
  const [s] = match(duo)
  assert.equal(s!.soort, 'studiefinanciering')
  assert.match(signaalUitleg(s!), /€ 400,00 per maand/)
})

test('brp: verhuizing to another gemeente only; emigratie; overlijden', () => {
  const brp = (o: Record<string, unknown>) => feit('brp-mutaties', { datum: '2025-05-01', gemeentecodeVan: GEMEENTE, gemeentecodeNaar: '', landNaar: '', ...o })
  assert.equal(match(brp({ soortMutatie: 'verhuizing', gemeentecodeNaar: '0363' }))[0]!.soort, 'verhuizing')
  assert.equal(match(brp({ soortMutatie: 'verhuizing', gemeentecodeNaar: GEMEENTE })).length, 0, 'a move within the afnemer\'s gemeente')
  const [e] = match(brp({ soortMutatie: 'emigratie', landNaar: 'ES' }))
  assert.equal(e!.soort, 'emigratie')
  assert.match(signaalUitleg(e!), /ES/)
  assert.equal(match(brp({ soortMutatie: 'overlijden' }))[0]!.soort, 'overlijden')
  assert.equal(match(brp({ soortMutatie: 'overlijden', datum: '2024-12-31' })).length, 0)
})

test('every kind has a rule; every rule is versioned and documented; its gegevens are registered fields', () => {
  const register = loadRegister(fileURLToPath(new URL('../../../../gegevensregister', import.meta.url)))
  const velden = new Set(register.requireProduct('samenloop').gegevens.map((g) => g.naam))
  assert.deepEqual([...new Set(SAMENLOOP_REGELS.map((r) => r.soort))].sort(), [...SOORTEN].sort())
  assert.equal(new Set(SAMENLOOP_REGELS.map((r) => r.id)).size, SAMENLOOP_REGELS.length)
  for (const r of SAMENLOOP_REGELS) {
    assert.match(r.versie, /^\d+\.\d+\.\d+$/)
    assert.ok(r.data.regel && r.data.waarom && r.data.wijzigingen.some((w) => w.versie === r.versie), r.id)
    for (const veld of Object.keys(r.data.gegevens)) assert.ok(velden.has(`${r.bron}.${veld}`) || velden.has(`samenloop.${veld}`), `${r.id}: ${veld} is not registered`)
  }
})
