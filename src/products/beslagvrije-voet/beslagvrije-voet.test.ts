import { test } from 'node:test'
import assert from 'node:assert/strict'
import fc from 'fast-check'
import { AppError, type Cent, type Datum } from '../../core/index.js'
import { berekenBeslagvrijeVoet, LEEFSITUATIES, valideerBeslagvrijeVoetInvoer, type BeslagvrijeVoetInvoer } from './index.js'

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
