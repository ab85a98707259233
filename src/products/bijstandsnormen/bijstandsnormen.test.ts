import { test } from 'node:test'
import assert from 'node:assert/strict'
import fc from 'fast-check'
import { AppError, type Datum } from '../../core/index.js'
import { berekenBijstandsnorm, LEEFVORMEN, valideerBijstandsnormInvoer } from './index.js'

const PEILDATA = ['2022-01-01', '2022-12-31', '2023-07-01', '2024-05-05', '2025-01-01', '2025-07-01', '2026-06-30'].map(d => d as Datum)

test('property: a kostendelersnorm per person falls as A grows and stays within (30 %, 70 %] of the gehuwdennorm (30 + 40/A %)', () => {
  fc.assert(fc.property(fc.constantFrom(...PEILDATA), fc.integer({ min: 2, max: 19 }), fc.boolean(), (peildatum, A, aow) => {
    const B = berekenBijstandsnorm({ peildatum, leefvorm: 'gehuwd', aowLeeftijd: aow }).normInclusiefVakantietoeslagCent
    const n = berekenBijstandsnorm({ peildatum, leefvorm: 'alleenstaande', aowLeeftijd: aow, kostendelers: A }, { spoor: false }).kostendelersnormPerPersoonCent!
    const n1 = berekenBijstandsnorm({ peildatum, leefvorm: 'alleenstaande', aowLeeftijd: aow, kostendelers: A + 1 }, { spoor: false }).kostendelersnormPerPersoonCent!
    return n1 <= n && n * 100 <= B * 70 + 100 && n * 100 > B * 30
  }))
})

test('property: every norm is positive, the norm without vakantietoeslag is lower, gehuwden get more than one person', () => {
  fc.assert(fc.property(fc.constantFrom(...PEILDATA), fc.constantFrom(...LEEFVORMEN), fc.boolean(), (peildatum, leefvorm, aow) => {
    const r = berekenBijstandsnorm({ peildatum, leefvorm, aowLeeftijd: aow })
    const een = berekenBijstandsnorm({ peildatum, leefvorm: 'alleenstaande', aowLeeftijd: aow })
    return r.normInclusiefVakantietoeslagCent > r.normExclusiefVakantietoeslagCent && r.normExclusiefVakantietoeslagCent > 0 &&
      (leefvorm !== 'gehuwd' || r.normInclusiefVakantietoeslagCent > een.normInclusiefVakantietoeslagCent)
  }))
})

test('bad input lists every problem at once', () => {
  try {
    valideerBijstandsnormInvoer({ peildatum: 'gisteren', leefvorm: 'samen', kostendelers: 0, aowLeeftijd: 'nee' })
    assert.fail('should throw')
  } catch (e) {
    assert.ok(e instanceof AppError)
    assert.equal(e.code, 'bijstandsnorm.invoer-ongeldig')
    assert.deepEqual(e.invalidParams.map(p => p.name).sort(), ['aowLeeftijd', 'kostendelers', 'leefvorm', 'peildatum'])
  }
  assert.throws(() => valideerBijstandsnormInvoer({ peildatum: '2025-01-01', leefvorm: 'gehuwd', kostendelers: 1 }), /ongeldig/)
})
