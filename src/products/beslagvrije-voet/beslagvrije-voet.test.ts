import { test } from 'node:test'
import assert from 'node:assert/strict'
import fc from 'fast-check'
import { AppError, type Cent, type Datum } from '../../core/index.js'
import { berekenBeslagvrijeVoet, LEEFSITUATIES, valideerBeslagvrijeVoetInvoer, type BeslagvrijeVoetInvoer, type Leefsituatie } from './index.js'

const PEILDATA = ['2022-01-01', '2022-09-15', '2023-03-31', '2023-07-01', '2024-02-29', '2024-12-31', '2025-01-01', '2025-08-20', '2026-06-30']
const bedrag = (max: number) => fc.integer({ min: 0, max }).map(n => n as Cent)
const invoerArb = fc.record({
  peildatum: fc.constantFrom(...PEILDATA).map(d => d as Datum),
  leefsituatie: fc.constantFrom(...LEEFSITUATIES),
  woonadresBekend: fc.constant(false),
  bijstand: fc.boolean(),
  inkomenPerMaandCent: bedrag(1_000_000),
  belastbaarJaarinkomenCent: bedrag(10_000_000),
  partnerInkomenNietBeslagenCent: bedrag(500_000),
  eigenInkomenNietBeslagenCent: bedrag(300_000),
  leaseautoLoonheffingCent: bedrag(50_000),
}).map(i => (i.leefsituatie.startsWith('gehuwd') ? i : { ...i, partnerInkomenNietBeslagenCent: undefined })) as fc.Arbitrary<BeslagvrijeVoetInvoer>

test('property: the beslagvrije voet is an integer, never negative and never above the lid-1 maximum', () => {
  fc.assert(fc.property(invoerArb, invoer => {
    const r = berekenBeslagvrijeVoet(invoer, { spoor: false })
    return Number.isSafeInteger(r.beslagvrijeVoetCent) && r.beslagvrijeVoetCent >= 0 && r.beslagvrijeVoetCent <= r.maximumCent
  }), { numRuns: 2000 })
})

test('property: outside bijstand, never more than 95 % of the monthly income (art. 475dc lid 1)', () => {
  fc.assert(fc.property(invoerArb.filter(i => !i.bijstand), invoer => {
    const r = berekenBeslagvrijeVoet(invoer, { spoor: false })
    return r.beslagvrijeVoetCent * 100 <= invoer.inkomenPerMaandCent * 95
  }), { numRuns: 1000 })
})

test('property: more income never lowers the beslagvrije voet; more non-beslagen income never raises it', () => {
  fc.assert(fc.property(invoerArb, bedrag(200_000), (invoer, extra) => {
    const basis = berekenBeslagvrijeVoet(invoer, { spoor: false }).beslagvrijeVoetCent
    const meerInkomen = berekenBeslagvrijeVoet({ ...invoer, inkomenPerMaandCent: (invoer.inkomenPerMaandCent + extra) as Cent }, { spoor: false }).beslagvrijeVoetCent
    const meerEigen = berekenBeslagvrijeVoet({ ...invoer, eigenInkomenNietBeslagenCent: ((invoer.eigenInkomenNietBeslagenCent ?? 0) + extra) as Cent }, { spoor: false }).beslagvrijeVoetCent
    return meerInkomen >= basis && meerEigen <= basis
  }), { numRuns: 1000 })
})

test('the trace and the untraced run give the same amount; every step cites an article', () => {
  fc.assert(fc.property(invoerArb, invoer => {
    const met = berekenBeslagvrijeVoet(invoer)
    const zonder = berekenBeslagvrijeVoet(invoer, { spoor: false })
    return met.beslagvrijeVoetCent === zonder.beslagvrijeVoetCent && zonder.berekening.length === 0 &&
      met.berekening.every(s => /art\. \d+/.test(s.grondslag) && Number.isSafeInteger(s.bedragCent)) &&
      met.berekening.at(-1)!.bedragCent === met.beslagvrijeVoetCent
  }), { numRuns: 300 })
})

test('bad input: every problem is listed at once, by field name', () => {
  try {
    valideerBeslagvrijeVoetInvoer({ peildatum: '2025-13-01', leefsituatie: 'samenwonend', bijstand: 'ja', inkomenPerMaandCent: -5, belastbaarJaarinkomenCent: 1.5, woonkostenPerMaandCent: 1e15, extra: 1 })
    assert.fail('should throw')
  } catch (e) {
    assert.ok(e instanceof AppError)
    assert.equal(e.code, 'beslagvrije-voet.invoer-ongeldig')
    assert.deepEqual(e.invalidParams.map(p => p.name).sort(), ['belastbaarJaarinkomenCent', 'bijstand', 'extra', 'inkomenPerMaandCent', 'leefsituatie', 'peildatum', 'woonadresBekend', 'woonkostenPerMaandCent'])
  }
})

test('bad input: partner fields for an alleenstaande are refused; a missing body is refused', () => {
  assert.throws(() => valideerBeslagvrijeVoetInvoer({ peildatum: '2025-01-01', leefsituatie: 'alleenstaande', woonadresBekend: true, bijstand: false, inkomenPerMaandCent: 1, belastbaarJaarinkomenCent: 1, partnerInkomenNietBeslagenCent: 100 }),
    (e: unknown) => e instanceof AppError && e.invalidParams[0]?.name === 'partnerInkomenNietBeslagenCent')
  assert.throws(() => valideerBeslagvrijeVoetInvoer(null), (e: unknown) => e instanceof AppError && e.invalidParams[0]?.name === '(body)')
})

/**
 * Peildata on which the letters of art. 475da lid 2 have stored values: 2022-01-01 … 2026-06-30 (the last lid-1
 * maximum). From 2026-01-01 the text of lid 2 is the huurtoeslag-reform one.
 */
const PEILDATA_FORMULE = ['2022-01-01', '2022-06-30', '2022-07-01', '2022-12-31', '2023-01-01', '2023-05-17', '2023-07-01', '2023-12-31',
  '2024-01-01', '2024-03-15', '2024-07-01', '2024-12-31', '2025-01-01', '2025-06-30', '2025-07-01', '2025-12-31', '2026-01-01', '2026-04-15', '2026-06-30']
const werknemerArb = fc.record({
  peildatum: fc.constantFrom(...PEILDATA_FORMULE).map(d => d as Datum),
  leefsituatie: fc.constantFrom(...LEEFSITUATIES),
  woonadresBekend: fc.constant(true),
  bijstand: fc.constant(false),
  inkomenPerMaandCent: bedrag(1_000_000),
  belastbaarJaarinkomenCent: bedrag(15_000_000),
  partnerBelastbaarJaarinkomenCent: bedrag(10_000_000),
}).map(i => (i.leefsituatie.startsWith('gehuwd') ? i : { ...i, partnerBelastbaarJaarinkomenCent: undefined })) as fc.Arbitrary<BeslagvrijeVoetInvoer>

test('property (formule lid 2): employed debtor with a woonadres — integer, at least 95 % of the norm or 95 % of income, never above the maximum', () => {
  fc.assert(fc.property(werknemerArb, invoer => {
    const r = berekenBeslagvrijeVoet(invoer, { spoor: false })
    const gehuwd = invoer.leefsituatie.startsWith('gehuwd')
    const h = halfjaar(invoer.peildatum)
    // 95 % of the norm (all other terms are ≥ 0), unless art. 475dc lid 1 (95 % of income) is lower.
    const bodem = Math.min(Math.round(0.95 * (gehuwd ? NORM_GEHUWD[h]! : NORM_ALLEEN[h]!)), Math.floor((invoer.inkomenPerMaandCent * 95) / 100))
    return r.regime === 'formule-475da-lid-2' && Number.isSafeInteger(r.beslagvrijeVoetCent) && r.beslagvrijeVoetCent <= r.maximumCent &&
      r.beslagvrijeVoetCent >= bodem && r.beslagvrijeVoetCent * 100 <= invoer.inkomenPerMaandCent * 95
  }), { numRuns: 2000 })
})

test('property (formule lid 2): a higher belastbaar inkomen (own or partner) never lowers the beslagvrije voet', () => {
  fc.assert(fc.property(werknemerArb, bedrag(3_000_000), fc.boolean(), (invoer, extra, partner) => {
    const basis = berekenBeslagvrijeVoet(invoer, { spoor: false }).beslagvrijeVoetCent
    const meer = partner && invoer.leefsituatie.startsWith('gehuwd')
      ? { ...invoer, partnerBelastbaarJaarinkomenCent: ((invoer.partnerBelastbaarJaarinkomenCent ?? 0) + extra) as Cent }
      : { ...invoer, belastbaarJaarinkomenCent: (invoer.belastbaarJaarinkomenCent + extra) as Cent }
    return berekenBeslagvrijeVoet(meer, { spoor: false }).beslagvrijeVoetCent >= basis
  }), { numRuns: 1000 })
})

test('property (formule lid 2): every step of the trace cites an article; the letters used are listed with their source', () => {
  fc.assert(fc.property(werknemerArb, invoer => {
    const r = berekenBeslagvrijeVoet(invoer)
    const formule = r.berekening.find(s => s.id === '475da-lid-2')!
    // Until 2025: norm + D, E, two normhuur factors, J, standaardpremie, art. 23 amount. From 2026: norm + D, E, the
    // afbouwpercentage, the maximale rekenhuur (H), the minimum-inkomensijkpunt, the basishuur (J), standaardpremie,
    // art. 23 amount. + K with children; + L for gehuwden met kinderen.
    const aantal = (invoer.peildatum >= '2026-01-01' ? 9 : 8) + (invoer.leefsituatie === 'alleenstaande-ouder' ? 1 : invoer.leefsituatie === 'gehuwd-met-kinderen' ? 2 : 0)
    return r.berekening.every(s => /art\. \d+/.test(s.grondslag)) && formule.parameters.length === aantal &&
      formule.parameters.every(p => p.bron.omschrijving.length > 0) && r.alleParametersGeverifieerd === false
  }), { numRuns: 200 })
})

test('formule lid 2: refused with regels.parameter-onbekend naming the missing letter, never computed with an older value', () => {
  const vraag = (peildatum: string, leefsituatie: Leefsituatie) => () => berekenBeslagvrijeVoet({ peildatum: peildatum as Datum, leefsituatie, woonadresBekend: true, bijstand: false, inkomenPerMaandCent: 250000 as Cent, belastbaarJaarinkomenCent: 3000000 as Cent })
  // 2025: every leefsituatie is computed; the alleenstaande's F and G rest on a secondary source and say so.
  for (const peildatum of ['2025-01-01', '2025-07-01', '2025-12-31']) {
    for (const l of LEEFSITUATIES) assert.equal(vraag(peildatum, l)().regime, 'formule-475da-lid-2')
    const formule = vraag(peildatum, 'alleenstaande')().berekening.find(s => s.id === '475da-lid-2')!
    const F = formule.parameters.find(p => p.naam === 'formule.F-normhuurfactor-a-eenpersoons')!
    assert.deepEqual([F.waarde, F.van, F.tot, F.geverifieerd, F.eenheid], ['0.000000438698', '2025-01-01', '2025-12-31', false, 'factor'])
  }
  // The old normhuur letters end with 2025: a date in 2026 takes the 2026 text, never the 2025 factors.
  assert.ok(!vraag('2026-01-01', 'alleenstaande')().berekening.some(s => s.parameters.some(p => p.naam.startsWith('formule.F-'))))
  // 2026 (text after the huurtoeslag reform): computed for every leefsituatie until the last lid-1 maximum (2026-06-30);
  // after that the maximum itself has no value and the calculation refuses naming it.
  for (const l of LEEFSITUATIES) {
    for (const peildatum of ['2026-01-01', '2026-06-30']) assert.equal(vraag(peildatum, l)().regime, 'formule-475da-lid-2')
    assert.throws(vraag('2026-07-01', l), (e: unknown) => e instanceof AppError && e.code === 'regels.parameter-onbekend' && new RegExp(`maximum\\.${l}`).test(e.message))
  }
})

/** PW art. 21 onder a / b incl. vakantietoeslag, per half-year 2022-01 … 2026-01 (euros; see the bijstandsnormen parameters). */
const NORM_ALLEEN = [1091.71, 1101.82, 1195.66, 1216.62, 1283.83, 1308.45, 1345.45, 1369.06, 1401.50].map(x => Math.round(x * 100))
const NORM_GEHUWD = [1559.58, 1574.03, 1708.08, 1738.02, 1834.04, 1869.21, 1922.07, 1955.80, 2002.13].map(x => Math.round(x * 100))
const HALFJAREN = ['2022-07-01', '2023-01-01', '2023-07-01', '2024-01-01', '2024-07-01', '2025-01-01', '2025-07-01', '2026-01-01']
const halfjaar = (d: string) => HALFJAREN.filter(h => d >= h).length

test('art. 475da lid 5: the spouse field is refused for a non-gehuwde and without woonkosten', () => {
  const basis = { peildatum: '2025-01-01', woonadresBekend: true, bijstand: false, inkomenPerMaandCent: 300000, belastbaarJaarinkomenCent: 3000000 }
  for (const [invoer, code] of [
    [{ ...basis, leefsituatie: 'alleenstaande-ouder', woonkostenPerMaandCent: 120000, woonkostenDoorEchtgenootTeDragenCent: 100 }, 'niet-van-toepassing'],
    [{ ...basis, leefsituatie: 'gehuwd-zonder-kinderen', woonkostenDoorEchtgenootTeDragenCent: 100 }, 'niet-van-toepassing'],
  ] as const) {
    const e = (() => { try { valideerBeslagvrijeVoetInvoer(invoer); return undefined } catch (x) { return x as AppError } })()
    assert.ok(e, JSON.stringify(invoer))
    assert.deepEqual(e.invalidParams.map(p => [p.name, p.code]), [['woonkostenDoorEchtgenootTeDragenCent', code]])
  }
})

test('art. 475da lid 5: higher woonkosten never lower the bvv, the increase is never negative, and it is named in the trace', () => {
  // 2026: the rekenhuur of art. 13 lid 1 onder a Wht is read for 2026 too (€ 932,93); at C = € 90.000 the formula is
  // above the lid-1 maximum (at € 60.000 it is not, with the 2026 woonkosten term).
  for (const peildatum of ['2022-01-01', '2023-07-01', '2024-01-01', '2025-07-01', '2026-01-01'] as const) {
    let vorige = -1
    for (let woonkosten = 0; woonkosten <= 300000; woonkosten += 7919) {
      const u = berekenBeslagvrijeVoet(valideerBeslagvrijeVoetInvoer({ peildatum, leefsituatie: 'alleenstaande-ouder', woonadresBekend: true, bijstand: false, inkomenPerMaandCent: 900000, belastbaarJaarinkomenCent: peildatum >= '2026-01-01' ? 9000000 : 6000000, woonkostenPerMaandCent: woonkosten }))
      assert.ok(u.woonkostenverhogingCent! >= 0)
      assert.ok(u.beslagvrijeVoetCent >= vorige, `${peildatum} ${woonkosten}`)
      assert.equal(u.beslagvrijeVoetCent, u.maximumCent + u.woonkostenverhogingCent!)
      assert.ok(u.berekening.some(s => s.id === '475da-lid-5'))
      vorige = u.beslagvrijeVoetCent
    }
  }
})

test('art. 475e lid 2: the bvv in an inrichting grows cent for cent with the care price, ignores the lid-1 maximum, and 475dc lid 1 is not applied', () => {
  fc.assert(fc.property(
    fc.constantFrom('2022-01-01', '2022-07-01', '2023-01-01', '2023-07-01', '2024-01-01', '2024-07-01', '2025-01-01', '2025-07-01', '2026-01-01'),
    fc.constantFrom(...LEEFSITUATIES), fc.integer({ min: 0, max: 1_000_000 }), fc.integer({ min: 0, max: 500_000 }),
    (peildatum, leefsituatie, prijs, inkomen) => {
      const basis = { peildatum, leefsituatie, woonadresBekend: true, bijstand: false, inkomenPerMaandCent: inkomen, belastbaarJaarinkomenCent: inkomen * 12 }
      const a = berekenBeslagvrijeVoet(valideerBeslagvrijeVoetInvoer({ ...basis, inrichtingVerzorgingsprijsPerMaandCent: prijs }))
      const b = berekenBeslagvrijeVoet(valideerBeslagvrijeVoetInvoer({ ...basis, inrichtingVerzorgingsprijsPerMaandCent: prijs + 1 }))
      assert.equal(a.regime, 'inrichting-475e-lid-2')
      assert.equal(b.beslagvrijeVoetCent - a.beslagvrijeVoetCent, 1)
      assert.ok(a.beslagvrijeVoetCent > prijs)
      assert.ok(a.alleParametersGeverifieerd)
      assert.ok(a.berekening.some(s => s.id === '475e-lid-2'))
    }), { numRuns: 200 })
})
