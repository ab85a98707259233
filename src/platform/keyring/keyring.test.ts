import { test } from 'node:test'
import assert from 'node:assert/strict'
import { createKeyring, generateMasterKey } from './keyring.js'

test('encrypts and decrypts per purpose; a wrong purpose or tampering fails', () => {
  const k = createKeyring(generateMasterKey())
  const sealed = k.encrypt('ledger-enc', '123456782')
  assert.ok(!sealed.includes('123456782'))
  assert.equal(k.decrypt('ledger-enc', sealed), '123456782')
  assert.throws(() => k.decrypt('sessie', sealed), /ontsleutelen mislukt/)
  const parts = sealed.split('.')
  parts[3] = Buffer.from('999999999').toString('base64url')
  assert.throws(() => k.decrypt('ledger-enc', parts.join('.')), /ontsleutelen mislukt/)
})

test('ref is deterministic per key and differs between keys', () => {
  const m = generateMasterKey()
  assert.equal(createKeyring(m).ref('ledger-ref', 'x'), createKeyring(m).ref('ledger-ref', 'x'))
  assert.notEqual(createKeyring(m).ref('ledger-ref', 'x'), createKeyring(generateMasterKey()).ref('ledger-ref', 'x'))
  assert.throws(() => createKeyring(Buffer.alloc(8)), /32 bytes/)
})

test('every encryption gets its own nonce, also across the nonce pool refills', () => {
  const k = createKeyring(generateMasterKey())
  const nonces = new Set<string>()
  const n = 2_000 // > 5 pools of 341 nonces
  for (let i = 0; i < n; i++) {
    const sealed = k.encrypt('ledger-enc', '123456782')
    const iv = sealed.split('.')[1]!
    assert.equal(Buffer.from(iv, 'base64url').length, 12)
    nonces.add(iv)
    assert.equal(k.decrypt('ledger-enc', sealed), '123456782')
  }
  assert.equal(nonces.size, n, 'no nonce twice')
})
