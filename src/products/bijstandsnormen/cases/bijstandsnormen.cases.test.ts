import { test } from 'node:test'
import assert from 'node:assert/strict'
import { draaiTestgevallen, type Testgeval } from '../../../platform/rules/index.js'
import { berekenBijstandsnorm, valideerBijstandsnormInvoer } from '../index.js'
import data from './bijstandsnormen.cases.json' with { type: 'json' }

const gevallen = data.cases as Testgeval[]

test('bijstandsnormen: every data-file case matches its published source', () => {
  const uitslagen = draaiTestgevallen(gevallen, invoer => ({ ...berekenBijstandsnorm(valideerBijstandsnormInvoer(invoer)) }))
  const mis = uitslagen.filter(u => !u.geslaagd)
  assert.deepEqual(mis, [], mis.map(m => `${m.naam}: ${m.verschillen.join('; ')}`).join('\n'))
  assert.ok(gevallen.length >= 90)
})

test('bijstandsnormen: the cases cover every half-year change 2022-01 … 2026-01', () => {
  const data = new Set(gevallen.map(g => g.peildatum))
  for (const d of ['2022-01-01', '2022-07-01', '2023-01-01', '2023-07-01', '2024-01-01', '2024-07-01', '2025-01-01', '2025-07-01', '2026-01-01']) {
    assert.ok(data.has(d), d)
  }
})
