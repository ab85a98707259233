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
  const spoor = opties.spoor === false ? geenSpoor() : nieuwSpoor()
  const { peildatum, leeftijdsgroep } = invoer
  const aow = leeftijdsgroep !== 'jonger-dan-aow'
  const w = new Waarden(opties.parameters ?? loonheffingParameters, peildatum)

  // 1. Tabelloon: the wage rounded down to the table row.
  const stap = w.op<number>('tabel.stap-maand')
  const loon = BigInt(invoer.loonPerMaandCent)
  const tabelloon = (loon / BigInt(stap.waarde)) * BigInt(stap.waarde)
  if (spoor.actief) spoor.stap({
    id: 'tabelloon', wat: 'Het maandloon naar beneden afgerond op de regel van de witte maandtabel', grondslag: RV,
    formule: 'loon − (loon mod tabelstap)', invoer: { loonPerMaandCent: invoer.loonPerMaandCent }, parameters: [gebruikt(stap)],
    afronding: { wijze: 'naar-beneden', toelichting: 'elke tabelregel geldt voor lonen vanaf het tabelloon tot het volgende tabelloon' },
    bedragCent: Number(tabelloon),
  })

  // 2. Jaarloon.
  const jaarloon = tabelloon * 12n
  if (spoor.actief) spoor.stap({
    id: 'jaarloon', wat: 'Het tabelloon herleid tot een jaarloon', grondslag: `${RV}; art. 25 Wet op de loonbelasting 1964 (tijdvak maand)`,
    formule: 'tabelloon × 12', invoer: { tabelloonCent: Number(tabelloon) }, parameters: [], bedragCent: Number(jaarloon),
  })

  // 3. Schijven: belasting plus premie volksverzekeringen, each schijf rounded down to whole euros.
  const grens1 = w.op<number>(leeftijdsgroep === 'aow-geboren-voor-1946' ? 'tarief.schijf1-grens-geboren-voor-1946' : 'tarief.schijf1-grens')
  const grens2 = w.op<number>('tarief.schijf2-grens')
  const belasting1 = w.op<number>('tarief.belasting-schijf1')
  const pAow = w.op<number>('premie.aow')
  const pAnw = w.op<number>('premie.anw')
  const pWlz = w.op<number>('premie.wlz')
  const t2 = w.op<number>('tarief.schijf2')
  const t3 = w.op<number>('tarief.schijf3')
  const gecombineerd = belasting1.waarde + pAow.waarde + pAnw.waarde + pWlz.waarde
  const tarief1 = aow ? gecombineerd - pAow.waarde : gecombineerd
  const g1 = BigInt(grens1.waarde)
  const g2 = BigInt(grens2.waarde)
  const euro1 = schijfEuro(jaarloon, 0n, g1, tarief1)
  const euro2 = schijfEuro(jaarloon, g1, g2, t2.waarde)
  const euro3 = schijfEuro(jaarloon, g2, undefined, t3.waarde)
  const heffing = euro1 + euro2 + euro3
  if (spoor.actief) {
    const schijven = [
      { id: 'schijf-1', van: 0n, tot: g1, bp: tarief1, euro: euro1, params: [gebruikt(grens1), gebruikt(belasting1), ...(aow ? [] : [gebruikt(pAow)]), gebruikt(pAnw), gebruikt(pWlz)],
        wat: aow ? 'Eerste schijf: belasting plus premies Anw en Wlz (geen AOW-premie vanaf de AOW-leeftijd)' : 'Eerste schijf: belasting plus premies AOW, Anw en Wlz' },
      { id: 'schijf-2', van: g1, tot: g2 as bigint | undefined, bp: t2.waarde, euro: euro2, params: [gebruikt(grens1), gebruikt(grens2), gebruikt(t2)], wat: 'Tweede schijf' },
      { id: 'schijf-3', van: g2, tot: undefined, bp: t3.waarde, euro: euro3, params: [gebruikt(grens2), gebruikt(t3)], wat: 'Derde schijf' },
    ]
    for (const sc of schijven) spoor.stap({
      id: sc.id, wat: `${sc.wat}: ${bpProcent(sc.bp)} over het deel van het jaarloon in deze schijf`,
      grondslag: `art. ${leeftijdsgroep === 'aow-geboren-voor-1946' ? '2.10a' : '2.10'} Wet IB 2001; art. 8 lid 3 en art. 10 Wfsv; ${RV}`,
      formule: `${bpProcent(sc.bp)} × deel jaarloon in schijf`, invoer: { deelJaarloonCent: Number(max0(minBig(jaarloon, sc.tot ?? jaarloon) - sc.van)) }, parameters: sc.params,
      afronding: { wijze: 'naar-beneden', toelichting: 'per schijf op hele euro’s' }, bedragCent: Number(sc.euro * 100n),
    })
    spoor.stap({
      id: 'heffing-jaar', wat: 'Loonbelasting/premie volksverzekeringen per jaar zonder heffingskortingen', grondslag: RV,
      formule: 'som van de schijven', invoer: {}, parameters: [], bedragCent: Number(heffing * 100n),
    })
  }

  // 4. Heffingskortingen (each rounded up to whole euros), only when the loonheffingskorting applies.
  const k = kortingen(jaarloon, leeftijdsgroep, invoer.alleenstaandeOuderenkorting === true, gecombineerd, pAow.waarde, w, spoor, invoer.loonheffingskorting)
  const kortingTotaal = k.ahk + k.ak + k.ouderen + k.alleenstaandeOuderen
  const metKorting = max0(heffing - kortingTotaal)
  const verrekendeAk = minBig(k.ak, max0(heffing - k.ahk - k.ouderen - k.alleenstaandeOuderen))
  if (invoer.loonheffingskorting && spoor.actief) {
    spoor.stap({
      id: 'heffing-na-kortingen', wat: 'Loonheffing per jaar na aftrek van de heffingskortingen (niet lager dan nul)',
      grondslag: 'art. 22a Wet op de loonbelasting 1964 (loonheffingskorting); art. 8.8 Wet IB 2001', formule: 'max(0, heffing − kortingen)',
      invoer: { heffingCent: Number(heffing * 100n), kortingenCent: Number(kortingTotaal * 100n) }, parameters: [], bedragCent: Number(metKorting * 100n),
    })
  }

  // 5. Back to the month: the annual amount divided by 12, rounded to cents.
  const zonder = perMaand(heffing)
  const met = perMaand(metKorting)
  const loonheffing = invoer.loonheffingskorting ? met : zonder
  if (spoor.actief) spoor.stap({
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
    alleParametersGeverifieerd: w.geverifieerd,
    berekening: spoor.stappen(),
  }
}

/**
 * The parameter values one calculation uses, each looked up once per peildatum (kept per register; a few dozen dates
 * in practice, bounded all the same), and whether every value used was verified. A date without a value still throws
 * `regels.parameter-onbekend` at the lookup that needs it, exactly as a direct lookup does.
 */
class Waarden {
  geverifieerd = true
  private readonly bekend: Map<string, GeldendeWaarde<number | string>>

  constructor(private readonly reg: ParameterRegister, private readonly peildatum: Datum) {
    let perDatum = CACHE.get(reg)
    if (!perDatum) CACHE.set(reg, (perDatum = new Map()))
    let bekend = perDatum.get(peildatum)
    if (!bekend) {
      if (perDatum.size >= MAX_DATA_IN_CACHE) perDatum.clear()
      perDatum.set(peildatum, (bekend = new Map()))
    }
    this.bekend = bekend
  }

  op<T extends number | string>(naam: string): GeldendeWaarde<T> {
    let waarde = this.bekend.get(naam)
    if (!waarde) {
      waarde = this.reg.op<T>(naam, this.peildatum)
      this.bekend.set(naam, waarde)
    }
    this.geverifieerd &&= waarde.geverifieerd
    return waarde as GeldendeWaarde<T>
  }
}
const CACHE = new WeakMap<ParameterRegister, Map<string, Map<string, GeldendeWaarde<number | string>>>>()
const MAX_DATA_IN_CACHE = 4096

/** The part of the jaarloon in [van, tot) times the tariff in basispunten, rounded down to whole euros. */
function schijfEuro(jaarloon: bigint, van: bigint, tot: bigint | undefined, bp: number): bigint {
  return naarEuroOmlaag(maal(max0(minBig(jaarloon, tot ?? jaarloon) - van), factorUitBasispunten(bp)))
}

/** An annual amount in whole euros → per month in cents, rounded half up. */
function perMaand(euroJaar: bigint): Cent {
  return multiply(cent(Number(euroJaar * 100n)), 1, 12, 'rekenkundig')
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
interface Schaal { readonly aow: boolean; readonly teller: bigint; readonly noemer: bigint }
/** A factor scaled by teller/noemer from the AOW age, rounded half up to whole units (three decimals of a percent). */
const schaalFactor = (sc: Schaal, fa: Factor): Factor => (sc.aow ? { teller: (fa.teller * sc.teller * 2n + sc.noemer) / (2n * sc.noemer) } : fa)
/** Exact share (units of 1/100000 cent, truncated) without rounding. */
const schaalDeel = (sc: Schaal, eenheden: bigint): bigint => (sc.aow ? (eenheden * sc.teller) / sc.noemer : eenheden)
/** Units of 1/100000 cent → whole euros rounded up, never below zero. */
const euroOmhoog = (e: bigint): bigint => naarEuroOmhoog(maxBig(e, 0n))

const AK_NAMEN = ['ak.percentage-a', 'ak.maximum-a', 'ak.grens-b', 'ak.percentage-b', 'ak.maximum-b', 'ak.grens-c', 'ak.percentage-c', 'ak.maximum', 'ak.afbouwgrens', 'ak.afbouwpercentage'] as const

/**
 * The heffingskortingen in whole euros for the jaarloon: algemene heffingskorting (art. 8.10) and arbeidskorting
 * (art. 8.11), from the AOW age without their AOW part (see `Schaal`) and with the ouderenkorting (art. 8.17) and,
 * if applicable, the alleenstaande ouderenkorting (art. 8.18), which have no AOW part (art. 8.7). Each korting is
 * rounded up to whole euros, as the published table values show.
 */
function kortingen(
  jaarloon: bigint, groep: Leeftijdsgroep, alleenstaand: boolean, gecombineerdBp: number, aowBp: number,
  w: Waarden, spoor: Spoor, toepassen: boolean,
): Kortingen {
  const aow = groep !== 'jonger-dan-aow'
  const sc: Schaal = { aow, teller: BigInt(gecombineerdBp - aowBp), noemer: BigInt(gecombineerdBp) }
  const inSpoor = toepassen && spoor.actief
  const stapKorting = (id: string, wat: string, grondslag: string, formule: string, params: GebruikteParameter[], euro: bigint) => spoor.stap({
    id, wat, grondslag, formule, invoer: { jaarloonCent: Number(jaarloon) }, parameters: params,
    afronding: { wijze: 'naar-boven', toelichting: 'op hele euro’s (zoals de gepubliceerde tabelwaarden laten zien)' }, bedragCent: Number(euro * 100n),
  })
  const aowGrondslag = aow ? '; art. 8.3–8.6 Wet IB 2001 en art. 12 Wfsv: zonder het AOW-deel' : ''

  // Algemene heffingskorting, art. 8.10 lid 2.
  const ahkMax = w.op<number>('ahk.maximum')
  const ahkGrens = w.op<number>('ahk.afbouwgrens')
  const ahkPct = w.op<string>('ahk.afbouwpercentage')
  const ahkF = schaalFactor(sc, factorUitTekst(ahkPct.waarde))
  // From the AOW age: the scaled maximum rounded to whole euros plus € 1. An empirical rule: it is the one rounding that
  // reproduces the published AOW columns of all five years 2022–2026 (plain rounding up is one euro short in 2023 and
  // 2025); the rekenvoorschrift's own derivation was not available.
  const ahkM = aow ? ((schaalDeel(sc, BigInt(ahkMax.waarde) * TEL_NOEMER) * 2n + TEL_NOEMER * 100n) / (TEL_NOEMER * 200n) + 1n) * 100n : BigInt(ahkMax.waarde)
  const ahk = euroOmhoog(ahkM * TEL_NOEMER - maal(max0(jaarloon - BigInt(ahkGrens.waarde)), ahkF))
  if (inSpoor) {
    const aowFormule = aow ? `; afbouwpercentage × ${gecombineerdBp - aowBp}/${gecombineerdBp} (op drie decimalen), maximum × ${gecombineerdBp - aowBp}/${gecombineerdBp} afgerond op euro’s + € 1 (empirisch)` : ''
    stapKorting('algemene-heffingskorting', `Algemene heffingskorting: maximum, verminderd met ${factorAlsProcent(ahkF)} van het jaarloon boven de afbouwgrens`,
      `art. 8.10 lid 2 Wet IB 2001${aowGrondslag}`, `max(0, maximum − afbouwpercentage × (jaarloon − afbouwgrens))${aowFormule}`, [gebruikt(ahkMax), gebruikt(ahkGrens), gebruikt(ahkPct)], ahk)
  }

  // Arbeidskorting, art. 8.11 lid 2 onder a–d.
  const pctA = w.op<string>('ak.percentage-a'), maxA = w.op<number>('ak.maximum-a'), grensB = w.op<number>('ak.grens-b'), pctB = w.op<string>('ak.percentage-b')
  const maxB = w.op<number>('ak.maximum-b'), grensC = w.op<number>('ak.grens-c'), pctC = w.op<string>('ak.percentage-c'), maxAk = w.op<number>('ak.maximum')
  const afbouwGrens = w.op<number>('ak.afbouwgrens'), afbouwPct = w.op<string>('ak.afbouwpercentage')
  const fA = schaalFactor(sc, factorUitTekst(pctA.waarde)), fB = schaalFactor(sc, factorUitTekst(pctB.waarde))
  const fC = schaalFactor(sc, factorUitTekst(pctC.waarde)), fD = schaalFactor(sc, factorUitTekst(afbouwPct.waarde))
  // From the AOW age the three maxima follow the scaled percentages along the line (each knik rounded to whole euros):
  // this reproduces the published AOW columns better than scaling each maximum on its own (see `Schaal`).
  let A1 = BigInt(maxA.waarde) * TEL_NOEMER, A2 = BigInt(maxB.waarde) * TEL_NOEMER, A3 = BigInt(maxAk.waarde) * TEL_NOEMER
  if (aow) {
    A1 = ((schaalDeel(sc, BigInt(maxA.waarde) * TEL_NOEMER) * 2n + TEL_NOEMER * 100n) / (TEL_NOEMER * 200n)) * 100n * TEL_NOEMER
    A2 = naarEuroOmhoog(A1 + maal(BigInt(grensC.waarde) - BigInt(grensB.waarde), fB)) * 100n * TEL_NOEMER
    A3 = naarEuroOmhoog(A2 + maal(BigInt(afbouwGrens.waarde) - BigInt(grensC.waarde), fC)) * 100n * TEL_NOEMER
  }
  const a = minBig(maal(jaarloon, fA), A1)
  const ab = minBig(a + maal(max0(jaarloon - BigInt(grensB.waarde)), fB), A2)
  const abc = minBig(ab + maal(max0(jaarloon - BigInt(grensC.waarde)), fC), A3)
  const ak = euroOmhoog(abc - maal(max0(jaarloon - BigInt(afbouwGrens.waarde)), fD))
  if (inSpoor) stapKorting('arbeidskorting', 'Arbeidskorting: opbouw in drie delen tot het maximum, daarna afbouw boven de afbouwgrens',
    `art. 8.11 lid 2 onder a–d Wet IB 2001${aowGrondslag}`,
    `max(0, min(min(min(a × loon, max a) + b × (loon − grens b), max a+b) + c × (loon − grens c), maximum) − d × (loon − afbouwgrens))${aow ? `; percentages × ${gecombineerdBp - aowBp}/${gecombineerdBp} (op drie decimalen); max a idem (op euro’s), max a+b = max a + b × (grens c − grens b) en maximum = max a+b + c × (afbouwgrens − grens c), elk naar boven op euro’s` : ''}`,
    AK_NAMEN.map((n) => gebruikt(w.op(n))), ak)

  let ouderen = 0n
  let alleenstaandeOuderen = 0n
  if (aow) {
    const okMax = w.op<number>('ouderenkorting.maximum')
    const okGrens = w.op<number>('ouderenkorting.afbouwgrens')
    const okPct = w.op<string>('ouderenkorting.afbouwpercentage')
    ouderen = euroOmhoog(BigInt(okMax.waarde) * TEL_NOEMER - maal(max0(jaarloon - BigInt(okGrens.waarde)), factorUitTekst(okPct.waarde)))
    if (inSpoor) stapKorting('ouderenkorting', 'Ouderenkorting: maximum, verminderd met 15 % van het jaarloon boven de afbouwgrens (volledig, zonder AOW-deel)',
      'art. 8.17 lid 2 en art. 8.7 Wet IB 2001', 'max(0, maximum − 15 % × (jaarloon − afbouwgrens))', [gebruikt(okMax), gebruikt(okGrens), gebruikt(okPct)], ouderen)
    if (alleenstaand) {
      const aok = w.op<number>('alleenstaande-ouderenkorting')
      alleenstaandeOuderen = BigInt(aok.waarde) / 100n
      if (inSpoor) stapKorting('alleenstaande-ouderenkorting', 'Alleenstaande ouderenkorting', 'art. 8.18 lid 2 en art. 8.7 Wet IB 2001', 'vast bedrag', [gebruikt(aok)], alleenstaandeOuderen)
    }
  }
  return { ahk, ak, ouderen, alleenstaandeOuderen }
}
