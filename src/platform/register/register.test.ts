import { test } from 'node:test'
import assert from 'node:assert/strict'
import { fileURLToPath } from 'node:url'
import fc from 'fast-check'
import { ORGANISATIE_SOORTEN } from '../access/organisatie.js'
import { AppError } from '../../core/index.js'
import { createRegister, guardOutput, loadRegister, parseRegisterEntry } from './index.js'

const dir = fileURLToPath(new URL('../../../gegevensregister', import.meta.url))

test('every register file in the repository is valid', () => {
  const register = loadRegister(dir)
  assert.ok(register.productNamen().includes('samenloop'))
  assert.throws(() => register.requireProduct('bestaat-niet'), (e: unknown) => e instanceof AppError && e.kind === 'not-found')
})

test('an invalid entry lists every problem with its path', () => {
  assert.throws(() => parseRegisterEntry({ naam: 'X', gegevens: [{ naam: 'a' }], ontvangers: ['koning'] }, 'x.json'), (e: unknown) => {
    assert.ok(e instanceof AppError)
    const names = e.invalidParams.map((p) => p.name)
    for (const n of ['x.json:naam', 'x.json:titel', 'x.json:grondslag', 'x.json:ontvangers[0]', 'x.json:gegevens[0]']) assert.ok(names.includes(n), n)
    return true
  })
})

test('the guard keeps registered fields and removes the rest', () => {
  const register = loadRegister(dir)
  const { record, verwijderd } = guardOutput(register, 'samenloop', 'gemeente', { id: 'x', bsn: '123456782', uitleg: 'u', geheim: 1 })
  assert.deepEqual(record, { id: 'x', bsn: '123456782', uitleg: 'u' })
  assert.deepEqual(verwijderd, ['geheim'])
  assert.deepEqual(guardOutput(register, 'samenloop', 'schuldeiser', { bsn: '123456782' }).record, {}, 'a recipient kind not registered gets nothing')
  assert.deepEqual(guardOutput(register, 'onbekend', 'gemeente', { id: 'x' }).record, {}, 'an unknown product gets nothing')
})

test('property: whatever the record, nothing unregistered leaves the hub', () => {
  const register = loadRegister(dir)
  const allFields = [...new Set(register.entries.flatMap((e) => e.gegevens.map((g) => g.naam)))]
  const key = fc.oneof(fc.constantFrom(...allFields), fc.string())
  fc.assert(fc.property(
    fc.constantFrom(...register.productNamen(), 'niet-bestaand'), fc.constantFrom(...ORGANISATIE_SOORTEN), fc.dictionary(key, fc.anything()),
    (product, ontvanger, record) => {
      const { record: out, verwijderd } = guardOutput(register, product, ontvanger, record)
      const allowed = register.velden(product, ontvanger)
      return Object.keys(out).every((k) => allowed.has(k)) && Object.keys(out).length + verwijderd.length === Object.keys(record).length
    }), { numRuns: 500 })
})

test('duplicate product names are refused', () => {
  const e = parseRegisterEntry(JSON.parse(JSON.stringify(loadRegister(dir).requireProduct('oib'))), 'oib.json')
  assert.throws(() => createRegister([e, e]), /dubbel/)
})
