import { test } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { FORMATEN, generate } from '../../../synth/index.js'
import { BRON_FORMATEN } from './index.js'

test('each format has exactly the columns the synthetic Netherlands writes', () => {
  for (const [naam, f] of BRON_FORMATEN) {
    assert.ok(naam in FORMATEN, `${naam} is geen formaat in FORMATEN`)
    assert.deepEqual(f.kolommen, FORMATEN[naam as keyof typeof FORMATEN], naam)
  }
})

test('every line the generator writes is a valid fact; keys are unique per BSN', async () => {
  const uit = mkdtempSync(join(tmpdir(), 'intake-formaten-'))
  try {
    await generate({ seed: 7, inwoners: 2000, uit: join(uit, 'nl') })
    for (const [naam, f] of BRON_FORMATEN) {
      const regels = readFileSync(join(uit, 'nl', `${naam}.csv`), 'utf8').split('\n').slice(1).filter(Boolean)
      const sleutels = new Set<string>()
      for (const [i, r] of regels.entries()) {
        const l = f.lees(r.split(';'))
        assert.ok(l.ok, `${naam} regel ${i + 2}: ${l.ok ? '' : JSON.stringify(l.problemen)}`)
        assert.ok(!('bsn' in l.feit.gegevens))
        assert.ok(l.feit.geldigTot === null || l.feit.geldigTot >= l.feit.geldigVan, `${naam} regel ${i + 2}: geldigheid omgekeerd`)
        const k = `${l.feit.bsn}|${l.feit.sleutel}`
        assert.ok(!sleutels.has(k) || naam === 'brp-mutaties', `${naam}: sleutel ${l.feit.sleutel} dubbel`)
        sleutels.add(k)
      }
    }
  } finally { rmSync(uit, { recursive: true, force: true }) }
})

test('uwv-polis: key, month validity, cents as integers, every problem of a line listed', () => {
  const polis = BRON_FORMATEN.get('uwv-polis')!
  const goed = polis.lees(['123456782', '2024-02', 'IKV1', '802850844L01', 'Werkgever BV', 'loon', '225354', '19098', '165'])
  assert.ok(goed.ok)
  assert.equal(goed.feit.sleutel, 'IKV1|2024-02')
  assert.deepEqual([goed.feit.geldigVan, goed.feit.geldigTot], ['2024-02-01', '2024-02-29'])
  assert.equal(goed.feit.gegevens.brutoloonCent, 225354)
  const fout = polis.lees(['123456789', '2024-13', 'IKV1', 'x', 'W', 'salaris', '-5', '1.5', ''])
  assert.ok(!fout.ok)
  assert.deepEqual(fout.problemen.map((p) => p.code), ['bsn-ongeldig', 'maand-ongeldig', 'tekst-ongeldig', 'waarde-onbekend', 'bedrag-ongeldig', 'bedrag-ongeldig', 'verplicht'])
  const rdw = BRON_FORMATEN.get('rdw-voertuigen')!.lees(['123456782', 'GB-22-NL', '2024-05-01', '2024-04-01', '100'])
  assert.ok(!rdw.ok && rdw.problemen[0]!.code === 'periode-omgekeerd')
  // A placeholder date (year 0) is refused; a far end date is a source's way of saying "open" and is kept.
  const nul = BRON_FORMATEN.get('rdw-voertuigen')!.lees(['123456782', 'GB-22-NL', '0000-01-01', '9999-12-31', '100'])
  assert.ok(!nul.ok)
  assert.deepEqual(nul.problemen.map((p) => p.reden), ['datumAanvang: ligt vóór 1900: geen datum waar een bron iets over weet'])
  assert.ok(BRON_FORMATEN.get('rdw-voertuigen')!.lees(['123456782', 'GB-22-NL', '1900-01-01', '9999-12-31', '100']).ok)
  const maand = polis.lees(['123456782', '0000-01', 'IKV1', '802850844L01', 'Werkgever BV', 'loon', '225354', '19098', '165'])
  assert.ok(!maand.ok && maand.problemen[0]!.code === 'maand-ongeldig')
})
