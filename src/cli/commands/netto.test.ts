import { test } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { runCliProcess } from '../../../test/support/cli-process.js'

const MAIN = fileURLToPath(new URL('./netto-main.ts', import.meta.url))
// Table 2024, row € 2.911,50: € 401,33 with and € 1.076,33 without loonheffingskorting (loonheffing.cases.json).
const loon2024 = { peildatum: '2024-06-01', loonPerMaandCent: 291199 }
const netto2024 = { periode: '2024-06', inkomstenverhoudingen: [{ soortInkomen: 'loon', brutoloonCent: 291199 }] }

const knooppunt = (args: string[], stdin = '') => runCliProcess(MAIN, args, stdin)

test('loonheffing: one object from stdin gives the table amount and every step; --zonder-berekening leaves them out', async () => {
  const met = await knooppunt(['loonheffing'], JSON.stringify(loon2024))
  assert.equal(met.code, 0, met.stderr)
  const uit = JSON.parse(met.stdout)
  assert.equal(uit.loonheffingCent, 40133)
  assert.equal(uit.berekening.at(-1).id, 'loonheffing-maand')
  const zonder = await knooppunt(['loonheffing', '--zonder-berekening'], JSON.stringify({ ...loon2024, loonheffingskorting: false }))
  assert.equal(JSON.parse(zonder.stdout).loonheffingCent, 107633)
  assert.equal(JSON.parse(zonder.stdout).berekening, undefined)
})

test('netto: an array from a file gives an array; NDJSON gives NDJSON, in the same order', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'netto-cli-'))
  try {
    const bestand = join(dir, 'invoer.json')
    const polis = { periode: '2025-03', inkomstenverhoudingen: [{ soortInkomen: 'ww', brutoloonCent: 150000, loonheffingCent: 30000 }] }
    writeFileSync(bestand, JSON.stringify([netto2024, polis]))
    const arr = await knooppunt(['netto', bestand, '--zonder-berekening'])
    assert.equal(arr.code, 0, arr.stderr)
    const uit = JSON.parse(arr.stdout)
    assert.deepEqual(uit.map((u: { nettoIndicatiefInkomenCent: number }) => u.nettoIndicatiefInkomenCent), [291199 - 40133, 120000])
    assert.deepEqual(uit.map((u: { loonheffingGeschat: boolean }) => u.loonheffingGeschat), [true, false])
    const nd = await knooppunt(['netto'], `${JSON.stringify(polis)}\n\n${JSON.stringify(netto2024)}\n`)
    assert.equal(nd.code, 0, nd.stderr)
    assert.deepEqual(nd.stdout.trim().split('\n').map((l) => JSON.parse(l).nettoIndicatiefInkomenCent), [120000, 251066])
    assert.ok(JSON.parse(nd.stdout.split('\n')[1]!).berekening.some((s: { id: string }) => s.id === 'ikv1-loonheffing-geschat'))
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
})

test('bad input: one line on stderr naming every problem with a stable code, distinct exit codes, nothing on stdout', async () => {
  const slecht = await knooppunt(['netto'], JSON.stringify([netto2024, { ...netto2024, periode: '2021-12' }, { periode: '2024-06', inkomstenverhoudingen: [{ soortInkomen: 'x', brutoloonCent: -1 }] }]))
  assert.equal(slecht.code, 2)
  assert.equal(slecht.stdout, '')
  assert.equal(slecht.stderr.trim().split('\n').length, 1)
  assert.match(slecht.stderr, /^knooppunt: 2 van de 3 berekeningen kunnen niet worden gemaakt/)
  assert.match(slecht.stderr, /\[1\]\.periode: geen waarde bekend voor parameter 'tabel\.stap-maand'/)
  assert.match(slecht.stderr, /\[2\]\.inkomstenverhoudingen\[0\]\.soortInkomen: onbekende waarde/)
  assert.match(slecht.stderr, /\[netto-inkomen\.invoer-ongeldig\]\n$/)

  const datum = await knooppunt(['loonheffing'], JSON.stringify({ ...loon2024, peildatum: '2027-01-01' }))
  assert.equal(datum.code, 2)
  assert.match(datum.stderr, /peildatum: geen waarde bekend voor parameter .*\[regels\.parameter-onbekend\]\n$/)
  const veld = await knooppunt(['loonheffing'], JSON.stringify({ peildatum: '2024-01-01', leeftijdsgroep: 'oud' }))
  assert.match(veld.stderr, /leeftijdsgroep: onbekende waarde.*\[loonheffing\.invoer-ongeldig\]\n$/)
  assert.match(veld.stderr, /loonPerMaandCent: verplicht veld ontbreekt/)
  const kapot = await knooppunt(['netto'], '{ "periode": ')
  assert.equal(kapot.code, 2)
  assert.match(kapot.stderr, /geen geldige JSON \[verzoek\.json-ongeldig\]/)
  assert.match((await knooppunt(['netto'], '')).stderr, /\[netto\.geen-invoer\]\n$/)
  assert.match((await knooppunt(['loonheffing'], '  ')).stderr, /\[loonheffing\.geen-invoer\]\n$/)
  const weg = await knooppunt(['loonheffing', '/bestaat/niet.json'])
  assert.equal(weg.code, 4)
  assert.match(weg.stderr, /^knooppunt: bestand \/bestaat\/niet\.json bestaat niet \[bestand\.onbekend\]\n$/)
})

test('--help names the input, the output and the option', async () => {
  for (const cmd of ['loonheffing', 'netto']) {
    const help = await knooppunt([cmd, '--help'])
    assert.equal(help.code, 0)
    assert.match(help.stdout, new RegExp(`Usage: knooppunt ${cmd} \\[options\\] \\[bestand\\]`))
    assert.match(help.stdout, /JSON in[\s\S]*JSON uit/)
    assert.match(help.stdout, /--zonder-berekening/)
  }
})
