import { test } from 'node:test'
import assert from 'node:assert/strict'
import type { Datum } from '../../core/index.js'
import { ontbrekendeHalfjaren } from '../../platform/rules/index.js'
import { bijstandsnormParameters } from '../bijstandsnormen/index.js'
import { LEEFSITUATIES, type Leefsituatie } from './beslagvrije-voet-invoer.js'
import { lettersOp } from './formule-lid-2.js'
import { beslagvrijeVoetParameters } from './index.js'

/**
 * Parameters that are declared but have no verified value yet. Adding values must shrink this list; a parameter that
 * silently loses its values makes the test fail.
 */
const BEKEND_ONVOLLEDIG: Record<string, string> = {
  'formule.F-normhuurfactor-a-eenpersoons': 'waarden 2022–2025 (2025: ijkpunt uit de proefberekening van de Belastingdienst, niet geverifieerd); vanaf 2026 andere betekenis (formule2026.*)',
  'formule.G-normhuurfactor-b-eenpersoons': 'waarden 2022–2025; vanaf 2026 andere betekenis',
  'formule.H-normhuurfactor-a-meerpersoons': 'waarden 2022–2025; vanaf 2026 andere betekenis (maximale rekenhuur)',
  'formule.I-normhuurfactor-b-meerpersoons': 'waarden 2022–2025; vanaf 2026 andere betekenis (C − minimum-inkomensijkpunt)',
  'formule.J-normhuur-minimum': 'waarden 2022–2025; vanaf 2026 andere betekenis (basishuur, formule2026.J-*)',
  'formule2026.F-afbouwpercentage-eenpersoons': 'bestaat pas vanaf 2026-01-01',
  'formule2026.G-afbouwpercentage-meerpersoons': 'bestaat pas vanaf 2026-01-01',
  'formule2026.minimum-inkomensijkpunt.eenpersoons': 'bestaat pas vanaf 2026-01-01',
  'formule2026.minimum-inkomensijkpunt.meerpersoons': 'bestaat pas vanaf 2026-01-01',
  'formule2026.J-basishuur.eenpersoons': 'bestaat pas vanaf 2026-01-01',
  'formule2026.J-basishuur.meerpersoons': 'bestaat pas vanaf 2026-01-01',
  'bankbeslag.475a-lid-5': 'inwerkingtreding vóór 2024-07-01 niet vastgesteld',
}

/** The last half-year (van) each incomplete parameter must still cover: values may be added, never silently lost. */
const LAATSTE_HALFJAAR: Record<string, string> = {
  'bankbeslag.475a-lid-5': '2026-01-01',
}

test('every beslagvrije-voet parameter has a value for each half-year 2022-01-01 … 2026-01-01 (or is a listed gap)', () => {
  const gaten: Record<string, string[]> = {}
  for (const [naam, p] of beslagvrijeVoetParameters.parameters) {
    const mis = ontbrekendeHalfjaren(p, '2022-01-01' as Datum, '2026-01-01' as Datum)
    if (mis.length > 0) gaten[naam] = mis
  }
  assert.deepEqual(Object.keys(gaten).sort(), Object.keys(BEKEND_ONVOLLEDIG).sort())
  for (const naam of Object.keys(BEKEND_ONVOLLEDIG)) {
    if (!naam.startsWith('formule.') && naam !== 'huurtoeslag.rekenhuur-maximum') continue
    const tot = LAATSTE_HALFJAAR[naam] ?? '2025-07-01'
    assert.ok(!gaten[naam]!.some(h => h <= tot), `${naam} mist halfjaren tot en met ${tot}: ${gaten[naam]}`)
  }
  for (const naam of Object.keys(gaten)) assert.ok(!naam.startsWith('maximum.'), `${naam} mist halfjaren: ${gaten[naam]}`)
  // The old normhuur letters end with 2025 (the 2026 text redefines them); the 2026 letters cover exactly 2026-01-01.
  for (const naam of Object.keys(gaten).filter(n => /^formule\.[F-J]-/.test(n))) assert.deepEqual(gaten[naam], ['2026-01-01'], naam)
  for (const naam of Object.keys(gaten).filter(n => n.startsWith('formule2026.'))) assert.ok(!gaten[naam]!.includes('2026-01-01'), naam)
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

/** Half-years for which the letters of art. 475da lid 2 (text until 2025) have stored values. */
const MET_LETTERS = ['2022-01-01', '2022-07-01', '2023-01-01', '2023-07-01', '2024-01-01', '2024-07-01', '2025-01-01', '2025-07-01'] as const

/**
 * Art. 475da lid 8 Rv: the lid-1 maxima equal the formula at the income C* where the normhuur (F × C² + G × C resp.
 * H × C² + I × C) equals the rekenhuur of art. 13 lid 1 onder a Wht. Reproducing the published maxima from the stored
 * letters checks the letters (and their mapping) against the statute amounts, which are verified.
 *
 * What lid 8 does and does not check, per half-year:
 * - alleenstaande and gehuwden zonder kinderen: at C* the zorgtoeslag term is at the lid-3 cap, so the maximum is
 *   95 % × norm + (standaardpremie/12 − art. 23 lid 2 PW) + (rekenhuur − J): this checks J, the rekenhuur, the
 *   standaardpremie and the art. 23 amount to the cent, but not D, E or the normhuur factors;
 * - alleenstaande ouder and gehuwden met kinderen: the kgb term ((C* − D)/12) × K (− L) also checks D, K, L and the
 *   factors H and I (through C*). For 2025 the minimum-inkomensijkpunt behind H and I was itself solved from these two
 *   maxima (see the note on formule.H), so there only the difference between them (L) is an independent check.
 */
test('art. 475da lid 8: the stored letters reproduce the published lid-1 maxima', () => {
  // Known deviations (cents, berekend − gepubliceerd), kept explicit so any change in the data shows up here. Open
  // point, reported: for the alleenstaande on 2023-07-01 the zorgtoeslag term at C* stays under the lid-3 cap with D
  // from the July minimum wage, while the published amount assumes the cap (with D from the January minimum wage, as
  // art. 1 Wzt defines the drempelinkomen, it is reached). For 2023 the normhuur factors F–I are those of the Regeling
  // huurtoeslaggrenzen 2023 (read); with L = € 18.327 (the Belastingdienst's proefberekening data; the Staatscourant
  // mededeling is not read) the gehuwden met kinderen are exact in both half-years (with the earlier € 18.340: −8/−7).
  const bekend: Record<string, [number, number]> = {
    '2023-07-01 alleenstaande': [-800, -790],
  }
  // 2022–2023: a 1-cent tolerance where a kgb term enters (derived, unrounded factors). From 2024 every case is exact.
  const tolerantie = (d: string, l: Leefsituatie): [number, number] =>
    bekend[`${d} ${l}`] ?? (d >= '2024-01-01' || l === 'alleenstaande' || l === 'gehuwd-zonder-kinderen' ? [0, 0] : [-1, 1])
  const uitkomsten: string[] = []
  for (const peildatum of MET_LETTERS) {
    const d = peildatum as Datum
    const huurgrens = beslagvrijeVoetParameters.op('huurtoeslag.rekenhuur-maximum', d).waarde / 100
    for (const leefsituatie of LEEFSITUATIES) {
      const invoer = { peildatum: d, leefsituatie, woonadresBekend: true, bijstand: false, inkomenPerMaandCent: 0, belastbaarJaarinkomenCent: 0 } as never
      const gehuwd = leefsituatie.startsWith('gehuwd')
      const norm = bijstandsnormParameters.op(gehuwd ? 'bijstandsnorm.gehuwden' : 'bijstandsnorm.alleenstaande', d).waarde / 100
      const gepubliceerd = beslagvrijeVoetParameters.op(`maximum.${leefsituatie}`, d).waarde
      const x = lettersOp(invoer, beslagvrijeVoetParameters)
      const [a, b] = leefsituatie === 'alleenstaande' ? [x.F, x.G] : [x.H, x.I]
      const cStar = (-b + Math.sqrt(b * b + 4 * a * huurgrens)) / (2 * a)
      const kgb = leefsituatie === 'alleenstaande-ouder' ? ((cStar - x.D) / 12) * x.K : leefsituatie === 'gehuwd-met-kinderen' ? ((cStar - (x.D + x.L)) / 12) * x.K : 0
      const zorg = Math.min(((cStar - x.D) / 12) * x.E, x.zorgPlafond)
      const berekend = Math.round((0.95 * norm + zorg + (huurgrens - x.J) + kgb) * 100)
      const [min, max] = tolerantie(peildatum, leefsituatie)
      uitkomsten.push(`${peildatum} ${leefsituatie} ${berekend - gepubliceerd}`)
      assert.ok(berekend - gepubliceerd >= min && berekend - gepubliceerd <= max, `${peildatum} ${leefsituatie}: lid 8 geeft ${berekend}, lid 1 ${gepubliceerd}`)
    }
  }
  assert.equal(uitkomsten.length, MET_LETTERS.length * LEEFSITUATIES.length)
})

/**
 * Art. 475da lid 8 Rv, text from 2026-01-01: the lid-1 maxima equal the formula "indien de uitkomst van (I x (F / 12))
 * respectievelijk (I x (G / 12)) gelijk is aan het bedrag, genoemd in artikel 13, eerste lid, onderdeel a, van de Wet
 * op de huurtoeslag", i.e. at I* = 12 × H / F (or G), C* = I* + the minimum-inkomensijkpunt. There the woonkosten term is
 * min(H, H − J) = H − J and the zorgtoeslag term is at the lid-3 cap, so the alleenstaande and the gehuwden zonder
 * kinderen check S, H and J to the cent; the alleenstaande ouder and the gehuwden met kinderen also check D, K, L, G and
 * the meerpersoons minimum-inkomensijkpunt (through C*).
 */
test('art. 475da lid 8 (text from 2026): the stored 2026 letters reproduce the published lid-1 maxima to the cent', () => {
  const d = '2026-01-01' as Datum
  for (const leefsituatie of LEEFSITUATIES) {
    const invoer = { peildatum: d, leefsituatie, woonadresBekend: true, bijstand: false, inkomenPerMaandCent: 0, belastbaarJaarinkomenCent: 0 } as never
    const x = lettersOp(invoer, beslagvrijeVoetParameters)
    assert.equal(x.stelsel, 2026)
    const afbouw = leefsituatie === 'alleenstaande' ? x.F : x.G
    const cStar = (12 * x.H) / afbouw + x.minimumInkomensijkpunt
    const gehuwd = leefsituatie.startsWith('gehuwd')
    const norm = bijstandsnormParameters.op(gehuwd ? 'bijstandsnorm.gehuwden' : 'bijstandsnorm.alleenstaande', d).waarde / 100
    const zorg = Math.min(((cStar - x.D) / 12) * x.E, x.zorgPlafond)
    const huur = Math.min(((cStar - x.minimumInkomensijkpunt) * afbouw) / 12, x.H - x.J)
    const kgb = leefsituatie === 'alleenstaande-ouder' ? ((cStar - x.D) / 12) * x.K : leefsituatie === 'gehuwd-met-kinderen' ? ((cStar - (x.D + x.L)) / 12) * x.K : 0
    const berekend = Math.round((0.95 * norm + zorg + huur + kgb) * 100)
    assert.equal(berekend, beslagvrijeVoetParameters.op(`maximum.${leefsituatie}`, d).waarde, leefsituatie)
  }
})
