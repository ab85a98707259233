import { cent, type Cent } from '../../core/index.js'
import { gebruikt, type GeldendeWaarde, type ParameterRegister, type Spoor } from '../../platform/rules/index.js'
import type { BeslagvrijeVoetInvoer } from './beslagvrije-voet-invoer.js'

/** The letters of art. 475da lid 2 Rv on a peildatum, as numbers in euros (C excepted: that is input). */
export interface Letters {
  /** Which text of lid 2 applies: the normhuur formula (until 2025) or the huurtoeslag reform text (from 2026-01-01). */
  readonly stelsel: 2022 | 2026
  readonly D: number
  readonly E: number
  /** Until 2025: normhuur factors a, b (eenpersoons). From 2026: F, G = afbouwpercentages eenpersoons / meerpersoons. */
  readonly F: number
  readonly G: number
  /** Until 2025: normhuur factors a, b (meerpersoons). From 2026: H = maximale rekenhuur (art. 13 lid 1 onder a Wht). */
  readonly H: number
  /** Until 2025: normhuur factor b (meerpersoons). From 2026: C minus the minimum-inkomensijkpunt (depends on C). */
  readonly I: number
  /** Until 2025: normhuur at the minimum-inkomensijkpunt. From 2026: the basishuur (art. 16 Wht) for the household. */
  readonly J: number
  readonly K: number
  readonly L: number
  /** From 2026: the minimum-inkomensijkpunt (art. 17 lid 1 Wht) for the household type; NaN before. */
  readonly minimumInkomensijkpunt: number
  /** Lid 3: the cap on the zorgtoeslag term for this leefsituatie, in euros per month. Letters the leefsituatie's formula does not use are NaN. */
  readonly zorgPlafond: number
  readonly gebruikt: readonly GeldendeWaarde<number | string>[]
  /** Whether every value in `gebruikt` is verified (computed once with the letters). */
  readonly alleGeverifieerd: boolean
}

/**
 * Looks up the letters of lid 2 that the formula for the leefsituatie uses and the lid-3 cap. Refuses with
 * `regels.parameter-onbekend` naming the first letter without a value on the peildatum — never an older value, never a
 * guess. Letters the formula does not use are not looked up (a missing F for 2025 does not block a gehuwde).
 *
 * Until 2025 (normhuur formula): F and G for an alleenstaande, H and I otherwise; K only with children, L only for
 * gehuwden met kinderen.
 *
 * From 2026-01-01 (text read in the version 2026-01-01, "Hierbij staat …"): F / G = the afbouwpercentage for an een- /
 * meerpersoonshuishouden (art. 21 lid 2 Wht) — F in onder a (alleenstaande), G in onder b–d; H = the maximale
 * rekenhuur (art. 13 lid 1 onder a Wht); I = C minus the minimum-inkomensijkpunt (art. 17 lid 1 Wht), taken for the
 * household type whose afbouwpercentage the formula uses; J = the basishuur (art. 16 Wht), idem. The household type
 * (eenpersoons only for the alleenstaande) is the reading under which lid 8 reproduces all four published maxima.
 *
 * Lid 3 caps the zorgtoeslag term at the standaardpremie per month minus the art. 23 lid 2 PW amount for the
 * leefsituatie. For gehuwden the published lid-1 maxima (reproduced via lid 8) are only met with twice the
 * standaardpremie, as art. 2 lid 1 Wzt counts it for a verzekerde with a partner; that reading is used here.
 */
export function lettersOp(invoer: BeslagvrijeVoetInvoer, p: ParameterRegister): Letters {
  let perRegister = VASTE_LETTERS.get(p)
  if (!perRegister) VASTE_LETTERS.set(p, (perRegister = new Map()))
  let perDatum = perRegister.get(invoer.peildatum)
  if (!perDatum) {
    if (perRegister.size >= 4096) perRegister.clear()
    perRegister.set(invoer.peildatum, (perDatum = new Map()))
  }
  let vast = perDatum.get(invoer.leefsituatie)
  if (!vast) {
    vast = Object.freeze(vasteLetters(invoer.peildatum, invoer.leefsituatie, p))
    perDatum.set(invoer.leefsituatie, vast)
  }
  // From 2026 I is C minus the minimum-inkomensijkpunt: the one letter that depends on the debtor.
  return vast.stelsel === 2026 ? { ...vast, I: jaarinkomenC(invoer) - vast.minimumInkomensijkpunt } : vast
}

/**
 * The letters per (register, peildatum, leefsituatie), looked up once: they do not depend on the debtor (I from 2026
 * excepted, see `lettersOp`). A refusal (a letter without a value) is not remembered: it is thrown again every time.
 */
const VASTE_LETTERS = new WeakMap<ParameterRegister, Map<string, Map<string, Letters>>>()

function vasteLetters(d: BeslagvrijeVoetInvoer['peildatum'], l: BeslagvrijeVoetInvoer['leefsituatie'], p: ParameterRegister): Letters {
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
  const stelsel: 2022 | 2026 = d >= '2026-01-01' ? 2026 : 2022
  let F = Number.NaN, G = Number.NaN, H = Number.NaN, I = Number.NaN, J: number, minimumInkomensijkpunt = Number.NaN
  if (stelsel === 2026) {
    const huishouden = eenpersoons ? 'eenpersoons' : 'meerpersoons'
    if (eenpersoons) F = letter('formule2026.F-afbouwpercentage-eenpersoons')
    else G = letter('formule2026.G-afbouwpercentage-meerpersoons')
    const rekenhuur = p.op<number>('huurtoeslag.rekenhuur-maximum', d)
    gebruikt.push(rekenhuur)
    H = rekenhuur.waarde / 100
    minimumInkomensijkpunt = letter(`formule2026.minimum-inkomensijkpunt.${huishouden}`)
    J = letter(`formule2026.J-basishuur.${huishouden}`)
  } else {
    if (eenpersoons) [F, G] = [letter('formule.F-normhuurfactor-a-eenpersoons'), letter('formule.G-normhuurfactor-b-eenpersoons')]
    else [H, I] = [letter('formule.H-normhuurfactor-a-meerpersoons'), letter('formule.I-normhuurfactor-b-meerpersoons')]
    J = letter('formule.J-normhuur-minimum')
  }
  const K = l === 'alleenstaande-ouder' || l === 'gehuwd-met-kinderen' ? letter('formule.K-kgb-afbouwpercentage') : Number.NaN
  const L = l === 'gehuwd-met-kinderen' ? letter('formule.L-kgb-verhoging-partners') : Number.NaN
  const S = p.op<number>('formule.lid3-standaardpremie', d)
  const X = p.op<number>(gehuwd ? 'formule.lid3-art23-lid2.gehuwden' : 'formule.lid3-art23-lid2.alleenstaande', d)
  gebruikt.push(S, X)
  const zorgPlafond = ((gehuwd ? 2 : 1) * S.waarde) / 1200 - X.waarde / 100
  return { stelsel, D, E, F, G, H, I, J, K, L, minimumInkomensijkpunt, zorgPlafond, gebruikt: Object.freeze(gebruikt), alleGeverifieerd: gebruikt.every(w => w.geverifieerd) }
}

/** C: the belastbaar jaarinkomen of the debtor plus, for gehuwden, the spouse, in euros. */
const jaarinkomenC = (invoer: BeslagvrijeVoetInvoer) => (invoer.belastbaarJaarinkomenCent + (invoer.partnerBelastbaarJaarinkomenCent ?? 0)) / 100

/**
 * Art. 475da lid 2 Rv (with lid 3 on the zorgtoeslag term and lid 1 as ceiling). The statute formula works in euros
 * with decimal factors; the result is rounded once, to whole cents, at the end.
 *
 * - zorgtoeslag term: ((C − D) / 12) × E, at least 0, at most the lid-3 cap (from 2026 the text says D stands for C
 *   when C is below the drempelbedrag, which gives the same 0);
 * - huurtoeslag term until 2025: (F × C² + G × C) − J for an alleenstaande, (H × C² + I × C) − J otherwise, at least 0
 *   (below the minimum-inkomensijkpunt the normhuur is J itself, art. 19 lid 1 Wht);
 * - huurtoeslag term from 2026: I × (F / 12) for an alleenstaande, I × (G / 12) otherwise, "of, als dat minder is,
 *   H − J"; at least 0 (I is negative below the minimum-inkomensijkpunt, where the huurtoeslag is not reduced);
 * - kindgebonden-budget term: ((C − D) / 12) × K (alleenstaande ouder) or ((C − (D + L)) / 12) × K (gehuwden met
 *   kinderen), at least 0.
 */
export function formuleLid2(invoer: BeslagvrijeVoetInvoer, maximum: Cent, p: ParameterRegister, bn: ParameterRegister, spoor: Spoor) {
  const d = invoer.peildatum
  const letters = lettersOp(invoer, p)
  const { D, E, F, G, H, I, J, K, L } = letters
  const gehuwd = invoer.leefsituatie.startsWith('gehuwd')
  const basis = bn.op(gehuwd ? 'bijstandsnorm.gehuwden' : 'bijstandsnorm.alleenstaande', d)
  const C = jaarinkomenC(invoer)
  const eenpersoons = invoer.leefsituatie === 'alleenstaande'
  const zorg = Math.min(Math.max(0, ((C - D) / 12) * E), letters.zorgPlafond)
  const huur = letters.stelsel === 2026
    ? Math.max(0, Math.min(I * ((eenpersoons ? F : G) / 12), H - J))
    : Math.max(0, (eenpersoons ? F * C * C + G * C : H * C * C + I * C) - J)
  const kgb = invoer.leefsituatie === 'alleenstaande-ouder' ? Math.max(0, ((C - D) / 12) * K)
    : invoer.leefsituatie === 'gehuwd-met-kinderen' ? Math.max(0, ((C - (D + L)) / 12) * K) : 0
  const euro = 0.95 * (basis.waarde / 100) + zorg + huur + kgb
  const formule = cent(Math.round(euro * 100))
  const bedrag = Math.min(formule, maximum) as Cent
  if (spoor.actief) {
    const tekst2026 = letters.stelsel === 2026
    spoor.stap({
      id: '475da-lid-2', wat: 'Beslagvrije voet volgens de formule, ten hoogste het maximum van lid 1',
      grondslag: tekst2026 ? 'art. 475da lid 1, 2 en 3 Rv (tekst vanaf 2026-01-01)' : 'art. 475da lid 1, 2 en 3 Rv',
      formule: tekst2026
        ? `95 % × norm + min(((C − D) / 12) × E, standaardpremie/12 − bedrag art. 23 lid 2 PW) + min(I × (${eenpersoons ? 'F' : 'G'} / 12), H − J) met I = C − minimum-inkomensijkpunt (+ ((C − D of D + L) / 12) × K); elk deel ten minste 0`
        : '95 % × norm + min(((C − D) / 12) × E, standaardpremie/12 − bedrag art. 23 lid 2 PW) + (normhuur(C) − J) (+ ((C − D of D + L) / 12) × K)',
      invoer: { C, ...(tekst2026 ? { I: rond(I) } : {}), zorgtoeslagdeel: rond(zorg), huurtoeslagdeel: rond(huur), kindgebondenBudgetdeel: rond(kgb), formuleCent: formule },
      parameters: [basis, ...letters.gebruikt].map(gebruikt), afronding: { wijze: 'rekenkundig', toelichting: 'eenmaal op hele centen na de formule; tussenuitkomsten onafgerond' }, bedragCent: bedrag,
    })
  }
  return { bedrag, geverifieerd: basis.geverifieerd && letters.alleGeverifieerd }
}

const rond = (x: number) => Math.round(x * 10000) / 10000
