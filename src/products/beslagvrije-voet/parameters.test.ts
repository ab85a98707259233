import { test } from 'node:test'
import assert from 'node:assert/strict'
import type { Datum } from '../../core/index.js'
import { ontbrekendeHalfjaren } from '../../platform/rules/index.js'
import { beslagvrijeVoetParameters } from './index.js'

/**
 * Parameters that are declared but have no verified value yet. Adding values must shrink this list; a parameter that
 * silently loses its values makes the test fail.
 */
const BEKEND_ONVOLLEDIG: Record<string, string> = {
  'formule.A-B-drempelinkomen-D': 'letter niet geverifieerd',
  'formule.E-zorgtoeslagpercentage': 'letter niet geverifieerd',
  'formule.F-G-huurtoeslag-eenpersoons': 'letter niet geverifieerd',
  'formule.H-I-huurtoeslag-meerpersoons': 'letter niet geverifieerd',
  'formule.J-normhuur': 'letter niet geverifieerd',
  'formule.K-L-kindgebonden-budget': 'letter niet geverifieerd',
  'huurtoeslag.rekenhuur-maximum': 'niet geverifieerd',
  'bankbeslag.475a-lid-5': 'inwerkingtreding vóór 2024-07-01 niet vastgesteld',
}

test('every beslagvrije-voet parameter has a value for each half-year 2022-01-01 … 2026-01-01 (or is a listed gap)', () => {
  const gaten: Record<string, string[]> = {}
  for (const [naam, p] of beslagvrijeVoetParameters.parameters) {
    const mis = ontbrekendeHalfjaren(p, '2022-01-01' as Datum, '2026-01-01' as Datum)
    if (mis.length > 0) gaten[naam] = mis
  }
  assert.deepEqual(Object.keys(gaten).sort(), Object.keys(BEKEND_ONVOLLEDIG).sort())
  for (const naam of Object.keys(gaten)) assert.ok(!naam.startsWith('maximum.'), `${naam} mist halfjaren: ${gaten[naam]}`)
})

test('every stored value cites a source and the lid-1 maxima are all verified against the statute text', () => {
  for (const [naam, p] of beslagvrijeVoetParameters.parameters) {
    for (const w of p.waarden) {
      assert.ok(w.bron.omschrijving.length > 0, naam)
      if (naam.startsWith('maximum.')) {
        assert.equal(w.geverifieerd, true, `${naam} ${w.van}`)
        assert.equal(w.bron.bwbId, 'BWBR0001827')
      }
    }
  }
})
