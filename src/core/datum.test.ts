import { test } from 'node:test'
import assert from 'node:assert/strict'
import fc from 'fast-check'
import { addMonths, dagBeginNl, intersection, isDatum, isMaand, maandPeriode, overlaps, parsePeriode, type Datum } from './datum.js'
import { AppError } from './errors.js'

test('ISO dates and months', () => {
  assert.ok(isDatum('2024-02-29'))
  assert.ok(!isDatum('2023-02-29'))
  assert.ok(!isDatum('2024-13-01'))
  assert.ok(!isDatum('24-01-01'))
  assert.ok(isMaand('2026-11'))
  assert.ok(!isMaand('2026-00'))
  assert.deepEqual(maandPeriode('2024-02' as never), { van: '2024-02-01', tot: '2024-02-29' })
  assert.equal(addMonths('2024-01-31' as Datum, 1), '2024-02-29')
  assert.equal(addMonths('2024-11-15' as Datum, 3), '2025-02-15')
})

test('periods: inclusive ends, open end, reversed is an error listing the field', () => {
  const a = parsePeriode('2026-01-01', '2026-01-31')
  const open = parsePeriode('2026-01-31', '')
  assert.equal(open.tot, undefined)
  assert.ok(overlaps(a, open))
  assert.ok(!overlaps(a, parsePeriode('2026-02-01', undefined)))
  assert.deepEqual(intersection(a, open), { van: '2026-01-31', tot: '2026-01-31' })
  assert.throws(() => parsePeriode('2026-02-01', '2026-01-01'), (e: unknown) =>
    e instanceof AppError && e.invalidParams[0]?.code === 'periode-omgekeerd')
})

test('overlap is symmetric and agrees with intersection (property)', () => {
  const day = fc.integer({ min: 0, max: 400 }).map((n) => new Date(Date.UTC(2025, 0, 1 + n)).toISOString().slice(0, 10) as Datum)
  const periode = fc.tuple(day, fc.option(day)).map(([a, b]) => (b === null ? { van: a } : a <= b ? { van: a, tot: b } : { van: b, tot: a }))
  fc.assert(fc.property(periode, periode, (p, q) => overlaps(p, q) === overlaps(q, p) && overlaps(p, q) === (intersection(p, q) !== undefined)))
})

test('a Dutch calendar day begins at 00:00 Europe/Amsterdam: 23:00 UTC in winter, 22:00 UTC in summer, also on the days the clocks change', () => {
  assert.equal(dagBeginNl('2026-01-15' as Datum), '2026-01-14T23:00:00.000Z')
  assert.equal(dagBeginNl('2026-04-01' as Datum), '2026-03-31T22:00:00.000Z')
  assert.equal(dagBeginNl('2026-03-29' as Datum), '2026-03-28T23:00:00.000Z', 'summer time starts at 02:00 local, after midnight')
  assert.equal(dagBeginNl('2026-03-30' as Datum), '2026-03-29T22:00:00.000Z')
  assert.equal(dagBeginNl('2026-10-25' as Datum), '2026-10-24T22:00:00.000Z', 'winter time starts at 03:00 local, after midnight')
  assert.equal(dagBeginNl('2026-10-26' as Datum), '2026-10-25T23:00:00.000Z')
})
