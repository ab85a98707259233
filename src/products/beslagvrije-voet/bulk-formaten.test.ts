import { test } from 'node:test'
import assert from 'node:assert/strict'
import { AppError } from '../../core/index.js'
import { csvAntwoordRegel, csvNaarInvoer, leesCsvKop, leesRegels, splitsCsv, type Regel } from './bulk-formaten.js'

async function regels(chunks: Array<Buffer | string>, maxRegelTekens = 100, maxBytes = 10_000): Promise<Regel[]> {
  const uit: Regel[] = []
  for await (const r of leesRegels((async function* () { yield* chunks })(), { maxRegelTekens, maxBytes })) uit.push(r)
  return uit
}

test('lines split across chunks, CRLF, a BOM, a last line without newline and a multi-byte character cut in two', async () => {
  const euro = Buffer.from('€') // three bytes
  const uit = await regels([Buffer.from('\uFEFFa;b\r\nc'), Buffer.from('d\n'), Buffer.concat([Buffer.from('x'), euro.subarray(0, 1)]), Buffer.concat([euro.subarray(1), Buffer.from('\n\nlaatste')])])
  assert.deepEqual(uit, [{ nr: 1, tekst: 'a;b' }, { nr: 2, tekst: 'cd' }, { nr: 3, tekst: 'x€' }, { nr: 4, tekst: '' }, { nr: 5, tekst: 'laatste' }])
})

test('an over-long line is reported by number and skipped, also when it spans chunks; the next line is read', async () => {
  const lang = 'x'.repeat(30)
  assert.deepEqual(await regels([`kort\n${lang}\nna\n`], 10), [{ nr: 1, tekst: 'kort' }, { nr: 2, teLang: true }, { nr: 3, tekst: 'na' }])
  assert.deepEqual(await regels(['kort\n', lang, lang, '\nna'], 10), [{ nr: 1, tekst: 'kort' }, { nr: 2, teLang: true }, { nr: 3, tekst: 'na' }])
})

test('reading stops with verzoek.te-groot beyond the byte limit', async () => {
  await assert.rejects(regels(['a\n'.repeat(20)], 100, 10), (e: unknown) => e instanceof AppError && e.code === 'verzoek.te-groot' && e.kind === 'too-large')
})

test('CSV: quoted cells, header checks, cell conversion, and answer quoting', () => {
  assert.deepEqual(splitsCsv('a;"b;c";"d ""e""";'), ['a', 'b;c', 'd "e"', ''])
  assert.deepEqual(leesCsvKop('peildatum; bijstand'), ['peildatum', 'bijstand'])
  assert.throws(() => leesCsvKop('peildatum;bsn;peildatum'), (e: unknown) =>
    e instanceof AppError && e.code === 'beslagvrije-voet.csv-kop-ongeldig' && e.invalidParams.map((p) => p.name).join() === 'kolom 2,kolom 3')
  assert.throws(() => leesCsvKop(undefined), /leeg/)
  const kolommen = ['peildatum', 'bijstand', 'inkomenPerMaandCent', 'woonkostenPerMaandCent']
  assert.deepEqual(csvNaarInvoer(kolommen, '2025-01-01;JA;-12;'), { invoer: { peildatum: '2025-01-01', bijstand: true, inkomenPerMaandCent: -12 } })
  assert.deepEqual(csvNaarInvoer(kolommen, '2025-01-01;misschien;12,50;x'), { invoer: { peildatum: '2025-01-01', bijstand: 'misschien', inkomenPerMaandCent: '12,50', woonkostenPerMaandCent: 'x' } })
  assert.equal((csvNaarInvoer(kolommen, '2025-01-01') as { fout: { code: string } }).fout.code, 'beslagvrije-voet.csv-kolommen')
  assert.equal(csvAntwoordRegel({ regel: 3, fout: { code: 'c', detail: 'zeg "x"; y', invalidParams: [{ name: 'v', code: 'k', reason: 'r' }] } }), '3;;;c;"zeg ""x""; y; v: r"\n')
  assert.equal(csvAntwoordRegel({ regel: 2, beslagvrijeVoetCent: 95101, alleParametersGeverifieerd: true }), '2;95101;true;;\n')
})
