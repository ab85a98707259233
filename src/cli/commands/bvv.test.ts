import { test } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { runCliProcess } from '../../../test/support/cli-process.js'

const MAIN = fileURLToPath(new URL('./bvv-main.ts', import.meta.url))
const geenWoonadres2026 = { peildatum: '2026-01-01', leefsituatie: 'alleenstaande', woonadresBekend: false, bijstand: false, inkomenPerMaandCent: 250000, belastbaarJaarinkomenCent: 2400000 }
const bijstand2022 = { peildatum: '2022-01-01', leefsituatie: 'alleenstaande', woonadresBekend: true, bijstand: true, inkomenPerMaandCent: 150000, belastbaarJaarinkomenCent: 1500000 }

const bvv = (args: string[], stdin = '') => runCliProcess(MAIN, args, stdin)

test('one object from stdin: the amount and every step; --zonder-berekening leaves the steps out', async () => {
  const met = await bvv([], JSON.stringify(geenWoonadres2026))
  assert.equal(met.code, 0, met.stderr)
  const uit = JSON.parse(met.stdout)
  assert.equal(uit.beslagvrijeVoetCent, 95101)
  assert.ok(uit.berekening.length > 0)
  const zonder = await bvv(['--zonder-berekening'], JSON.stringify(geenWoonadres2026))
  assert.deepEqual(JSON.parse(zonder.stdout), { beslagvrijeVoetCent: 95101, alleParametersGeverifieerd: true })
})

test('an array from a file gives an array; NDJSON gives NDJSON, in the same order', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'bvv-cli-'))
  try {
    const bestand = join(dir, 'invoer.json')
    writeFileSync(bestand, JSON.stringify([geenWoonadres2026, bijstand2022]))
    const arr = await bvv([bestand, '--zonder-berekening'])
    assert.equal(arr.code, 0, arr.stderr)
    assert.deepEqual(JSON.parse(arr.stdout).map((u: { beslagvrijeVoetCent: number }) => u.beslagvrijeVoetCent), [95101, 103712])
    const nd = await bvv(['--zonder-berekening'], `${JSON.stringify(bijstand2022)}\n\n${JSON.stringify(geenWoonadres2026)}\n`)
    assert.deepEqual(nd.stdout.trim().split('\n').map((l) => JSON.parse(l).beslagvrijeVoetCent), [103712, 95101])
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
})

test('bad input: one line on stderr naming every problem, exit code 2, nothing on stdout', async () => {
  const slecht = await bvv([], JSON.stringify([geenWoonadres2026, { ...geenWoonadres2026, leefsituatie: 'x' }, { ...geenWoonadres2026, peildatum: '2021-01-01' }]))
  assert.equal(slecht.code, 2)
  assert.equal(slecht.stdout, '')
  assert.equal(slecht.stderr.trim().split('\n').length, 1)
  assert.match(slecht.stderr, /^knooppunt: 2 van de 3 berekeningen/)
  assert.match(slecht.stderr, /\[1\]\.leefsituatie: onbekende waarde/)
  assert.match(slecht.stderr, /\[2\]\.peildatum: geen waarde bekend voor parameter 'maximum\.alleenstaande'/)

  const enkel = await bvv([], JSON.stringify({ ...geenWoonadres2026, inkomenPerMaandCent: -1 }))
  assert.equal(enkel.code, 2)
  assert.match(enkel.stderr, /inkomenPerMaandCent.*\[beslagvrije-voet\.invoer-ongeldig\]\n$/)
  const kapot = await bvv([], '{ "peildatum": ')
  assert.equal(kapot.code, 2)
  assert.match(kapot.stderr, /geen geldige JSON \[verzoek\.json-ongeldig\]/)
  const leeg = await bvv([], '')
  assert.match(leeg.stderr, /\[bvv\.geen-invoer\]/)
  const weg = await bvv(['/bestaat/niet.json'])
  assert.equal(weg.code, 4)
  assert.match(weg.stderr, /^knooppunt: bestand \/bestaat\/niet\.json bestaat niet \[bestand\.onbekend\]\n$/)
})
