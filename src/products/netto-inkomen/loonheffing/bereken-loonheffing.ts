import { cent, multiply, type Cent, type Datum } from '../../../core/index.js'
import { gebruikt, geenSpoor, nieuwSpoor, type GebruikteParameter, type GeldendeWaarde, type ParameterRegister, type Spoor, type Stap } from '../../../platform/rules/index.js'
import { loonheffingParameters } from './parameters.js'
import {
  factorAlsProcent, factorUitBasispunten, factorUitTekst, maal, max0, maxBig, minBig, naarEuroOmhoog, naarEuroOmlaag,
  TEL_NOEMER, type Factor,
} from './rekenen.js'

/** Who the table column is for: below the AOW age, or at/above it (born in 1946 or later, or before 1946). */
export type Leeftijdsgroep = 'jonger-dan-aow' | 'aow-geboren-1946-of-later' | 'aow-geboren-voor-1946'
export const LEEFTIJDSGROEPEN: readonly Leeftijdsgroep[] = ['jonger-dan-aow', 'aow-geboren-1946-of-later', 'aow-geboren-voor-1946']

/** One wage in the tijdvak maand, white table (loon uit tegenwoordige dienstbetrekking). */
export interface LoonheffingInvoer {
  readonly peildatum: Datum
  /** Loon voor de loonheffing in the month (integer cents). */
  readonly loonPerMaandCent: Cent
  /** Whether the employee asked this employer to apply the loonheffingskorting. */
  readonly loonheffingskorting: boolean
  readonly leeftijdsgroep: Leeftijdsgroep
  /** Only for the AOW groups: the alleenstaande ouderenkorting is part of the loonheffingskorting. */
  readonly alleenstaandeOuderenkorting?: boolean | undefined
}

export interface LoonheffingUitkomst {
  /** The wage rounded down to the table row (a multiple of the table step). */
  readonly tabelloonCent: Cent
  readonly jaarloonCent: Cent
  /** Loonbelasting/premie volksverzekeringen per month for the given choice of loonheffingskorting. */
  readonly loonheffingPerMaandCent: Cent
  readonly zonderLoonheffingskortingPerMaandCent: Cent
  readonly metLoonheffingskortingPerMaandCent: Cent
  /** The part of the arbeidskorting actually set off, per month (the table's "verrekende arbeidskorting"). */
  readonly verrekendeArbeidskortingPerMaandCent: Cent
  /**
   * `tabel`: the method reproduces the published white monthly table (tested row by row). `benadering`: the AOW
   * columns, whose heffingskortingen are derived from the statute but not reproduced to the cent in every row.
   */
  readonly nauwkeurigheid: 'tabel' | 'benadering'
  readonly alleParametersGeverifieerd: boolean
  readonly berekening: readonly Stap[]
}

export interface LoonheffingOpties {
  readonly spoor?: boolean
  readonly parameters?: ParameterRegister
}

const RV = 'rekenvoorschrift witte maandtabel (afgeleid uit en getoetst aan de gepubliceerde tabelwaarden)'

/**
 * The loonbelasting/premie volksverzekeringen of the white monthly table for one wage, by the rekenvoorschrift steps:
 * the wage is rounded down to its table row, annualised (× 12), taxed per schijf (each schijf rounded down to whole
 * euros), reduced by the heffingskortingen (each rounded up to whole euros) when the loonheffingskorting applies, and
 * divided back by 12 (rounded to cents). Every step, parameter and rounding is in the trace.
 *
 * Below the AOW age the method reproduces the Belastingdienst's published white monthly tables 2022–2026 (the case
 * file holds the rows it is tested against). For the AOW columns the heffingskortingen are split by art. 8.3–8.7 Wet IB
 * 2001; the result is marked `benadering` because the rekenvoorschrift's own rounding of those split amounts was not
 * available: 48 of the 59 tested AOW rows are exact (every row of 2022, 2025 and 2026), the others differ by 8 or 9 cents a month.
 */
export function berekenLoonheffing(invoer: LoonheffingInvoer, opties: LoonheffingOpties = {}): LoonheffingUitkomst {
  const reg = opties.parameters ?? loonheffingParameters
  const spoor = opties.spoor === false ? geenSpoor() : nieuwSpoor()
  const { peildatum, leeftijdsgroep } = invoer
  const aow = leeftijdsgroep !== 'jonger-dan-aow'
  let geverifieerd = true
  const op = <T extends number | string>(naam: string): GeldendeWaarde<T> => {
    const w = reg.op<T>(naam, peildatum)
    geverifieerd &&= w.geverifieerd
    return w
  }
  const g = (w: GeldendeWaarde<number | string>): GebruikteParameter => gebruikt(w)

  // 1. Tabelloon: the wage rounded down to the table row.
  const stap = op<number>('tabel.stap-maand')
  const loon = BigInt(invoer.loonPerMaandCent)
  const tabelloon = (loon / BigInt(stap.waarde)) * BigInt(stap.waarde)
  spoor.stap({
    id: 'tabelloon', wat: 'Het maandloon naar beneden afgerond op de regel van de witte maandtabel', grondslag: RV,
    formule: 'loon − (loon mod tabelstap)', invoer: { loonPerMaandCent: invoer.loonPerMaandCent }, parameters: [g(stap)],
    afronding: { wijze: 'naar-beneden', toelichting: 'elke tabelregel geldt voor lonen vanaf het tabelloon tot het volgende tabelloon' },
    bedragCent: Number(tabelloon),
  })

  // 2. Jaarloon.
  const jaarloon = tabelloon * 12n
  spoor.stap({
    id: 'jaarloon', wat: 'Het tabelloon herleid tot een jaarloon', grondslag: `${RV}; art. 25 Wet op de loonbelasting 1964 (tijdvak maand)`,
    formule: 'tabelloon × 12', invoer: { tabelloonCent: Number(tabelloon) }, parameters: [], bedragCent: Number(jaarloon),
  })

  // 3. Schijven: belasting plus premie volksverzekeringen, each schijf rounded down to whole euros.
  const grens1 = op<number>(leeftijdsgroep === 'aow-geboren-voor-1946' ? 'tarief.schijf1-grens-geboren-voor-1946' : 'tarief.schijf1-grens')
  const grens2 = op<number>('tarief.schijf2-grens')
  const belasting1 = op<number>('tarief.belasting-schijf1')
  const pAow = op<number>('premie.aow')
  const pAnw = op<number>('premie.anw')
  const pWlz = op<number>('premie.wlz')
  const t2 = op<number>('tarief.schijf2')
  const t3 = op<number>('tarief.schijf3')
  const gecombineerd = belasting1.waarde + pAow.waarde + pAnw.waarde + pWlz.waarde
  const tarief1 = aow ? gecombineerd - pAow.waarde : gecombineerd
  const schijven: Array<{ id: string; van: bigint; tot: bigint | undefined; bp: number; params: GebruikteParameter[]; wat: string }> = [
    { id: 'schijf-1', van: 0n, tot: BigInt(grens1.waarde), bp: tarief1, params: [g(grens1), g(belasting1), ...(aow ? [] : [g(pAow)]), g(pAnw), g(pWlz)],
      wat: aow ? 'Eerste schijf: belasting plus premies Anw en Wlz (geen AOW-premie vanaf de AOW-leeftijd)' : 'Eerste schijf: belasting plus premies AOW, Anw en Wlz' },
    { id: 'schijf-2', van: BigInt(grens1.waarde), tot: BigInt(grens2.waarde), bp: t2.waarde, params: [g(grens1), g(grens2), g(t2)], wat: 'Tweede schijf' },
    { id: 'schijf-3', van: BigInt(grens2.waarde), tot: undefined, bp: t3.waarde, params: [g(grens2), g(t3)], wat: 'Derde schijf' },
  ]
  let heffing = 0n
  for (const s of schijven) {
    const deel = max0(minBig(jaarloon, s.tot ?? jaarloon) - s.van)
    const euro = naarEuroOmlaag(maal(deel, factorUitBasispunten(s.bp)))
    heffing += euro
    if (spoor.actief) spoor.stap({
      id: s.id, wat: `${s.wat}: ${bpProcent(s.bp)} over het deel van het jaarloon in deze schijf`,
      grondslag: `art. ${leeftijdsgroep === 'aow-geboren-voor-1946' ? '2.10a' : '2.10'} Wet IB 2001; art. 8 lid 3 en art. 10 Wfsv; ${RV}`,
      formule: `${bpProcent(s.bp)} × deel jaarloon in schijf`, invoer: { deelJaarloonCent: Number(deel) }, parameters: s.params,
      afronding: { wijze: 'naar-beneden', toelichting: 'per schijf op hele euro’s' }, bedragCent: Number(euro * 100n),
    })
  }
  spoor.stap({
    id: 'heffing-jaar', wat: 'Loonbelasting/premie volksverzekeringen per jaar zonder heffingskortingen', grondslag: RV,
    formule: 'som van de schijven', invoer: {}, parameters: [], bedragCent: Number(heffing * 100n),
  })

  // 4. Heffingskortingen (each rounded up to whole euros), only when the loonheffingskorting applies.
  const k = kortingen(jaarloon, leeftijdsgroep, invoer.alleenstaandeOuderenkorting === true, gecombineerd, pAow.waarde, op, g, spoor, invoer.loonheffingskorting)
  const kortingTotaal = k.ahk + k.ak + k.ouderen + k.alleenstaandeOuderen
  const metKorting = max0(heffing - kortingTotaal)
  const verrekendeAk = minBig(k.ak, max0(heffing - k.ahk - k.ouderen - k.alleenstaandeOuderen))
  if (invoer.loonheffingskorting) {
    spoor.stap({
      id: 'heffing-na-kortingen', wat: 'Loonheffing per jaar na aftrek van de heffingskortingen (niet lager dan nul)',
      grondslag: 'art. 22a Wet op de loonbelasting 1964 (loonheffingskorting); art. 8.8 Wet IB 2001', formule: 'max(0, heffing − kortingen)',
      invoer: { heffingCent: Number(heffing * 100n), kortingenCent: Number(kortingTotaal * 100n) }, parameters: [], bedragCent: Number(metKorting * 100n),
    })
  }

  // 5. Back to the month: the annual amount divided by 12, rounded to cents.
  const perMaand = (euroJaar: bigint) => multiply(cent(Number(euroJaar * 100n)), 1, 12, 'rekenkundig')
  const zonder = perMaand(heffing)
  const met = perMaand(metKorting)
  const loonheffing = invoer.loonheffingskorting ? met : zonder
  spoor.stap({
    id: 'loonheffing-maand', wat: `Loonheffing per maand ${invoer.loonheffingskorting ? 'met' : 'zonder'} loonheffingskorting`, grondslag: RV,
    formule: 'jaarbedrag / 12', invoer: { jaarbedragCent: Number((invoer.loonheffingskorting ? metKorting : heffing) * 100n) }, parameters: [],
    afronding: { wijze: 'rekenkundig', toelichting: 'op hele centen, zoals de tabelbedragen' }, bedragCent: loonheffing,
  })

  return {
    tabelloonCent: cent(Number(tabelloon)),
    jaarloonCent: cent(Number(jaarloon)),
    loonheffingPerMaandCent: loonheffing,
    zonderLoonheffingskortingPerMaandCent: zonder,
    metLoonheffingskortingPerMaandCent: met,
    verrekendeArbeidskortingPerMaandCent: perMaand(verrekendeAk),
    nauwkeurigheid: aow ? 'benadering' : 'tabel',
    alleParametersGeverifieerd: geverifieerd,
    berekening: spoor.stappen(),
  }
}

const PROCENT = new Intl.NumberFormat('nl-NL', { minimumFractionDigits: 2, maximumFractionDigits: 2 })
const bpProcent = (bp: number) => `${PROCENT.format(bp / 100)} %`

interface Kortingen { ahk: bigint; ak: bigint; ouderen: bigint; alleenstaandeOuderen: bigint }

/**
 * From the AOW age the AOW part of the algemene heffingskorting and the arbeidskorting falls away (art. 8.3–8.6 Wet IB
 * 2001 split each korting over belasting and premies in proportion to the schijf-1 percentages; art. 12 Wfsv grants
 * the AOW part only to whom pays AOW premium). The percentages of art. 8.10/8.11 are scaled by
 * (gecombineerd − AOW) / gecombineerd and rounded to three decimals; the algemene heffingskorting maximum is scaled,
 * rounded to whole euros and raised by € 1 (an empirical rule, see below); the arbeidskorting maxima follow the scaled
 * line (first maximum rounded, the next two rounded up at each knik). This is Knooppunt's reconstruction (the
 * rekenvoorschrift's own AOW parameters were not available): it reproduces most, not all, published AOW table rows —
 * hence `nauwkeurigheid: 'benadering'`.
 */
function afgeleid(aow: boolean, teller: bigint, noemer: bigint) {
  return {
    factor: (fa: Factor): Factor => (aow ? { teller: (fa.teller * teller * 2n + noemer) / (2n * noemer) } : fa),
    /** Exact share (units of 1/100000 cent, truncated) without rounding. */
    deel: (eenheden: bigint): bigint => (aow ? (eenheden * teller) / noemer : eenheden),
  }
}

/**
 * The heffingskortingen in whole euros for the jaarloon: algemene heffingskorting (art. 8.10) and arbeidskorting
 * (art. 8.11), from the AOW age without their AOW part (see `afgeleid`) and with the ouderenkorting (art. 8.17) and,
 * if applicable, the alleenstaande ouderenkorting (art. 8.18), which have no AOW part (art. 8.7). Each korting is
 * rounded up to whole euros, as the published table values show.
 */
function kortingen(
  jaarloon: bigint, groep: Leeftijdsgroep, alleenstaand: boolean, gecombineerdBp: number, aowBp: number,
  op: <T extends number | string>(naam: string) => GeldendeWaarde<T>, g: (w: GeldendeWaarde<number | string>) => GebruikteParameter,
  spoor: Spoor, toepassen: boolean,
): Kortingen {
  const aow = groep !== 'jonger-dan-aow'
  const d = afgeleid(aow, BigInt(gecombineerdBp - aowBp), BigInt(gecombineerdBp))
  const euroOmhoog = (e: bigint) => naarEuroOmhoog(maxBig(e, 0n))
  const stapKorting = (id: string, wat: string, grondslag: string, formule: string, params: GebruikteParameter[], euro: bigint) => {
    if (!toepassen || !spoor.actief) return
    spoor.stap({
      id, wat, grondslag, formule, invoer: { jaarloonCent: Number(jaarloon) }, parameters: params,
      afronding: { wijze: 'naar-boven', toelichting: 'op hele euro’s (zoals de gepubliceerde tabelwaarden laten zien)' }, bedragCent: Number(euro * 100n),
    })
  }
  const aowGrondslag = aow ? '; art. 8.3–8.6 Wet IB 2001 en art. 12 Wfsv: zonder het AOW-deel' : ''
  const aowFormule = aow ? `; afbouwpercentage × ${gecombineerdBp - aowBp}/${gecombineerdBp} (op drie decimalen), maximum × ${gecombineerdBp - aowBp}/${gecombineerdBp} afgerond op euro’s + € 1 (empirisch)` : ''

  // Algemene heffingskorting, art. 8.10 lid 2.
  const ahkMax = op<number>('ahk.maximum')
  const ahkGrens = op<number>('ahk.afbouwgrens')
  const ahkPct = op<string>('ahk.afbouwpercentage')
  const ahkF = d.factor(factorUitTekst(ahkPct.waarde))
  // From the AOW age: the scaled maximum rounded to whole euros plus € 1. An empirical rule: it is the one rounding that
  // reproduces the published AOW columns of all five years 2022–2026 (plain rounding up is one euro short in 2023 and
  // 2025); the rekenvoorschrift's own derivation was not available.
  const ahkM = aow ? ((d.deel(BigInt(ahkMax.waarde) * TEL_NOEMER) * 2n + TEL_NOEMER * 100n) / (TEL_NOEMER * 200n) + 1n) * 100n : BigInt(ahkMax.waarde)
  const ahk = euroOmhoog(ahkM * TEL_NOEMER - maal(max0(jaarloon - BigInt(ahkGrens.waarde)), ahkF))
  if (spoor.actief) stapKorting('algemene-heffingskorting', `Algemene heffingskorting: maximum, verminderd met ${factorAlsProcent(ahkF)} van het jaarloon boven de afbouwgrens`,
    `art. 8.10 lid 2 Wet IB 2001${aowGrondslag}`, `max(0, maximum − afbouwpercentage × (jaarloon − afbouwgrens))${aowFormule}`, [g(ahkMax), g(ahkGrens), g(ahkPct)], ahk)

  // Arbeidskorting, art. 8.11 lid 2 onder a–d.
  const names = ['ak.percentage-a', 'ak.maximum-a', 'ak.grens-b', 'ak.percentage-b', 'ak.maximum-b', 'ak.grens-c', 'ak.percentage-c', 'ak.maximum', 'ak.afbouwgrens', 'ak.afbouwpercentage'] as const
  type N = (typeof names)[number]
  const w = Object.fromEntries(names.map(n => [n, op<number | string>(n)])) as Record<N, GeldendeWaarde<number | string>>
  const f = (n: N): Factor => d.factor(factorUitTekst(String(w[n].waarde)))
  const c = (n: N): bigint => BigInt(w[n].waarde) * TEL_NOEMER
  const boven = (n: N) => max0(jaarloon - BigInt(w[n].waarde))
  // From the AOW age the three maxima follow the scaled percentages along the line (each knik rounded to whole euros):
  // this reproduces the published AOW columns better than scaling each maximum on its own (see `afgeleid`).
  let A1 = c('ak.maximum-a'), A2 = c('ak.maximum-b'), A3 = c('ak.maximum')
  if (aow) {
    const euroRond = (u: bigint) => ((u * 2n + TEL_NOEMER * 100n) / (TEL_NOEMER * 200n)) * 100n * TEL_NOEMER
    const euroOp = (u: bigint) => naarEuroOmhoog(u) * 100n * TEL_NOEMER
    const span = (van: N, tot: N) => BigInt(w[tot].waarde) - BigInt(w[van].waarde)
    A1 = euroRond(d.deel(BigInt(w['ak.maximum-a'].waarde) * TEL_NOEMER))
    A2 = euroOp(A1 + maal(span('ak.grens-b', 'ak.grens-c'), f('ak.percentage-b')))
    A3 = euroOp(A2 + maal(span('ak.grens-c', 'ak.afbouwgrens'), f('ak.percentage-c')))
  }
  const a = minBig(maal(jaarloon, f('ak.percentage-a')), A1)
  const ab = minBig(a + maal(boven('ak.grens-b'), f('ak.percentage-b')), A2)
  const abc = minBig(ab + maal(boven('ak.grens-c'), f('ak.percentage-c')), A3)
  const ak = euroOmhoog(abc - maal(boven('ak.afbouwgrens'), f('ak.afbouwpercentage')))
  stapKorting('arbeidskorting', 'Arbeidskorting: opbouw in drie delen tot het maximum, daarna afbouw boven de afbouwgrens',
    `art. 8.11 lid 2 onder a–d Wet IB 2001${aowGrondslag}`,
    `max(0, min(min(min(a × loon, max a) + b × (loon − grens b), max a+b) + c × (loon − grens c), maximum) − d × (loon − afbouwgrens))${aow ? `; percentages × ${gecombineerdBp - aowBp}/${gecombineerdBp} (op drie decimalen); max a idem (op euro’s), max a+b = max a + b × (grens c − grens b) en maximum = max a+b + c × (afbouwgrens − grens c), elk naar boven op euro’s` : ''}`,
    names.map(n => g(w[n])), ak)

  let ouderen = 0n
  let alleenstaandeOuderen = 0n
  if (aow) {
    const okMax = op<number>('ouderenkorting.maximum')
    const okGrens = op<number>('ouderenkorting.afbouwgrens')
    const okPct = op<string>('ouderenkorting.afbouwpercentage')
    ouderen = euroOmhoog(BigInt(okMax.waarde) * TEL_NOEMER - maal(max0(jaarloon - BigInt(okGrens.waarde)), factorUitTekst(okPct.waarde)))
    stapKorting('ouderenkorting', 'Ouderenkorting: maximum, verminderd met 15 % van het jaarloon boven de afbouwgrens (volledig, zonder AOW-deel)',
      'art. 8.17 lid 2 en art. 8.7 Wet IB 2001', 'max(0, maximum − 15 % × (jaarloon − afbouwgrens))', [g(okMax), g(okGrens), g(okPct)], ouderen)
    if (alleenstaand) {
      const aok = op<number>('alleenstaande-ouderenkorting')
      alleenstaandeOuderen = BigInt(aok.waarde) / 100n
      stapKorting('alleenstaande-ouderenkorting', 'Alleenstaande ouderenkorting', 'art. 8.18 lid 2 en art. 8.7 Wet IB 2001', 'vast bedrag', [g(aok)], alleenstaandeOuderen)
    }
  }
  return { ahk, ak, ouderen, alleenstaandeOuderen }
}
