import { multiply, type Cent, type Datum } from '../../core/index.js'
import { gebruikt, geenSpoor, nieuwSpoor, type ParameterRegister, type Spoor, type Stap } from '../../platform/rules/index.js'
import type { BijstandsnormInvoer, Leefvorm } from './bijstandsnorm-invoer.js'
import { bijstandsnormParameters } from './parameters.js'

/** Result of the bijstandsnorm calculation (amounts per calendar month, integer cents). */
export interface BijstandsnormUitkomst {
  /** The norm for the belanghebbende (for gehuwden: both together), including vakantietoeslag. */
  readonly normInclusiefVakantietoeslagCent: Cent
  readonly normExclusiefVakantietoeslagCent: Cent
  /** With kostendelers: the kostendelersnorm per person (art. 22a lid 1); otherwise absent. */
  readonly kostendelersnormPerPersoonCent?: Cent | undefined
  readonly vermogensgrensCent: Cent
  /** False when a parameter used is marked unverified in the data; the trace names which one. */
  readonly alleParametersGeverifieerd: boolean
  readonly berekening: readonly Stap[]
}

export interface Rekenopties {
  /** Record the explanation trace (default true). */
  readonly spoor?: boolean
  /** Parameter register to use (tests inject their own; default the published data). */
  readonly parameters?: ParameterRegister
}

const alleenstaandNormParam = (aow: boolean) => (aow ? 'bijstandsnorm.alleenstaande-aow' : 'bijstandsnorm.alleenstaande')
const gehuwdNormParam = (aow: boolean) => (aow ? 'bijstandsnorm.gehuwden-aow' : 'bijstandsnorm.gehuwden')
const artikel = (aow: boolean, gehuwd: boolean) => `art. ${aow ? 22 : 21} onder ${gehuwd ? 'b' : 'a'} Participatiewet`

/**
 * The bijstandsnorm on a peildatum for a leefvorm (Participatiewet art. 21, 22 and 22a), the norm without
 * vakantietoeslag, and the vermogensgrens (art. 34 lid 3). Amounts are the published amounts; only the
 * kostendelersnorm and the split-off of the vakantietoeslag are computed, each as an explicit, cited step.
 *
 * @example berekenBijstandsnorm({ peildatum: '2025-01-01', leefvorm: 'alleenstaande', aowLeeftijd: false })
 *   // → normInclusiefVakantietoeslagCent 134545
 */
export function berekenBijstandsnorm(invoer: BijstandsnormInvoer, opties: Rekenopties = {}): BijstandsnormUitkomst {
  const p = opties.parameters ?? bijstandsnormParameters
  const spoor = opties.spoor === false ? geenSpoor() : nieuwSpoor()
  const { peildatum, leefvorm, aowLeeftijd } = invoer
  const gehuwd = leefvorm === 'gehuwd'
  const A = invoer.kostendelers ?? (gehuwd ? 2 : 1)
  const metKostendelers = A > (gehuwd ? 2 : 1)
  let geverifieerd = true

  let norm: Cent
  let perPersoon: Cent | undefined
  if (!metKostendelers) {
    const w = p.op(gehuwd ? gehuwdNormParam(aowLeeftijd) : alleenstaandNormParam(aowLeeftijd), peildatum)
    geverifieerd &&= w.geverifieerd
    norm = w.waarde as Cent
    spoor.stap({
      id: 'norm', wat: `Bijstandsnorm voor ${omschrijf(leefvorm, aowLeeftijd)} zonder kostendelende medebewoners`,
      grondslag: artikel(aowLeeftijd, gehuwd), invoer: { leefvorm, aowLeeftijd }, parameters: [gebruikt(w)], bedragCent: norm,
    })
  } else {
    ;({ norm, perPersoon, geverifieerd } = kostendelersnorm(p, peildatum, A, gehuwd, aowLeeftijd, spoor))
  }

  const vt = p.op('bijstand.vakantietoeslag-aandeel', peildatum)
  geverifieerd &&= vt.geverifieerd
  const exclusief = multiply(norm, 10_000 - vt.waarde, 10_000, 'rekenkundig')
  spoor.stap({
    id: 'norm-exclusief-vakantietoeslag', wat: 'Norm zonder het daarin begrepen deel vakantietoeslag',
    grondslag: 'art. 19 lid 3 Participatiewet', formule: 'norm × (100 % − aandeel vakantietoeslag)',
    invoer: { normCent: norm }, parameters: [gebruikt(vt)],
    afronding: { wijze: 'rekenkundig', toelichting: 'op hele centen, zoals de gepubliceerde normentabellen' }, bedragCent: exclusief,
  })

  const vg = p.op(leefvorm === 'alleenstaande' ? 'vermogensgrens.alleenstaande' : 'vermogensgrens.alleenstaande-ouder-of-gehuwden', peildatum)
  geverifieerd &&= vg.geverifieerd
  spoor.stap({
    id: 'vermogensgrens', wat: 'Vermogensgrens', grondslag: 'art. 34 lid 3 Participatiewet',
    invoer: { leefvorm }, parameters: [gebruikt(vg)], bedragCent: vg.waarde,
  })

  return {
    normInclusiefVakantietoeslagCent: norm,
    normExclusiefVakantietoeslagCent: exclusief,
    kostendelersnormPerPersoonCent: perPersoon,
    vermogensgrensCent: vg.waarde as Cent,
    alleParametersGeverifieerd: geverifieerd,
    berekening: spoor.stappen(),
  }
}

/** Art. 22a lid 1: ((40 + 30·A) / A) % of B per person; lid 2: gehuwden get the sum for both spouses. */
function kostendelersnorm(p: ParameterRegister, peildatum: Datum, A: number, gehuwd: boolean, aow: boolean, spoor: Spoor) {
  // B is always a gehuwdennorm: art. 21 onder b, or art. 22 onder b/c once the pensioengerechtigde leeftijd applies.
  const B = p.op(gehuwdNormParam(aow), peildatum)
  const perPersoon = multiply(B.waarde as Cent, 40 + 30 * A, 100 * A, 'rekenkundig')
  spoor.stap({
    id: 'kostendelersnorm', wat: `Kostendelersnorm per persoon bij ${A} kostendelers`, grondslag: 'art. 22a lid 1 Participatiewet',
    formule: '((40 + 30 × A) / A) % × B', invoer: { A }, parameters: [gebruikt(B)],
    afronding: { wijze: 'rekenkundig', toelichting: 'op hele centen; de wet schrijft geen afronding voor, gemeentelijke tabellen ronden rekenkundig' },
    bedragCent: perPersoon,
  })
  let norm = perPersoon
  if (gehuwd) {
    norm = (perPersoon * 2) as Cent
    spoor.stap({
      id: 'kostendelersnorm-gehuwden', wat: 'Norm voor gehuwden: de som van de kostendelersnormen van beide echtgenoten',
      grondslag: 'art. 22a lid 2 Participatiewet', formule: '2 × kostendelersnorm per persoon', invoer: { perPersoonCent: perPersoon },
      parameters: [], bedragCent: norm,
    })
  }
  return { norm, perPersoon, geverifieerd: B.geverifieerd }
}

function omschrijf(leefvorm: Leefvorm, aow: boolean): string {
  const wie = leefvorm === 'gehuwd' ? 'gehuwden' : leefvorm === 'alleenstaande-ouder' ? 'een alleenstaande ouder' : 'een alleenstaande'
  return aow ? `${wie} met pensioengerechtigde leeftijd` : `${wie} van 21 jaar tot de pensioengerechtigde leeftijd`
}
