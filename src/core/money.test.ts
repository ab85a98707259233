import { test } from 'node:test'
import assert from 'node:assert/strict'
import fc from 'fast-check'
import { cent, formatEuro, multiply, parseCent } from './money.js'
import { AppError } from './errors.js'

test('parseCent accepts integer cents and rejects the rest with a reason', () => {
  assert.equal(parseCent('1250'), 1250)
  for (const bad of ['12.50', -1, 1.5, 'abc', 1e13]) {
    assert.throws(() => parseCent(bad, 'brutoloonCent'), (e: unknown) => e instanceof AppError && e.invalidParams[0]?.name === 'brutoloonCent')
  }
})

test('multiply rounds as told', () => {
  assert.equal(multiply(cent(1001), 95, 100, 'naar-beneden'), 950)
  assert.equal(multiply(cent(1001), 95, 100, 'naar-boven'), 951)
  assert.equal(multiply(cent(1010), 95, 100, 'rekenkundig'), 960) // 959.5 → 960
  assert.equal(multiply(cent(-1001), 95, 100, 'naar-beneden'), -951)
  assert.equal(formatEuro(cent(123456)).replace(/\s/g, ' '), '€ 1.234,56')
})

test('multiply stays within one cent of the exact product (property)', () => {
  fc.assert(fc.property(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 1, max: 1000 }), (a, n, d) => {
    const exact = (a * n) / d
    return (['naar-beneden', 'naar-boven', 'rekenkundig'] as const).every((r) => Math.abs(multiply(cent(a), n, d, r) - exact) <= 1)
  }))
})
