import { cent, type Cent } from '../../core/index.js'
import { gebruikt, type GeldendeWaarde, type ParameterRegister, type Spoor } from '../../platform/rules/index.js'
import type { BeslagvrijeVoetInvoer } from './beslagvrije-voet-invoer.js'

/**
 * Art. 475da lid 2 Rv (with lid 1 as ceiling and lid 5 on top). The letters D–L are parameters; until verified values
 * exist in the data, the lookups below refuse with `regels.parameter-onbekend` naming the letter, so no amount is ever
 * computed from a guessed letter.
 */
export function formuleLid2(invoer: BeslagvrijeVoetInvoer, maximum: Cent, p: ParameterRegister, bn: ParameterRegister, spoor: Spoor) {
  const d = invoer.peildatum
  const letters = {
    D: p.op<string>('formule.A-B-drempelinkomen-D', d),
    E: p.op<string>('formule.E-zorgtoeslagpercentage', d),
    FG: p.op<string>('formule.F-G-huurtoeslag-eenpersoons', d),
    HI: p.op<string>('formule.H-I-huurtoeslag-meerpersoons', d),
    J: p.op<string>('formule.J-normhuur', d),
    KL: p.op<string>('formule.K-L-kindgebonden-budget', d),
  }
  const gehuwd = invoer.leefsituatie.startsWith('gehuwd')
  const basis = bn.op(gehuwd ? 'bijstandsnorm.gehuwden' : 'bijstandsnorm.alleenstaande', d)
  const C = (invoer.belastbaarJaarinkomenCent + (invoer.partnerBelastbaarJaarinkomenCent ?? 0)) / 100
  const [F, G] = paar(letters.FG), [H, I] = paar(letters.HI), [K, L] = paar(letters.KL)
  const D = Number(letters.D.waarde), E = Number(letters.E.waarde), J = Number(letters.J.waarde)
  const eenpersoons = invoer.leefsituatie === 'alleenstaande'
  const zorg = Math.max(0, ((C - D) / 12) * E)
  // From 2026 the woonkosten term is redefined (huurtoeslag reform): I × (F/12) resp. I × (G/12), or H − J if lower.
  const huur = d >= '2026-01-01'
    ? Math.max(0, Math.min(I * ((eenpersoons ? F : G) / 12), H - J))
    : Math.max(0, (eenpersoons ? F * C * C + G * C : H * C * C + I * C) - J)
  const kgb = invoer.leefsituatie === 'alleenstaande-ouder' ? Math.max(0, ((C - D) / 12) * K)
    : invoer.leefsituatie === 'gehuwd-met-kinderen' ? Math.max(0, ((C - (D + L)) / 12) * K) : 0
  const euro = 0.95 * (basis.waarde / 100) + zorg + huur + kgb
  // The statute formula works in euros with decimal factors: one explicit rounding to cents at the end.
  const formule = cent(Math.round(euro * 100))
  const bedrag = Math.min(formule, maximum) as Cent
  const alle = [basis, ...Object.values(letters)] as GeldendeWaarde<number | string>[]
  spoor.stap({
    id: '475da-lid-2', wat: 'Beslagvrije voet volgens de formule, ten hoogste het maximum van lid 1', grondslag: 'art. 475da lid 2 en 1 Rv',
    formule: '95 % × norm + zorgtoeslagdeel + huurtoeslagdeel (+ kindgebonden-budgetdeel)', invoer: { C, zorg, huur, kgb },
    parameters: alle.map(gebruikt), afronding: { wijze: 'rekenkundig', toelichting: 'eenmaal op hele centen na de formule' }, bedragCent: bedrag,
  })
  return { bedrag, geverifieerd: alle.every(w => w.geverifieerd) }
}

function paar(w: GeldendeWaarde<string>): [number, number] {
  const [a, b] = String(w.waarde).split('/').map(Number)
  return [a ?? NaN, b ?? NaN]
}
