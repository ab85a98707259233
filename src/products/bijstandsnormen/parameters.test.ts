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

test('the vermogensgrens of art. 34 lid 3 PW per household type, as read in each consolidated statute version', () => {
  // Read in MinBZK/regelrecht-corpus regulation/nl/wet/participatiewet/<versie>.yaml, art. 34 lid 3 onder a, b en c
  // (2025-01-01: € 7.770 / € 15.540; 2026-01-01: € 8.000 / € 16.000). Alleenstaande ouder and gehuwden share lid 3 b/c.
  const verwacht = {
    'vermogensgrens.alleenstaande': [['2022-01-01', 650500], ['2023-01-01', 760500], ['2024-01-01', 757500], ['2025-01-01', 777000], ['2026-01-01', 800000]],
    'vermogensgrens.alleenstaande-ouder-of-gehuwden': [['2022-01-01', 1301000], ['2023-01-01', 1521000], ['2024-01-01', 1515000], ['2025-01-01', 1554000], ['2026-01-01', 1600000]],
  }
  for (const [naam, waarden] of Object.entries(verwacht)) {
    const p = bijstandsnormParameters.parameters.get(naam)!
    assert.deepEqual(p.waarden.map((w) => [w.van, Number(w.waarde)]), waarden, naam)
    for (const w of p.waarden) {
      assert.equal(w.geverifieerd, true, `${naam} ${w.van}`)
      assert.deepEqual([w.bron.bwbId, w.bron.versie, w.bron.url], ['BWBR0015703', w.van, `https://wetten.overheid.nl/BWBR0015703/${w.van}#Artikel34`], `${naam} ${w.van}`)
      assert.match(w.bron.artikel ?? '', /^34 lid 3 onder /, `${naam} ${w.van}`)
      assert.match(w.notitie ?? '', /regelrecht-corpus .*participatiewet\/\d{4}-01-01\.yaml/, `${naam} ${w.van}: says where it was read`)
    }
  }
  assert.equal(bijstandsnormParameters.op('vermogensgrens.alleenstaande', '2025-12-31' as Datum).waarde, 777000)
  assert.equal(bijstandsnormParameters.op('vermogensgrens.alleenstaande-ouder-of-gehuwden', '2026-01-01' as Datum).waarde, 1600000)
})
