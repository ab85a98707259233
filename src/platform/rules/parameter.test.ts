import { test } from 'node:test'
import assert from 'node:assert/strict'
import type { Datum } from '../../core/index.js'
import { AppError } from '../../core/index.js'
import { gebruikt, maakParameterRegister, ontbrekendeHalfjaren, waardeOp, type Parameter } from './index.js'

const bron = { soort: 'overig' as const, omschrijving: 'test' }
const p: Parameter = {
  naam: 'test.norm', omschrijving: 'test', eenheid: 'cent',
  waarden: [
    { van: '2024-07-01', waarde: 200, bron, geverifieerd: true },
    { van: '2024-01-01', waarde: 100, bron, geverifieerd: true },
    { van: '2025-01-01', tot: '2025-06-30', waarde: 300, bron, geverifieerd: false, notitie: 'n' },
  ],
}
const d = (s: string) => s as Datum

test('a value applies from its date until the day before the next value, in any file order', () => {
  assert.equal(waardeOp(p, d('2024-01-01')).waarde, 100)
  assert.equal(waardeOp(p, d('2024-06-30')).waarde, 100)
  assert.equal(waardeOp(p, d('2024-07-01')).waarde, 200)
  assert.equal(waardeOp(p, d('2025-06-30')).waarde, 300)
  assert.equal(waardeOp(p, d('2025-06-30')).geverifieerd, false)
})

test('the unit travels with the value into the trace, so a reader need not guess it from the name', () => {
  assert.equal(waardeOp(p, d('2024-01-01')).eenheid, 'cent')
  const bp: Parameter = { naam: 'test.tarief', omschrijving: 'test', eenheid: 'basispunten', waarden: [{ van: '2024-01-01', tot: '2024-12-31', waarde: 932, bron, geverifieerd: true }] }
  const reg = maakParameterRegister('x', [p, bp])
  assert.deepEqual(gebruikt(reg.op('test.tarief', d('2024-05-01'))), { naam: 'test.tarief', waarde: 932, eenheid: 'basispunten', van: '2024-01-01', tot: '2024-12-31', bron, geverifieerd: true })
  assert.equal(gebruikt(reg.op('test.norm', d('2024-08-01'))).eenheid, 'cent')
})

test('outside the known period the lookup refuses and names the parameter — never the last known value', () => {
  for (const dag of ['2023-12-31', '2025-07-01', '2030-01-01']) {
    assert.throws(() => waardeOp(p, d(dag)), (e: unknown) =>
      e instanceof AppError && e.kind === 'invalid' && e.code === 'regels.parameter-onbekend' && e.message.includes('test.norm') && e.invalidParams[0]?.name === 'peildatum')
  }
})

test('a definition without an end date on its last value, with overlaps or non-integer cents is rejected at load', () => {
  const zonderEinde = { ...p, waarden: [{ van: '2024-01-01', waarde: 1, bron, geverifieerd: true }] }
  assert.throws(() => maakParameterRegister('x', [zonderEinde]), /einddatum/)
  const dubbel = { ...p, waarden: [p.waarden[0]!, p.waarden[0]!] }
  assert.throws(() => maakParameterRegister('x', [dubbel]), /dubbele/)
  const kommagetal = { ...p, waarden: [{ van: '2024-01-01', tot: '2024-12-31', waarde: 1.5, bron, geverifieerd: true }] }
  assert.throws(() => maakParameterRegister('x', [kommagetal]), /geheel getal/)
  assert.throws(() => maakParameterRegister('x', [{ ...p, waarden: [] }]), /geen waarden/)
})

test('a declared parameter without a verified value refuses with its reason', () => {
  const r = maakParameterRegister('x', [{ naam: 'leeg', omschrijving: 'o', eenheid: 'factor', waarden: [], ontbreekt: 'niet geverifieerd' }])
  assert.throws(() => r.op('leeg', d('2025-01-01')), /leeg.*niet geverifieerd/)
})

test('ontbrekendeHalfjaren lists 1 January / 1 July without a value', () => {
  assert.deepEqual(ontbrekendeHalfjaren(p, d('2023-07-01'), d('2026-01-01')), ['2023-07-01', '2025-07-01', '2026-01-01'])
  assert.deepEqual(ontbrekendeHalfjaren(p, d('2024-01-01'), d('2025-01-01')), [])
})

test('the register remembers a lookup per date (frozen, equal to a fresh lookup) but never a refusal', () => {
  const reg = maakParameterRegister('x', [p])
  const eerst = reg.op('test.norm', d('2024-08-01'))
  assert.equal(reg.op('test.norm', d('2024-08-01')), eerst, 'the same object the second time')
  assert.ok(Object.isFrozen(eerst))
  assert.deepEqual(eerst, waardeOp(p, d('2024-08-01')))
  assert.equal(reg.op('test.norm', d('2024-03-01')).waarde, 100, 'another date, another value')
  for (let i = 0; i < 2; i++) assert.throws(() => reg.op('test.norm', d('2030-01-01')), /regels\.parameter-onbekend|geen waarde bekend/)
  assert.throws(() => reg.op('bestaat.niet', d('2024-08-01')), /bestaat niet/)
})
