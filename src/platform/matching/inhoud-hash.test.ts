import assert from 'node:assert/strict'
import { test } from 'node:test'
import fc from 'fast-check'
import { canoniekeJson, inhoudHash } from './inhoud-hash.js'

/** The original definition: JSON.stringify with a replacer that sorts object keys. Stored hashes were made with it. */
const referentie = (waarde: unknown): string => JSON.stringify(waarde, (_k, v: unknown) => {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return v
  return Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
})

test('canoniekeJson gives exactly the bytes of the key-sorting JSON.stringify, on random values', () => {
  const waarde = fc.letrec((tie) => ({
    leaf: fc.oneof(fc.string(), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.constant(undefined), fc.date({ noInvalidDate: true })),
    node: fc.oneof({ depthSize: 'small' }, tie('leaf'), fc.array(tie('node'), { maxLength: 4 }), fc.dictionary(fc.string(), tie('node'), { maxKeys: 5 })),
  })).node
  fc.assert(fc.property(waarde, (v) => { assert.equal(canoniekeJson(v), referentie(v)) }), { numRuns: 2000 })
})

test('a signal\'s fields hash the same whatever the key order; a stored hash stays valid', () => {
  const a = { werkgeverNaam: 'Bakkerij "De Korst"', brutoloonCent: 123456, periode: '2025-03', uren: 32, extra: { b: 1, a: [1, 'x', null] } }
  const b = { extra: { a: [1, 'x', null], b: 1 }, uren: 32, periode: '2025-03', brutoloonCent: 123456, werkgeverNaam: 'Bakkerij "De Korst"' }
  assert.equal(inhoudHash(a), inhoudHash(b))
  assert.equal(canoniekeJson(a), '{"brutoloonCent":123456,"extra":{"a":[1,"x",null],"b":1},"periode":"2025-03","uren":32,"werkgeverNaam":"Bakkerij \\"De Korst\\""}')
})
