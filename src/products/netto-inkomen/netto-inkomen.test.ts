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
