import { test } from 'node:test'
import assert from 'node:assert/strict'
import fc from 'fast-check'
import { completeBsn, overlaps, type Bsn, type Datum } from '../../core/index.js'
import { matchFeiten, signaalIdentiteit, type Feit, type Indicatie } from '../../platform/matching/index.js'
import { legeStaat, selecteerNieuwe } from '../../platform/signals/index.js'
import { SAMENLOOP_REGELS } from './regels/index.js'

const BSNS = ['10000001', '10000002', '10000003', '10000004', '10000005'].map((b) => completeBsn(b)!)
const OINS = ['00000001000000000001', '00000001000000000002']
const maand = fc.record({ j: fc.constantFrom(2024, 2025), m: fc.integer({ min: 1, max: 12 }) }).map(({ j, m }) => `${j}-${String(m).padStart(2, '0')}`)
const dag = fc.record({ mnd: maand, d: fc.integer({ min: 1, max: 28 }) }).map(({ mnd, d }) => `${mnd}-${String(d).padStart(2, '0')}` as Datum)

const indicatie = fc.record({ oin: fc.constantFrom(...OINS), bsn: fc.constantFrom(...BSNS.slice(0, 4)), van: dag, duur: fc.option(fc.integer({ min: 0, max: 400 }), { nil: undefined }) })
  .map(({ oin, bsn, van, duur }): Indicatie => {
    const tot = duur === undefined ? undefined : (new Date(Date.parse(`${van}T00:00:00Z`) + duur * 86_400_000).toISOString().slice(0, 10) as Datum)
    return { oin, product: 'samenloop', bsn, periode: { van, tot }, gemeentecode: oin.endsWith('1') ? '0344' : '0363' }
  })

// Small value pools force repeats (dedupe) and same-key-other-amount lines (corrections).
const polis = fc.record({ bsn: fc.constantFrom(...BSNS), periode: maand, ikv: fc.constantFrom('A', 'B'), soort: fc.constantFrom('loon', 'loon', 'ww', 'zw'), bruto: fc.constantFrom(0, 100_00, 2_000_00) })
  .map(({ bsn, periode, ikv, soort, bruto }) => ({ bron: 'uwv-polis', bsn, gegevens: { periode, inkomstenverhoudingId: ikv, werkgeverNaam: 'W', loonheffingennummer: 'L', soortInkomen: soort, brutoloonCent: bruto, loonheffingCent: 0, uren: 10 } }))
const rdw = fc.record({ bsn: fc.constantFrom(...BSNS), datum: dag, kenteken: fc.constantFrom('AA-11-BB', 'CC-22-DD'), waarde: fc.constantFrom(1_000_00, 2_000_00) })
  .map(({ bsn, datum, kenteken, waarde }) => ({ bron: 'rdw-voertuigen', bsn, gegevens: { kenteken, datumAanvang: datum, datumEinde: '', dagwaardeCent: waarde } }))
const brp = fc.record({ bsn: fc.constantFrom(...BSNS), datum: dag, soort: fc.constantFrom('verhuizing', 'emigratie', 'overlijden'), naar: fc.constantFrom('0344', '0363') })
  .map(({ bsn, datum, soort, naar }) => ({ bron: 'brp-mutaties', bsn, gegevens: { datum, soortMutatie: soort, gemeentecodeVan: '0344', gemeentecodeNaar: soort === 'verhuizing' ? naar : '', landNaar: soort === 'emigratie' ? 'BE' : '' } }))
const feiten = fc.array(fc.oneof(polis, rdw, brp), { maxLength: 60 })
  .map((fs) => fs.map((f, i): Feit => ({ ...f, bsn: f.bsn as Bsn, sleutel: String(i), geldigVan: '2024-01-01', leveringId: `lev-${i % 3}`, regel: i + 2 })))

const samenvatting = (lijst: ReturnType<typeof selecteerNieuwe>) => lijst.map((n) => `${signaalIdentiteit(n.kandidaat)} ${n.correctie}`)

test('property: a whole delivery, random chunks and one event at a time give the same signals and corrections', () => {
  fc.assert(fc.property(fc.array(indicatie, { maxLength: 8 }), feiten, fc.integer({ min: 1, max: 20 }), (indicaties, fs, chunk) => {
    const batch = selecteerNieuwe(matchFeiten(fs, indicaties, SAMENLOOP_REGELS), legeStaat())

    const staat = legeStaat()
    const incrementeel = fs.flatMap((f) => selecteerNieuwe(matchFeiten([f], indicaties, SAMENLOOP_REGELS), staat))
    const staat2 = legeStaat()
    const gechunkt = []
    for (let i = 0; i < fs.length; i += chunk) gechunkt.push(...selecteerNieuwe(matchFeiten(fs.slice(i, i + chunk), indicaties, SAMENLOOP_REGELS), staat2))

    assert.deepEqual(samenvatting(incrementeel), samenvatting(batch))
    assert.deepEqual(samenvatting(gechunkt), samenvatting(batch))
    // Nothing about a BSN without an indication, and nothing outside the afnemer's indication periods.
    for (const { kandidaat: k } of batch) {
      const eigen = indicaties.filter((i) => i.oin === k.oin && i.bsn === k.bsn)
      assert.ok(eigen.length > 0, 'a signal without an indication')
      assert.ok(eigen.some((i) => overlaps(i.periode, k.periode)), 'a signal outside the indication period')
    }
  }), { numRuns: 300 })
})
