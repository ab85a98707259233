import { test } from 'node:test'
import assert from 'node:assert/strict'
import fc from 'fast-check'
import { AppError, type Cent, type Datum } from '../../../core/index.js'
import { toetsKwijtschelding, valideerKwijtscheldingInvoer } from './index.js'

const basis = { peildatum: '2025-01-01' as Datum, bijstandsnormCent: 134545 as Cent, normpercentage: 100, nettoBesteedbaarInkomenCent: 140545 as Cent, vermogenCent: 100000 as Cent, vermogensbufferCent: 200000 as Cent, aanslagCent: 90000 as Cent }

test('betalingscapaciteit 50 a month → 600 a year → 480 used, the rest of a 900 aanslag remitted', () => {
  const r = toetsKwijtschelding(basis)
  assert.equal(r.kostenVanBestaanCent, 134545)
  assert.equal(r.betalingscapaciteitPerMaandCent, 6000)
  assert.equal(r.betalingscapaciteitPerJaarCent, 72000)
  assert.equal(r.aanTeWendenCent, 57600)
  assert.equal(r.kwijtscheldingCent, 90000 - 57600)
})

test('a car above the default €3,350 or vermogen above the buffer is a belemmering naming its data', () => {
  const r = toetsKwijtschelding({ ...basis, autoWaardeCent: 335001 as Cent, vermogenCent: 250000 as Cent })
  assert.deepEqual(r.belemmeringen.map(b => b.soort), ['vermogen', 'auto'])
  assert.equal(r.kwijtscheldingCent, 0)
  assert.equal(toetsKwijtschelding({ ...basis, autoWaardeCent: 335000 as Cent }).belemmeringen.length, 0)
})

test('property: remitted amount within [0, aanslag] and never more with more income', () => {
  fc.assert(fc.property(fc.integer({ min: 0, max: 500_000 }), fc.integer({ min: 0, max: 50_000 }), fc.integer({ min: 90, max: 100 }), (nbi, extra, pct) => {
    const a = toetsKwijtschelding({ ...basis, normpercentage: pct, nettoBesteedbaarInkomenCent: nbi as Cent }, { spoor: false })
    const b = toetsKwijtschelding({ ...basis, normpercentage: pct, nettoBesteedbaarInkomenCent: (nbi + extra) as Cent }, { spoor: false })
    return a.kwijtscheldingCent >= 0 && a.kwijtscheldingCent <= basis.aanslagCent && b.kwijtscheldingCent <= a.kwijtscheldingCent
  }))
})

test('bad input lists every problem', () => {
  assert.throws(() => valideerKwijtscheldingInvoer({ peildatum: 'x', normpercentage: 80 }), (e: unknown) => e instanceof AppError && e.invalidParams.length >= 7)
})
