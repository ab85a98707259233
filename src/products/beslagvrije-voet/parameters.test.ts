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
  'formule.D-drempelinkomen': 'waarden 2022–2023; vanaf 2024 niet gecontroleerd',
  'formule.E-zorgtoeslagpercentage': 'waarden 2022–2023; vanaf 2024 niet gecontroleerd',
  'formule.F-normhuurfactor-a-eenpersoons': 'waarden 2022–2023; vanaf 2024 niet gecontroleerd',
  'formule.G-normhuurfactor-b-eenpersoons': 'waarden 2022–2023; vanaf 2024 niet gecontroleerd',
  'formule.H-normhuurfactor-a-meerpersoons': 'waarden 2022–2023; vanaf 2024 niet gecontroleerd',
  'formule.I-normhuurfactor-b-meerpersoons': 'waarden 2022–2023; vanaf 2024 niet gecontroleerd',
  'formule.J-normhuur-minimum': 'waarden 2022–2023; vanaf 2024 niet gecontroleerd',
  'formule.K-kgb-afbouwpercentage': 'waarden 2022–2023; vanaf 2024 niet gecontroleerd',
  'formule.L-kgb-verhoging-partners': 'waarden 2022–2023; vanaf 2024 niet gecontroleerd',
  'formule.lid3-standaardpremie': 'waarden 2022–2023; vanaf 2024 niet gecontroleerd',
  'formule.lid3-art23-lid2.alleenstaande': 'waarden 2022–2023; vanaf 2024 niet gecontroleerd',
  'formule.lid3-art23-lid2.gehuwden': 'waarden 2022–2023; vanaf 2024 niet gecontroleerd',
  'huurtoeslag.rekenhuur-maximum': 'waarden 2022–2023; vanaf 2024 niet gecontroleerd',
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

/** Half-years for which every letter of art. 475da lid 2 has a stored value. */
const MET_LETTERS = ['2022-01-01', '2022-07-01', '2023-01-01', '2023-07-01'] as const

/**
 * Art. 475da lid 8 Rv: the lid-1 maxima equal the formula at the income C* where the normhuur (F × C² + G × C resp.
 * H × C² + I × C) equals the rekenhuur of art. 13 lid 1 onder a Wht. Reproducing the published maxima from the stored
 * letters checks the letters (and their mapping) against the statute amounts, which are verified. A 1-cent tolerance
 * where a kgb term enters: the factors a and b are derived (art. 19 lid 2 Wht), not the rounded factors of the
 * ministeriële regeling.
 */
test('art. 475da lid 8: the stored letters reproduce the published lid-1 maxima', () => {
  // Known deviations (cents, berekend − gepubliceerd), kept explicit so any change in the data shows up here. Open
  // points, reported: for the alleenstaande ouder in 2023 the derived factors give 7–8 cents more; for the
  // alleenstaande on 2023-07-01 the zorgtoeslag term at C* stays under the lid-3 cap with D from the July minimum wage,
  // while the published amount assumes the cap (with D from the January minimum wage it would be reached).
  const bekend: Record<string, [number, number]> = {
    '2023-01-01 alleenstaande-ouder': [5, 10], '2023-07-01 alleenstaande-ouder': [5, 10], '2023-07-01 alleenstaande': [-800, -790],
  }
  const tolerantie = (d: string, l: Leefsituatie): [number, number] => bekend[`${d} ${l}`] ?? (l === 'alleenstaande' || l === 'gehuwd-zonder-kinderen' ? [0, 0] : [-1, 1])
  for (const peildatum of MET_LETTERS) {
    const d = peildatum as Datum
    const huurgrens = beslagvrijeVoetParameters.op('huurtoeslag.rekenhuur-maximum', d).waarde / 100
    for (const leefsituatie of LEEFSITUATIES) {
      const invoer = { peildatum: d, leefsituatie, woonadresBekend: true, bijstand: false, inkomenPerMaandCent: 0, belastbaarJaarinkomenCent: 0 } as never
      const x = lettersOp(invoer, beslagvrijeVoetParameters)
      const gehuwd = leefsituatie.startsWith('gehuwd')
      const norm = bijstandsnormParameters.op(gehuwd ? 'bijstandsnorm.gehuwden' : 'bijstandsnorm.alleenstaande', d).waarde / 100
      const [a, b] = leefsituatie === 'alleenstaande' ? [x.F, x.G] : [x.H, x.I]
      const cStar = (-b + Math.sqrt(b * b + 4 * a * huurgrens)) / (2 * a)
      const kgb = leefsituatie === 'alleenstaande-ouder' ? ((cStar - x.D) / 12) * x.K : leefsituatie === 'gehuwd-met-kinderen' ? ((cStar - (x.D + x.L)) / 12) * x.K : 0
      const zorg = Math.min(((cStar - x.D) / 12) * x.E, x.zorgPlafond)
      const berekend = Math.round((0.95 * norm + zorg + (huurgrens - x.J) + kgb) * 100)
      const gepubliceerd = beslagvrijeVoetParameters.op(`maximum.${leefsituatie}`, d).waarde
      const [min, max] = tolerantie(peildatum, leefsituatie)
      assert.ok(berekend - gepubliceerd >= min && berekend - gepubliceerd <= max, `${peildatum} ${leefsituatie}: lid 8 geeft ${berekend}, lid 1 ${gepubliceerd}`)
    }
  }
})
