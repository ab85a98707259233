import { test } from 'node:test'
import assert from 'node:assert/strict'
import fc from 'fast-check'
import { AppError, type Cent, type Maand } from '../../core/index.js'
import { berekenNettoInkomen, valideerNettoInkomenInvoer } from './index.js'

test('netto = bruto − loonheffing − inhoudingen, plus the reservation at the same effective rate (rounded down)', () => {
  const r = berekenNettoInkomen({ maand: '2025-03' as Maand, brutoLoonCent: 300000 as Cent, ingehoudenLoonheffingCent: 60000 as Cent, vakantiebijslagReserveringCent: 24000 as Cent, werknemersinhoudingenCent: 10000 as Cent })
  assert.equal(r.nettoExclusiefVakantiebijslagCent, 230000)
  assert.equal(r.nettoVakantiebijslagCent, 19200) // 24000 × 240000/300000
  assert.equal(r.nettoIndicatiefInkomenCent, 249200)
})

test('property: the estimate is never negative and never above bruto + reservation', () => {
  fc.assert(fc.property(fc.integer({ min: 0, max: 2_000_000 }), fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 200_000 }), (bruto, pct, res) => {
    const lh = Math.floor((bruto * pct) / 100)
    const r = berekenNettoInkomen({ maand: '2024-01' as Maand, brutoLoonCent: bruto as Cent, ingehoudenLoonheffingCent: lh as Cent, vakantiebijslagReserveringCent: res as Cent }, { spoor: false })
    return r.nettoIndicatiefInkomenCent >= 0 && r.nettoIndicatiefInkomenCent <= bruto + res
  }))
})

test('bad polis facts are all reported at once', () => {
  assert.throws(() => valideerNettoInkomenInvoer({ maand: '2025-13', brutoLoonCent: 100, ingehoudenLoonheffingCent: 200 }),
    (e: unknown) => e instanceof AppError && e.invalidParams.map(p => p.name).sort().join() === 'ingehoudenLoonheffingCent,maand')
})

test('without withheld loonheffing on the polis line, the white monthly table of that year is used and the answer says so', () => {
  // Table 2024, row € 2.911,50: € 401,33 with loonheffingskorting, € 1.076,33 without.
  const r = berekenNettoInkomen({ maand: '2024-06' as Maand, brutoLoonCent: 291199 as Cent })
  assert.equal(r.loonheffingBron, 'witte-maandtabel')
  assert.equal(r.loonheffingCent, 40133)
  assert.equal(r.nettoExclusiefVakantiebijslagCent, 291199 - 40133)
  const ids = r.berekening.map(s => s.id)
  assert.ok(ids.includes('loonheffing-tabelloon') && ids.includes('loonheffing-arbeidskorting') && ids.includes('loonheffing-geschat'), ids.join())
  const zonder = berekenNettoInkomen({ maand: '2024-06' as Maand, brutoLoonCent: 291199 as Cent, loonheffingskorting: false })
  assert.equal(zonder.loonheffingCent, 107633)
})

test('an estimate for a month without a known table is refused, never taken from another year', () => {
  for (const maand of ['2021-12', '2027-01']) {
    assert.throws(() => berekenNettoInkomen({ maand: maand as Maand, brutoLoonCent: 300000 as Cent }), (e: unknown) => e instanceof AppError && e.code === 'regels.parameter-onbekend')
  }
  // With a withheld amount the table is not needed: no error, and the polis amount is used as is.
  assert.equal(berekenNettoInkomen({ maand: '2021-12' as Maand, brutoLoonCent: 300000 as Cent, ingehoudenLoonheffingCent: 50000 as Cent }).loonheffingBron, 'polis')
})

test('on request a withheld loonheffing is checked against the table; the netto amount does not change', () => {
  const basis = { maand: '2025-03' as Maand, brutoLoonCent: 702000 as Cent }
  // Table 2025, row € 7.020,00: € 2.408,92 with, € 2.652,17 without loonheffingskorting.
  const binnen = berekenNettoInkomen({ ...basis, ingehoudenLoonheffingCent: 240892 as Cent }, { controleerLoonheffing: true })
  assert.deepEqual(binnen.loonheffingControle, { metLoonheffingskortingCent: 240892, zonderLoonheffingskortingCent: 265217, binnenTabelmarge: true, nauwkeurigheid: 'tabel' })
  const buiten = berekenNettoInkomen({ ...basis, ingehoudenLoonheffingCent: 100000 as Cent }, { controleerLoonheffing: true })
  assert.equal(buiten.loonheffingControle?.binnenTabelmarge, false)
  assert.equal(buiten.nettoExclusiefVakantiebijslagCent, 602000)
  assert.equal(berekenNettoInkomen({ ...basis, ingehoudenLoonheffingCent: 100000 as Cent }).loonheffingControle, undefined)
  const onbekend = berekenNettoInkomen({ maand: '2027-02' as Maand, brutoLoonCent: 300000 as Cent, ingehoudenLoonheffingCent: 50000 as Cent }, { controleerLoonheffing: true })
  assert.equal(onbekend.loonheffingControle, undefined)
  assert.match(onbekend.berekening.find(s => s.id === 'controle-loonheffing')!.wat, /niet mogelijk/)
})

test('validation: the withheld loonheffing is optional, the table choices are checked', () => {
  assert.equal(valideerNettoInkomenInvoer({ maand: '2025-01', brutoLoonCent: 100 }).ingehoudenLoonheffingCent, undefined)
  assert.throws(() => valideerNettoInkomenInvoer({ maand: '2025-01', brutoLoonCent: 100, leeftijdsgroep: 'x', loonheffingskorting: 1 }),
    (e: unknown) => e instanceof AppError && e.invalidParams.map(p => p.name).sort().join() === 'leeftijdsgroep,loonheffingskorting')
})

test('property: with an estimated loonheffing the netto is never negative and never above bruto', () => {
  fc.assert(fc.property(fc.constantFrom('2022-05', '2023-11', '2024-01', '2025-07', '2026-12'), fc.integer({ min: 0, max: 3_000_000 }), (maand, bruto) => {
    const r = berekenNettoInkomen({ maand: maand as Maand, brutoLoonCent: bruto as Cent }, { spoor: false })
    return r.nettoIndicatiefInkomenCent >= 0 && r.nettoIndicatiefInkomenCent <= bruto && r.loonheffingCent <= bruto
  }), { numRuns: 500 })
})
