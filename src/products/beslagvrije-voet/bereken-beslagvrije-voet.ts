import { AppError, multiply, type Cent, type Datum } from '../../core/index.js'
import { gebruikt, geenSpoor, nieuwSpoor, type ParameterRegister, type Spoor, type Stap } from '../../platform/rules/index.js'
import { bijstandsnormParameters } from '../bijstandsnormen/index.js'
import type { BeslagvrijeVoetInvoer, Leefsituatie } from './beslagvrije-voet-invoer.js'
import { formuleLid2 } from './formule-lid-2.js'
import { beslagvrijeVoetParameters } from './parameters.js'

/** Which regime of the law produced the amount. */
export type Regime = 'bijstand-475dc-lid-2' | 'inrichting-475e-lid-2' | 'geen-woonadres-475da-lid-4' | 'formule-475da-lid-2'

export interface BeslagvrijeVoetUitkomst {
  readonly beslagvrijeVoetCent: Cent
  /** The lid-1 maximum for the leefsituatie on the peildatum. */
  readonly maximumCent: Cent
  readonly regime: Regime
  /** The increase of art. 475da lid 5 (woonkosten), only when woonkosten were given; 0 when it does not apply. */
  readonly woonkostenverhogingCent?: Cent
  readonly alleParametersGeverifieerd: boolean
  readonly berekening: readonly Stap[]
}

export interface BvvRekenopties {
  readonly spoor?: boolean
  readonly parameters?: ParameterRegister
  readonly bijstandsnormen?: ParameterRegister
}

const gehuwd = (l: Leefsituatie) => l === 'gehuwd-zonder-kinderen' || l === 'gehuwd-met-kinderen'

/**
 * The beslagvrije voet per month (Rv art. 475c–475i): the lid-1 maximum, then the regime that applies — bijstand
 * (475dc lid 2), no woonadres (475da lid 4) or the formula of 475da lid 2 (+ lid 5) — then the reductions of 475db in
 * their order and the 95 %-of-income cap of 475dc lid 1. Every step is recorded with its article and parameters.
 *
 * Throws `regels.parameter-onbekend` naming the parameter when the peildatum has no verified value for something the
 * calculation needs (never an older value).
 */
export function berekenBeslagvrijeVoet(invoer: BeslagvrijeVoetInvoer, opties: BvvRekenopties = {}): BeslagvrijeVoetUitkomst {
  const p = opties.parameters ?? beslagvrijeVoetParameters
  const bn = opties.bijstandsnormen ?? bijstandsnormParameters
  const spoor = opties.spoor === false ? geenSpoor() : nieuwSpoor()
  const { peildatum, leefsituatie } = invoer
  let geverifieerd = true

  const max = p.op(`maximum.${leefsituatie}`, peildatum)
  geverifieerd &&= max.geverifieerd
  const maximum = max.waarde as Cent
  spoor.stap({ id: '475da-lid-1', wat: 'Maximale beslagvrije voet voor deze leefsituatie', grondslag: 'art. 475da lid 1 Rv', invoer: { leefsituatie }, parameters: [gebruikt(max)], bedragCent: maximum })

  if (invoer.bijstand) {
    const r = bijstandRegime(invoer, bn, spoor)
    if (invoer.woonkostenPerMaandCent !== undefined) {
      spoor.stap({ id: '475da-lid-5', wat: 'Geen verhoging voor woonkosten: bij beslag op bijstand geldt art. 475dc lid 2, niet art. 475da', grondslag: 'art. 475dc lid 2 Rv', invoer: { woonkostenPerMaandCent: invoer.woonkostenPerMaandCent }, parameters: [], bedragCent: r.bedrag })
    }
    return { beslagvrijeVoetCent: r.bedrag, maximumCent: maximum, regime: 'bijstand-475dc-lid-2', alleParametersGeverifieerd: geverifieerd && r.geverifieerd, berekening: spoor.stappen() }
  }

  if (invoer.inrichtingVerzorgingsprijsPerMaandCent !== undefined) {
    const r = inrichtingRegime(invoer, p, spoor)
    let bvv = r.bedrag
    if (invoer.peildatum >= '2023-01-01') bvv = verminderingen475db(invoer, bvv, spoor)
    else if (heeftVerminderingen(invoer)) {
      spoor.stap({ id: '475db', wat: 'Geen verminderingen: art. 475db noemde tot en met 2022 alleen de beslagvrije voet van art. 475da, niet die bij verblijf in een inrichting', grondslag: 'art. 475db lid 1 Rv (tekst 2022-01-01 en 2022-07-01)', invoer: {}, parameters: [], bedragCent: bvv })
    }
    spoor.stap({
      id: '475dc-lid-1', wat: 'Geen begrenzing op 95 % van het inkomen: art. 475dc lid 1 noemt alleen de beslagvrije voet volgens art. 475da en 475db, niet die van art. 475e lid 2',
      grondslag: 'art. 475dc lid 1 Rv (letterlijke lezing; zie de beperkingen in het algoritmeregister)', invoer: { inkomenPerMaandCent: invoer.inkomenPerMaandCent }, parameters: [], bedragCent: bvv,
    })
    return { beslagvrijeVoetCent: bvv, maximumCent: maximum, regime: 'inrichting-475e-lid-2', alleParametersGeverifieerd: geverifieerd && r.geverifieerd, berekening: spoor.stappen() }
  }

  let bvv: Cent
  let regime: Regime
  if (!invoer.woonadresBekend) {
    const B = bn.op('bijstandsnorm.gehuwden', peildatum)
    geverifieerd &&= B.geverifieerd
    bvv = multiply(B.waarde as Cent, 475, 1000, 'rekenkundig')
    regime = 'geen-woonadres-475da-lid-4'
    spoor.stap({
      id: '475da-lid-4', wat: 'Geen woonadres in de BRP: 47,5 % van de gehuwdennorm', grondslag: 'art. 475da lid 4 Rv',
      formule: '47,5 % × norm art. 21 onder b PW', invoer: { woonadresBekend: false }, parameters: [gebruikt(B)],
      afronding: { wijze: 'rekenkundig', toelichting: 'op hele centen; de wet schrijft geen afronding voor' }, bedragCent: bvv,
    })
  } else {
    const f = formuleLid2(invoer, maximum, p, bn, spoor)
    geverifieerd &&= f.geverifieerd
    bvv = f.bedrag
    regime = 'formule-475da-lid-2'
  }

  let woonkostenverhoging: Cent | undefined
  if (invoer.woonkostenPerMaandCent !== undefined) {
    const v = verhogingLid5(invoer, bvv, maximum, p, spoor)
    geverifieerd &&= v.geverifieerd
    woonkostenverhoging = v.verhoging
    bvv = (bvv + v.verhoging) as Cent
  }

  bvv = verminderingen475db(invoer, bvv, spoor)
  bvv = plafond475dcLid1(invoer, bvv, spoor)
  return { beslagvrijeVoetCent: bvv, maximumCent: maximum, regime, ...(woonkostenverhoging !== undefined ? { woonkostenverhogingCent: woonkostenverhoging } : {}), alleParametersGeverifieerd: geverifieerd, berekening: spoor.stappen() }
}

/**
 * Art. 475da lid 5 Rv, on the debtor's request (giving `woonkostenPerMaandCent` is that request): woonkosten of at
 * least 110 % of the rekenhuur of art. 13 lid 1 onder a Wet op de huurtoeslag raise the bvv by the amount above that
 * 110 %. Read in the consolidated text of 2022-01-01, 2022-07-01, 2023-01-01 and 2025-01-01:
 * - up to and including 2022 only "indien de beslagvrije voet gelijk is aan het (...) in het eerste lid opgenomen
 *   bedrag", and for at most six months;
 * - from 2023-01-01 without that condition, for at most a term set by ministeriële regeling — eighteen months, art. 1a
 *   Regeling beslagvrije voet as inserted by Stcrt. 2022, 34869 (read in its Staatscourant text; not stored here; the
 *   hub calculates a monthly amount, the beslaglegger keeps the term).
 * For gehuwden the request is granted only "voor zover" the spouse's income not under beslag cannot pay the higher
 * woonkosten; the beslaglegger states that part (`woonkostenDoorEchtgenootTeDragenCent`), it is subtracted.
 * The increase comes before the reductions of art. 475db: it raises "de beslagvrije voet" of art. 475da itself.
 */
function verhogingLid5(invoer: BeslagvrijeVoetInvoer, bvv: Cent, maximum: Cent, p: ParameterRegister, spoor: Spoor): { verhoging: Cent; geverifieerd: boolean } {
  const woonkosten = invoer.woonkostenPerMaandCent!
  const R = p.op('huurtoeslag.rekenhuur-maximum', invoer.peildatum)
  const rekenhuur = R.waarde as Cent
  const tekst2022 = invoer.peildatum < '2023-01-01'
  // 110 % of the rekenhuur can end in a tenth of a cent: compare and subtract in tenths of cents, round once.
  const overschotTienden = 10 * woonkosten - 11 * rekenhuur
  const drempel = multiply(rekenhuur, 110, 100, 'rekenkundig')
  const basis = { woonkostenPerMaandCent: woonkosten, rekenhuurCent: rekenhuur, honderdtienProcentCent: drempel }
  const geen = (wat: string, extra: Record<string, unknown> = {}) => {
    spoor.stap({ id: '475da-lid-5', wat, grondslag: `art. 475da lid 5 Rv (tekst ${tekst2022 ? 'tot en met 2022' : 'vanaf 2023'})`, formule: 'woonkosten − 110 % × rekenhuur, alleen als de woonkosten minstens 110 % van de rekenhuur zijn', invoer: { ...basis, ...extra }, parameters: [gebruikt(R)], bedragCent: bvv })
    return { verhoging: 0 as Cent, geverifieerd: R.geverifieerd }
  }
  if (tekst2022 && bvv !== maximum) {
    return geen('Geen verhoging voor woonkosten: tot en met 2022 alleen als de beslagvrije voet gelijk is aan het maximum van lid 1', { beslagvrijeVoetCent: bvv, maximumCent: maximum })
  }
  if (overschotTienden < 0) return geen('Geen verhoging voor woonkosten: de woonkosten zijn lager dan 110 % van de rekenhuur')
  const overschot = multiply(overschotTienden as Cent, 1, 10, 'rekenkundig')
  let verhoging = overschot
  const gehuwd = invoer.leefsituatie === 'gehuwd-zonder-kinderen' || invoer.leefsituatie === 'gehuwd-met-kinderen'
  if (gehuwd) {
    if (invoer.woonkostenDoorEchtgenootTeDragenCent === undefined) {
      throw new AppError('invalid', 'beslagvrije-voet.invoer-ongeldig', 'de invoer voor de beslagvrije voet is ongeldig', [{
        name: 'woonkostenDoorEchtgenootTeDragenCent', code: 'verplicht',
        reason: `de woonkosten liggen € ${(overschot / 100).toFixed(2).replace('.', ',')} boven 110 % van de rekenhuur; bij gehuwden geldt de verhoging van art. 475da lid 5 Rv alleen voor zover de echtgenoot dat niet uit niet-beslagen inkomen kan betalen — geef op welk deel de echtgenoot kan betalen (0 als dat niets is)`,
      }])
    }
    verhoging = Math.max(0, overschot - invoer.woonkostenDoorEchtgenootTeDragenCent) as Cent
  }
  spoor.stap({
    id: '475da-lid-5', wat: gehuwd ? 'Verhoging voor hoge woonkosten, voor zover de echtgenoot die niet kan betalen' : 'Verhoging voor hoge woonkosten (op verzoek)',
    grondslag: `art. 475da lid 5 Rv (tekst ${tekst2022 ? 'tot en met 2022: alleen bij de maximale beslagvrije voet, ten hoogste zes maanden' : 'vanaf 2023: ten hoogste achttien maanden, art. 1a Regeling beslagvrije voet, Stcrt. 2022, 34869'}); woonkosten: art. 475ab Rv`,
    formule: gehuwd ? 'bvv + max(0, (woonkosten − 110 % × rekenhuur) − deel dat de echtgenoot kan betalen)' : 'bvv + (woonkosten − 110 % × rekenhuur)',
    invoer: { ...basis, beslagvrijeVoetVoorVerhogingCent: bvv, overschotCent: overschot, ...(gehuwd ? { doorEchtgenootTeDragenCent: invoer.woonkostenDoorEchtgenootTeDragenCent } : {}), verhogingCent: verhoging },
    parameters: [gebruikt(R)], afronding: { wijze: 'rekenkundig', toelichting: '110 % van de rekenhuur kan op een tiende cent eindigen; het verschil wordt eenmaal op hele centen afgerond, de wet schrijft geen afronding voor' },
    bedragCent: (bvv + verhoging) as Cent,
  })
  return { verhoging, geverifieerd: R.geverifieerd }
}

/** Art. 475dc lid 2: 95 % of the applicable bijstandsnorm including vakantiebijslag, minus art. 32 PW income. */
function bijstandRegime(invoer: BeslagvrijeVoetInvoer, bn: ParameterRegister, spoor: Spoor) {
  const norm = bn.op(gehuwd(invoer.leefsituatie) ? 'bijstandsnorm.gehuwden' : 'bijstandsnorm.alleenstaande', invoer.peildatum)
  const vijfennegentig = multiply(norm.waarde as Cent, 95, 100, 'rekenkundig')
  spoor.stap({
    id: '475dc-lid-2-norm', wat: 'Beslag op bijstand: 95 % van de bijstandsnorm inclusief vakantietoeslag', grondslag: 'art. 475dc lid 2 Rv',
    formule: '95 % × bijstandsnorm (art. 21 PW)', invoer: { leefsituatie: invoer.leefsituatie }, parameters: [gebruikt(norm)],
    afronding: { wijze: 'rekenkundig', toelichting: 'op hele centen; gelijk aan de gepubliceerde norm exclusief vakantietoeslag' }, bedragCent: vijfennegentig,
  })
  const inkomen = invoer.eigenInkomenNietBeslagenCent ?? 0
  const bedrag = Math.max(0, vijfennegentig - inkomen) as Cent
  spoor.stap({
    id: '475dc-lid-2-inkomen', wat: 'Verminderd met het inkomen, bedoeld in art. 32 PW', grondslag: 'art. 475dc lid 2 Rv',
    formule: 'max(0, 95 % norm − inkomen)', invoer: { inkomenCent: inkomen }, parameters: [], bedragCent: bedrag,
  })
  return { bedrag, geverifieerd: norm.geverifieerd }
}

const heeftVerminderingen = (i: BeslagvrijeVoetInvoer) => (i.partnerInkomenNietBeslagenCent ?? 0) > 0 || (i.eigenInkomenNietBeslagenCent ?? 0) > 0 || (i.leaseautoLoonheffingCent ?? 0) > 0

/**
 * Art. 475e lid 2 Rv (text read in the versions 2022-01-01, 2022-07-01, 2023-01-01, 2025-01-01 and 2026-01-01, the
 * same in each): for a debtor admitted to an inrichting for care or nursing the bvv is the price owed for that care,
 * plus two thirds of the norm of art. 23 lid 1 Participatiewet, plus the amount of art. 23 lid 2 — for the
 * leefsituatie: onder a (alleenstaande or alleenstaande ouder) or onder b (gehuwden). The lid-1 maximum of art. 475da
 * does not apply: 475e lid 2 sets the amount itself. Art. 23 lid 3 PW (one spouse in an inrichting: the sum of two
 * alleenstaande norms) concerns the PW norm; 475e names "de bijstandsnorm, genoemd in artikel 23, eerste lid", so
 * gehuwden get onder b.
 */
function inrichtingRegime(invoer: BeslagvrijeVoetInvoer, p: ParameterRegister, spoor: Spoor) {
  const gehuwdLs = gehuwd(invoer.leefsituatie)
  const prijs = invoer.inrichtingVerzorgingsprijsPerMaandCent!
  const norm = p.op(gehuwdLs ? 'inrichting.art23-lid1.gehuwden' : 'inrichting.art23-lid1.alleenstaande', invoer.peildatum)
  const lid2 = p.op(gehuwdLs ? 'formule.lid3-art23-lid2.gehuwden' : 'formule.lid3-art23-lid2.alleenstaande', invoer.peildatum)
  const tweeDerde = multiply(norm.waarde as Cent, 2, 3, 'rekenkundig')
  const bedrag = (prijs + tweeDerde + (lid2.waarde as Cent)) as Cent
  spoor.stap({
    id: '475e-lid-2', wat: 'Verblijf in een inrichting: de prijs voor verzorging of verpleging, plus twee derde van de norm bij verblijf in een inrichting, plus het bedrag van art. 23 lid 2 Participatiewet (het maximum van art. 475da lid 1 geldt hier niet)',
    grondslag: `art. 475e lid 2 Rv; art. 23 lid 1 onder ${gehuwdLs ? 'b' : 'a'} en lid 2 onder ${gehuwdLs ? 'b' : 'a'} Participatiewet`,
    formule: 'verzorgingsprijs + ⅔ × norm art. 23 lid 1 PW + bedrag art. 23 lid 2 PW',
    invoer: { verzorgingsprijsPerMaandCent: prijs, tweeDerdeNormCent: tweeDerde, leefsituatie: invoer.leefsituatie, ...(invoer.woonadresBekend ? {} : { woonadresBekend: false }) },
    parameters: [gebruikt(norm), gebruikt(lid2)],
    afronding: { wijze: 'rekenkundig', toelichting: 'twee derde van de norm eenmaal op hele centen; de wet schrijft geen afronding voor' }, bedragCent: bedrag,
  })
  return { bedrag, geverifieerd: norm.geverifieerd && lid2.geverifieerd }
}

/** Art. 475db lid 1, in its order: a (spouse, at most half), b (own), c (lease car). Never below zero. */
function verminderingen475db(invoer: BeslagvrijeVoetInvoer, start: Cent, spoor: Spoor): Cent {
  let bvv = start
  const partner = invoer.partnerInkomenNietBeslagenCent ?? 0
  if (partner > 0) {
    const half = multiply(start, 1, 2, 'naar-beneden')
    const aftrek = Math.min(partner, half)
    bvv = Math.max(0, bvv - aftrek) as Cent
    spoor.stap({
      id: '475db-a', wat: 'Minus niet-beslagen inkomen van de echtgenoot, ten hoogste de helft van de beslagvrije voet', grondslag: 'art. 475db lid 1 onder a Rv',
      formule: 'bvv − min(inkomen echtgenoot, ½ × bvv)', invoer: { partnerInkomenCent: partner, helftCent: half }, parameters: [],
      afronding: { wijze: 'naar-beneden', toelichting: 'de helft wordt naar beneden afgerond zodat de aftrek de wettelijke helft niet overschrijdt' }, bedragCent: bvv,
    })
  }
  const eigen = invoer.eigenInkomenNietBeslagenCent ?? 0
  if (eigen > 0) {
    bvv = Math.max(0, bvv - eigen) as Cent
    spoor.stap({ id: '475db-b', wat: 'Minus eigen niet-beslagen periodiek inkomen', grondslag: 'art. 475db lid 1 onder b Rv', formule: 'bvv − eigen inkomen', invoer: { eigenInkomenCent: eigen }, parameters: [], bedragCent: bvv })
  }
  const lease = invoer.leaseautoLoonheffingCent ?? 0
  if (lease > 0) {
    bvv = Math.max(0, bvv - lease) as Cent
    spoor.stap({ id: '475db-c', wat: 'Minus loonbelasting over de leaseauto (privégebruik)', grondslag: 'art. 475db lid 1 onder c Rv', formule: 'bvv − loonbelasting bijtelling', invoer: { leaseautoLoonheffingCent: lease }, parameters: [], bedragCent: bvv })
  }
  return bvv
}

/** Art. 475dc lid 1: never more than 95 % of the monthly income including vakantiebijslag. */
function plafond475dcLid1(invoer: BeslagvrijeVoetInvoer, bvv: Cent, spoor: Spoor): Cent {
  const plafond = multiply(invoer.inkomenPerMaandCent, 95, 100, 'naar-beneden')
  const uit = Math.min(bvv, plafond) as Cent
  spoor.stap({
    id: '475dc-lid-1', wat: uit < bvv ? 'Hoger dan 95 % van het maandinkomen: de beslagvrije voet wordt 95 % van het inkomen' : 'Niet hoger dan 95 % van het maandinkomen: geen aanpassing',
    grondslag: 'art. 475dc lid 1 Rv', formule: 'min(bvv, 95 % × maandinkomen incl. vakantiebijslag)', invoer: { inkomenPerMaandCent: invoer.inkomenPerMaandCent, plafondCent: plafond },
    parameters: [], afronding: { wijze: 'naar-beneden', toelichting: '95 % van het inkomen naar beneden afgerond, zodat de schuldeiser altijd minstens 5 % krijgt' }, bedragCent: uit,
  })
  return uit
}

export type { Datum }
