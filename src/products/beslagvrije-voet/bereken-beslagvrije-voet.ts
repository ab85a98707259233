import { multiply, type Cent, type Datum } from '../../core/index.js'
import { gebruikt, geenSpoor, nieuwSpoor, type ParameterRegister, type Spoor, type Stap } from '../../platform/rules/index.js'
import { bijstandsnormParameters } from '../bijstandsnormen/index.js'
import type { BeslagvrijeVoetInvoer, Leefsituatie } from './beslagvrije-voet-invoer.js'
import { formuleLid2 } from './formule-lid-2.js'
import { beslagvrijeVoetParameters } from './parameters.js'

/** Which regime of the law produced the amount. */
export type Regime = 'bijstand-475dc-lid-2' | 'geen-woonadres-475da-lid-4' | 'formule-475da-lid-2'

export interface BeslagvrijeVoetUitkomst {
  readonly beslagvrijeVoetCent: Cent
  /** The lid-1 maximum for the leefsituatie on the peildatum. */
  readonly maximumCent: Cent
  readonly regime: Regime
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
    return { beslagvrijeVoetCent: r.bedrag, maximumCent: maximum, regime: 'bijstand-475dc-lid-2', alleParametersGeverifieerd: geverifieerd && r.geverifieerd, berekening: spoor.stappen() }
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

  bvv = verminderingen475db(invoer, bvv, spoor)
  bvv = plafond475dcLid1(invoer, bvv, spoor)
  return { beslagvrijeVoetCent: bvv, maximumCent: maximum, regime, alleParametersGeverifieerd: geverifieerd, berekening: spoor.stappen() }
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
