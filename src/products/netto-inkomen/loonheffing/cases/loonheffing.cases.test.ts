import { test } from 'node:test'
import assert from 'node:assert/strict'
import { draaiTestgevallen, type Testgeval } from '../../../../platform/rules/index.js'
import { berekenLoonheffing, valideerLoonheffingInvoer } from '../index.js'
import data from './loonheffing.cases.json' with { type: 'json' }
import aowData from './loonheffing-aow.cases.json' with { type: 'json' }

const gevallen = data.cases as Testgeval[]
const bereken = (invoer: Record<string, unknown>) => ({ ...berekenLoonheffing(valideerLoonheffingInvoer(invoer), { spoor: false }) })

test('loonheffing: every case matches the published white monthly table, to the cent', () => {
  const mis = draaiTestgevallen(gevallen, bereken).filter(u => !u.geslaagd)
  assert.deepEqual(mis, [], mis.map(m => `${m.naam}: ${m.verschillen.join('; ')}`).join('\n'))
  assert.ok(gevallen.length >= 150, `${gevallen.length} cases`)
})

test('loonheffing: the cases cover every year 2022–2026, both half years, and every leeftijdsgroep', () => {
  const data = new Set(gevallen.map(g => g.peildatum))
  for (const j of [2022, 2023, 2024, 2025, 2026]) for (const d of [`${j}-01-01`, `${j}-07-01`]) assert.ok(data.has(d), d)
  const groepen = new Set(gevallen.map(g => g.invoer.leeftijdsgroep))
  for (const g of ['jonger-dan-aow', 'aow-geboren-1946-of-later', 'aow-geboren-voor-1946']) assert.ok(groepen.has(g), g)
  for (const g of gevallen) assert.ok(g.bron.length > 10, `${g.naam} names its source`)
})

test('loonheffing AOW columns with loonheffingskorting: within the stated tolerance of the published table, most rows exact', () => {
  const tol = aowData.toleranceCentPerMaand
  let exact = 0
  const buiten: string[] = []
  for (const g of aowData.cases as Testgeval[]) {
    const uit = bereken({ ...g.invoer, peildatum: g.peildatum }) as Record<string, unknown>
    let allesExact = true
    for (const [k, v] of Object.entries(g.verwacht ?? {})) {
      const verschil = Math.abs((uit[k] as number) - (v as number))
      if (verschil !== 0) allesExact = false
      if (verschil > tol) buiten.push(`${g.naam}: ${k} verwacht ${String(v)}, kreeg ${String(uit[k])}`)
    }
    assert.equal(uit.nauwkeurigheid, 'benadering', g.naam)
    if (allesExact) exact++
  }
  assert.deepEqual(buiten, [])
  // Measured when the method was written: 48 of 59 rows exact. A drop means the method regressed.
  assert.ok(exact >= 48, `${exact} van ${aowData.cases.length} AOW-regels exact`)
})
