import { test } from 'node:test'
import assert from 'node:assert/strict'
import fc from 'fast-check'
import { AppError } from '../../core/index.js'
import { leesCursor, maakCursor } from './cursor.js'

test('a cursor round-trips and is opaque base64url', () => {
  fc.assert(fc.property(fc.nat({ max: Number.MAX_SAFE_INTEGER }).filter((n) => String(n).length <= 15), (seq) => {
    const c = maakCursor(seq)
    return /^[A-Za-z0-9_-]+$/.test(c) && leesCursor(c) === seq
  }))
})

test('anything else is refused with signalen.cursor-ongeldig', () => {
  for (const bad of ['', 'abc', '12', maakCursor(1) + '!', Buffer.from('x1').toString('base64url'), 'a'.repeat(50)]) {
    assert.throws(() => leesCursor(bad), (e: unknown) => e instanceof AppError && e.code === 'signalen.cursor-ongeldig', bad)
  }
})
