import { cent, type Cent } from '../../core/index.js'
import { gebruikt, type GeldendeWaarde, type ParameterRegister, type Spoor } from '../../platform/rules/index.js'
import type { BeslagvrijeVoetInvoer } from './beslagvrije-voet-invoer.js'

/** The letters of art. 475da lid 2 Rv on a peildatum, as numbers in euros (C excepted: that is input). */
export interface Letters {
  readonly D: number
  readonly E: number
  readonly F: number
  readonly G: number
  readonly H: number
  readonly I: number
  readonly J: number
  readonly K: number
  readonly L: number
  /** Lid 3: the cap on the zorgtoeslag term for this leefsituatie, in euros per month. Letters the leefsituatie's formula does not use are NaN. */
  readonly zorgPlafond: number
  readonly gebruikt: readonly GeldendeWaarde<number | string>[]
}

/**
 * Looks up the letters of lid 2 that the formula for the leefsituatie uses (F and G for an alleenstaande, H and I
 * otherwise; K only with children, L only for gehuwden met kinderen) and the lid-3 cap. Refuses with
 * `regels.parameter-onbekend` naming the first letter without a value on the peildatum — never an older value, never a
 * guess. Letters the formula does not use are not looked up (a missing F for 2025 does not block a gehuwde).
 *
 * Lid 3 caps the zorgtoeslag term at the standaardpremie per month minus the art. 23 lid 2 PW amount for the
 * leefsituatie. For gehuwden the published lid-1 maxima (reproduced via lid 8) are only met with twice the
 * standaardpremie, as art. 2 lid 1 Wzt counts it for a verzekerde with a partner; that reading is used here.
 */
export function lettersOp(invoer: BeslagvrijeVoetInvoer, p: ParameterRegister): Letters {
  const d = invoer.peildatum
  const l = invoer.leefsituatie
  const gehuwd = l.startsWith('gehuwd')
  const eenpersoons = l === 'alleenstaande'
  const gebruikt: GeldendeWaarde<number | string>[] = []
  const letter = (naam: string) => {
    const w = p.op<string>(naam, d)
    gebruikt.push(w)
    return Number(w.waarde)
  }
  const D = letter('formule.D-drempelinkomen')
  const E = letter('formule.E-zorgtoeslagpercentage')
  // The 2026 woonkosten term (I × (F/12) or H − J) uses F to I for every leefsituatie.
  const stelsel2026 = d >= '2026-01-01'
  const [F, G] = eenpersoons || stelsel2026 ? [letter('formule.F-normhuurfactor-a-eenpersoons'), letter('formule.G-normhuurfactor-b-eenpersoons')] : [Number.NaN, Number.NaN]
  const [H, I] = !eenpersoons || stelsel2026 ? [letter('formule.H-normhuurfactor-a-meerpersoons'), letter('formule.I-normhuurfactor-b-meerpersoons')] : [Number.NaN, Number.NaN]
  const J = letter('formule.J-normhuur-minimum')
  const K = l === 'alleenstaande-ouder' || l === 'gehuwd-met-kinderen' ? letter('formule.K-kgb-afbouwpercentage') : Number.NaN
  const L = l === 'gehuwd-met-kinderen' ? letter('formule.L-kgb-verhoging-partners') : Number.NaN
  const S = p.op<number>('formule.lid3-standaardpremie', d)
  const X = p.op<number>(gehuwd ? 'formule.lid3-art23-lid2.gehuwden' : 'formule.lid3-art23-lid2.alleenstaande', d)
  gebruikt.push(S, X)
  const zorgPlafond = ((gehuwd ? 2 : 1) * S.waarde) / 1200 - X.waarde / 100
  return { D, E, F, G, H, I, J, K, L, zorgPlafond, gebruikt }
}

/**
 * Art. 475da lid 2 Rv (with lid 3 on the zorgtoeslag term and lid 1 as ceiling). The statute formula works in euros
 * with decimal factors; the result is rounded once, to whole cents, at the end.
 *
 * - zorgtoeslag term: ((C − D) / 12) × E, at least 0, at most the lid-3 cap;
 * - huurtoeslag term: (F × C² + G × C) − J for an alleenstaande, (H × C² + I × C) − J otherwise, at least 0 (below the
 *   minimum-inkomensijkpunt the normhuur is J itself, art. 19 lid 1 Wht);
 * - kindgebonden-budget term: ((C − D) / 12) × K (alleenstaande ouder) or ((C − (D + L)) / 12) × K (gehuwden met
 *   kinderen), at least 0.
 */
export function formuleLid2(invoer: BeslagvrijeVoetInvoer, maximum: Cent, p: ParameterRegister, bn: ParameterRegister, spoor: Spoor) {
  const d = invoer.peildatum
  const letters = lettersOp(invoer, p)
  const { D, E, F, G, H, I, J, K, L } = letters
  const gehuwd = invoer.leefsituatie.startsWith('gehuwd')
  const basis = bn.op(gehuwd ? 'bijstandsnorm.gehuwden' : 'bijstandsnorm.alleenstaande', d)
  const C = (invoer.belastbaarJaarinkomenCent + (invoer.partnerBelastbaarJaarinkomenCent ?? 0)) / 100
  const eenpersoons = invoer.leefsituatie === 'alleenstaande'
  const zorg = Math.min(Math.max(0, ((C - D) / 12) * E), letters.zorgPlafond)
  // From 2026 the woonkosten term is redefined (huurtoeslag reform): I × (F/12) resp. I × (G/12), or H − J if lower.
  // No 2026 letter values are stored, so this branch is only reached once they are. Caution before storing them: the
  // 2026 text (lid 8 and 9) makes I × (F/12) grow with the income, so I (or F) depends on C — read against the
  // published 2026 maxima, I = C minus the minimum-inkomensijkpunt and F, G = the afbouwpercentages of art. 21 lid 2
  // Wht (27 % / 22 %) fit; this branch still treats every letter as a constant and must change with them.
  const huur = d >= '2026-01-01'
    ? Math.max(0, Math.min(I * ((eenpersoons ? F : G) / 12), H - J))
    : Math.max(0, (eenpersoons ? F * C * C + G * C : H * C * C + I * C) - J)
  const kgb = invoer.leefsituatie === 'alleenstaande-ouder' ? Math.max(0, ((C - D) / 12) * K)
    : invoer.leefsituatie === 'gehuwd-met-kinderen' ? Math.max(0, ((C - (D + L)) / 12) * K) : 0
  const euro = 0.95 * (basis.waarde / 100) + zorg + huur + kgb
  const formule = cent(Math.round(euro * 100))
  const bedrag = Math.min(formule, maximum) as Cent
  const alle = [basis, ...letters.gebruikt] as GeldendeWaarde<number | string>[]
  if (spoor.actief) {
    spoor.stap({
      id: '475da-lid-2', wat: 'Beslagvrije voet volgens de formule, ten hoogste het maximum van lid 1', grondslag: 'art. 475da lid 1, 2 en 3 Rv',
      formule: '95 % × norm + min(((C − D) / 12) × E, standaardpremie/12 − bedrag art. 23 lid 2 PW) + (normhuur(C) − J) (+ ((C − D of D + L) / 12) × K)',
      invoer: { C, zorgtoeslagdeel: rond(zorg), huurtoeslagdeel: rond(huur), kindgebondenBudgetdeel: rond(kgb), formuleCent: formule },
      parameters: alle.map(gebruikt), afronding: { wijze: 'rekenkundig', toelichting: 'eenmaal op hele centen na de formule; tussenuitkomsten onafgerond' }, bedragCent: bedrag,
    })
  }
  return { bedrag, geverifieerd: alle.every(w => w.geverifieerd) }
}

const rond = (x: number) => Math.round(x * 10000) / 10000
