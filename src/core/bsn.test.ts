import { test } from 'node:test'
import assert from 'node:assert/strict'
import fc from 'fast-check'
import { bsnProblem, completeBsn, isBsn, parseBsn, passesElfproef, redactBsns } from './bsn.js'
import { AppError } from './errors.js'

test('known valid and invalid BSNs', () => {
  assert.equal(isBsn('111222333'), true)
  assert.equal(isBsn('123456782'), true)
  assert.equal(isBsn('123456789'), false)
  assert.equal(isBsn('000000000'), false)
  assert.equal(isBsn('12345678'), false)
  assert.equal(isBsn(123456782), false)
})

test('parseBsn names the field and does not echo the value', () => {
  assert.throws(() => parseBsn('123456789', 'aanvrager.bsn'), (e: unknown) => {
    assert.ok(e instanceof AppError)
    assert.equal(e.code, 'bsn-ongeldig')
    assert.equal(e.invalidParams[0]?.name, 'aanvrager.bsn')
    assert.ok(!e.message.includes('123456789'))
    return true
  })
  assert.equal(bsnProblem('abc'), 'BSN moet uit precies 9 cijfers bestaan')
})

test('completeBsn always yields a BSN that passes the 11-proef (property)', () => {
  fc.assert(fc.property(fc.integer({ min: 1, max: 99_999_999 }), (n) => {
    const b = completeBsn(String(n).padStart(8, '0'))
    return b === undefined || (passesElfproef(b) && isBsn(b))
  }))
})

test('redactBsns hides valid BSNs and keeps other numbers', () => {
  assert.equal(redactBsns('bsn 123456782 en ordernummer 123456789'), 'bsn [bsn] en ordernummer 123456789')
  assert.equal(redactBsns('1234567820'), '1234567820')
})
