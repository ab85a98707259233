import { test } from 'node:test'
import assert from 'node:assert/strict'
import { AppError } from '../../core/index.js'
import { UITLEG_OP_LEZEN, heeftUitleg, registreerUitleg, signaalUitleg, type UitlegInvoer } from './uitleg.js'

const regel = { id: 'test.uitleg', versie: '1.0.0' }
const invoer: UitlegInvoer = { bsn: '111222333', periode: { van: '2025-03-01', tot: '2025-03-31' }, bronnen: [{ bron: 'b', leveringId: 'l', regel: 7 }], gegevens: { bedrag: 12 } }
const render = (s: UitlegInvoer) => `bedrag ${String(s.gegevens.bedrag)} uit ${s.bronnen[0]!.leveringId} regel ${s.bronnen[0]!.regel}`

test('a stored text is returned as is; an empty one is rendered by its rule version', () => {
  registreerUitleg(regel, render)
  assert.equal(heeftUitleg(regel), true)
  assert.equal(signaalUitleg({ ...invoer, regel, uitleg: 'zoals opgeslagen' }), 'zoals opgeslagen')
  assert.equal(signaalUitleg({ ...invoer, regel, uitleg: UITLEG_OP_LEZEN }), 'bedrag 12 uit l regel 7')
  assert.equal(signaalUitleg({ ...invoer, regel }), 'bedrag 12 uit l regel 7', 'a candidate without text')
})

test('another version is not rendered by this one, and a version is registered only once', () => {
  registreerUitleg(regel, render)
  const isCode = (code: string) => (e: unknown) => e instanceof AppError && e.code === code
  assert.throws(() => signaalUitleg({ ...invoer, regel: { ...regel, versie: '2.0.0' }, uitleg: '' }), isCode('signaal.uitleg-onbekend'))
  assert.throws(() => registreerUitleg(regel, (s) => render(s).toUpperCase()), isCode('signaal.uitleg-dubbel'))
})
