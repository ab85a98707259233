import { test } from 'node:test'
import assert from 'node:assert/strict'
import fc from 'fast-check'
import { AppError, type Cent, type Datum } from '../../../core/index.js'
import { ontbrekendeHalfjaren } from '../../../platform/rules/index.js'
import { berekenLoonheffing, LEEFTIJDSGROEPEN, loonheffingParameters, valideerLoonheffingInvoer, type Leeftijdsgroep } from './index.js'

const JAREN = [2022, 2023, 2024, 2025, 2026]
const lh = (jaar: number, loon: number, groep: Leeftijdsgroep, lhk: boolean, aok = false) =>
  berekenLoonheffing({ peildatum: `${jaar}-03-01` as Datum, loonPerMaandCent: loon as Cent, loonheffingskorting: lhk, leeftijdsgroep: groep, alleenstaandeOuderenkorting: aok }, { spoor: false })

test('every loonheffing parameter has a value for each half-year 2022-01-01 … 2026-07-01 and none beyond 2026', () => {
  for (const [naam, p] of loonheffingParameters.parameters) {
    assert.deepEqual(ontbrekendeHalfjaren(p, '2022-01-01' as Datum, '2026-07-01' as Datum), [], naam)
    assert.deepEqual(ontbrekendeHalfjaren(p, '2027-01-01' as Datum, '2027-01-01' as Datum), ['2027-01-01'], naam)
  }
})

test('the statutory amounts cite the Wet IB 2001 consolidation of their own year and are all verified', () => {
  for (const [naam, p] of loonheffingParameters.parameters) {
    if (naam.startsWith('premie.') || naam.startsWith('tabel.')) continue
    for (const w of p.waarden) {
      assert.equal(w.geverifieerd, true, `${naam} ${w.van}`)
      assert.equal(w.bron.bwbId, 'BWBR0011353', naam)
      assert.equal(w.bron.versie, w.van, `${naam}: the consolidation read is the one of that year`)
    }
  }
})

test('the premiepercentages 2025 and 2026 are marked unverified with a reason; the result says so', () => {
  for (const naam of ['premie.aow', 'premie.anw', 'premie.wlz']) {
    const p = loonheffingParameters.parameters.get(naam)!
    for (const w of p.waarden) assert.equal(w.geverifieerd, w.van < '2025', `${naam} ${w.van}`)
    for (const w of p.waarden.filter(x => !x.geverifieerd)) assert.ok((w.notitie ?? '').length > 20)
  }
  assert.equal(lh(2024, 300000, 'jonger-dan-aow', true).alleParametersGeverifieerd, true)
  assert.equal(lh(2025, 300000, 'jonger-dan-aow', true).alleParametersGeverifieerd, false)
})

test('a date outside 2022–2026 is refused and names the parameter — never the nearest year', () => {
  for (const peildatum of ['2021-12-31', '2027-01-01']) {
    assert.throws(() => berekenLoonheffing({ peildatum: peildatum as Datum, loonPerMaandCent: 300000 as Cent, loonheffingskorting: true, leeftijdsgroep: 'jonger-dan-aow' }),
      (e: unknown) => e instanceof AppError && e.code === 'regels.parameter-onbekend' && /tabel\.stap-maand|tarief\./.test(e.message))
  }
})

test('the trace explains every step with its rounding: table row, jaarloon, three schijven, kortingen, back to the month', () => {
  const r = berekenLoonheffing({ peildatum: '2024-05-01' as Datum, loonPerMaandCent: 291199 as Cent, loonheffingskorting: true, leeftijdsgroep: 'jonger-dan-aow' })
  assert.deepEqual(r.berekening.map(s => s.id), ['tabelloon', 'jaarloon', 'schijf-1', 'schijf-2', 'schijf-3', 'heffing-jaar', 'algemene-heffingskorting', 'arbeidskorting', 'heffing-na-kortingen', 'loonheffing-maand'])
  const stap = (id: string) => r.berekening.find(s => s.id === id)!
  assert.equal(stap('tabelloon').bedragCent, 291150)
  assert.equal(stap('jaarloon').bedragCent, 3493800)
  assert.equal(stap('schijf-1').afronding?.wijze, 'naar-beneden')
  assert.equal(stap('algemene-heffingskorting').bedragCent, 269100) // 3362 − 6,630 % × (34938 − 24812) = 2690,65 → 2691
  assert.equal(stap('arbeidskorting').bedragCent, 540900) // 5158 + 2,471 % × (34938 − 24820) = 5408,02 → 5409
  assert.equal(r.loonheffingPerMaandCent, 40133) // table 2024, row 2911,50: € 401,33
  for (const s of r.berekening.filter(s => s.parameters.length > 0)) for (const p of s.parameters) assert.ok(p.bron.omschrijving.length > 0)
})

test('validation lists every problem and applies the documented defaults', () => {
  assert.deepEqual(valideerLoonheffingInvoer({ peildatum: '2025-01-01', loonPerMaandCent: 250000 }),
    { peildatum: '2025-01-01', loonPerMaandCent: 250000, loonheffingskorting: true, leeftijdsgroep: 'jonger-dan-aow', alleenstaandeOuderenkorting: false })
  assert.throws(() => valideerLoonheffingInvoer({ peildatum: '2025-13-01', loonPerMaandCent: 1.5, loonheffingskorting: 'ja', extra: 1 }),
    (e: unknown) => e instanceof AppError && e.code === 'loonheffing.invoer-ongeldig' && e.invalidParams.map(p => p.name).sort().join() === 'extra,loonPerMaandCent,loonheffingskorting,peildatum')
})

const loonArb = fc.integer({ min: 0, max: 3_000_000 })
const jaarArb = fc.constantFrom(...JAREN)
const groepArb = fc.constantFrom(...LEEFTIJDSGROEPEN)

test('property: loonheffing is never negative, never above 49,5 % of the wage, and the korting never raises it', () => {
  fc.assert(fc.property(jaarArb, loonArb, groepArb, fc.boolean(), (jaar, loon, groep, aok) => {
    const r = lh(jaar, loon, groep, true, aok && groep !== 'jonger-dan-aow')
    return r.metLoonheffingskortingPerMaandCent >= 0
      && r.zonderLoonheffingskortingPerMaandCent <= Math.ceil(loon * 0.495)
      && r.metLoonheffingskortingPerMaandCent <= r.zonderLoonheffingskortingPerMaandCent
      && r.verrekendeArbeidskortingPerMaandCent >= 0
  }), { numRuns: 2000 })
})

test('property: loonheffing does not decrease when the wage rises, within a year (without and with loonheffingskorting)', () => {
  fc.assert(fc.property(jaarArb, loonArb, fc.integer({ min: 0, max: 200_000 }), groepArb, fc.boolean(), (jaar, loon, extra, groep, lhk) => {
    const a = lh(jaar, loon, groep, lhk)
    const b = lh(jaar, loon + extra, groep, lhk)
    return b.loonheffingPerMaandCent >= a.loonheffingPerMaandCent
  }), { numRuns: 3000 })
})

test('property: every wage inside one table row gives the row amount', () => {
  fc.assert(fc.property(jaarArb, fc.integer({ min: 0, max: 6000 }), fc.integer({ min: 0, max: 449 }), (jaar, rij, binnen) => {
    const a = lh(jaar, rij * 450, 'jonger-dan-aow', true)
    const b = lh(jaar, rij * 450 + binnen, 'jonger-dan-aow', true)
    return a.loonheffingPerMaandCent === b.loonheffingPerMaandCent && b.tabelloonCent === rij * 450
  }))
})

test('every parameter in the trace carries the unit of its definition (the portal formats by it)', () => {
  const gezien = new Set<string>()
  for (const groep of LEEFTIJDSGROEPEN) {
    const u = berekenLoonheffing({ peildatum: '2024-03-01' as Datum, loonPerMaandCent: 612_345 as Cent, loonheffingskorting: true, leeftijdsgroep: groep, alleenstaandeOuderenkorting: groep !== 'jonger-dan-aow' })
    for (const p of u.berekening.flatMap((s) => s.parameters)) {
      assert.equal(p.eenheid, loonheffingParameters.parameters.get(p.naam)!.eenheid, p.naam)
      gezien.add(p.eenheid)
    }
  }
  assert.deepEqual([...gezien].sort(), ['basispunten', 'cent', 'factor'])
})
