import { test } from 'node:test'
import assert from 'node:assert/strict'
import type { Datum } from '../../core/index.js'
import { ontbrekendeHalfjaren } from '../../platform/rules/index.js'
import { berekenBijstandsnorm, bijstandsnormParameters } from './index.js'

test('every bijstandsnorm parameter has a value for each half-year 2022-01-01 … 2026-01-01', () => {
  for (const [naam, p] of bijstandsnormParameters.parameters) {
    assert.deepEqual(ontbrekendeHalfjaren(p, '2022-01-01' as Datum, '2026-01-01' as Datum), [], naam)
  }
})

test('the norms of art. 21/22 are all verified against the consolidated statute text and cite it', () => {
  for (const [naam, p] of bijstandsnormParameters.parameters) {
    if (!naam.startsWith('bijstandsnorm.')) continue
    for (const w of p.waarden) {
      assert.equal(w.geverifieerd, true, `${naam} ${w.van}`)
      assert.equal(w.bron.bwbId, 'BWBR0015703')
      assert.equal(w.bron.versie, w.van, 'the statute version read is the one that introduced the amount')
    }
  }
})

test('a date beyond the last published half year is refused, never served the last known value', () => {
  assert.throws(() => berekenBijstandsnorm({ peildatum: '2026-07-01' as Datum, leefvorm: 'alleenstaande', aowLeeftijd: false }),
    (e: unknown) => (e as { code?: string }).code === 'regels.parameter-onbekend' && /bijstandsnorm\.alleenstaande/.test((e as Error).message))
})
