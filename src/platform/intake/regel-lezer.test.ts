import { test } from 'node:test'
import assert from 'node:assert/strict'
import fc from 'fast-check'
import { leesRegels, type Regel } from './regel-lezer.js'

async function alle(stukken: Array<Buffer | string>, max = 64): Promise<Regel[]> {
  const uit: Regel[] = []
  for await (const rs of leesRegels((async function* () { yield* stukken })(), { maxRegelBytes: max })) uit.push(...rs)
  return uit
}
const tekst = (r: Regel) => ('tekst' in r ? r.tekst : r.fout.code)

test('the same lines whatever the chunk boundaries, also inside a multi-byte character', async () => {
  const bestand = Buffer.from('kop;a\nëén;twee\r\n€;x\nlaatste')
  await fc.assert(fc.asyncProperty(fc.uniqueArray(fc.integer({ min: 1, max: bestand.length - 1 }), { maxLength: 8 }), async (knippen) => {
    const grenzen = [0, ...knippen.sort((a, b) => a - b), bestand.length]
    const stukken = grenzen.slice(1).map((g, i) => bestand.subarray(grenzen[i], g))
    const regels = await alle(stukken)
    assert.deepEqual(regels.map(tekst), ['kop;a', 'ëén;twee', '€;x', 'laatste'])
    assert.deepEqual(regels.map((r) => r.nr), [1, 2, 3, 4])
    assert.equal((regels[3] as { afgebroken: boolean }).afgebroken, true)
    assert.equal((regels[2] as { afgebroken: boolean }).afgebroken, false)
  }))
})

test('bad UTF-8 spoils only its own line; an overlong line is reported and skipped; a BOM is dropped', async () => {
  const regels = await alle([Buffer.from('\uFEFFkop\ngoed\n'), Buffer.from([0x61, 0xff, 0x0a]), `${'x'.repeat(100)}`, `${'y'.repeat(100)}\nna\n`], 64)
  assert.deepEqual(regels.map(tekst), ['kop', 'goed', 'utf8-ongeldig', 'regel-te-lang', 'na'])
  assert.deepEqual(regels.map((r) => r.nr), [1, 2, 3, 4, 5])
})
