import { AppError, type Bsn, type Cent, type Datum } from '../../core/index.js'
import type { Stap } from '../../platform/rules/index.js'
import type { Executor } from '../../platform/tables.js'
import { berekenBijstandsnorm, type Leefvorm } from '../bijstandsnormen/index.js'
import { centVan, geldtOp, leesFeiten, leesHuishoudleden, tekst, type Feit, type FeitRef } from './feiten-lezer.js'
import type { KwsNormVersie } from './kws-normen.js'
import { polisInkomen } from './polis-inkomen.js'
import { toetsKwijtschelding } from './rules/index.js'

/** The version of the check below; named in every belemmering and result. Raise it when the rule changes. */
export const KWS_REGEL = { id: 'kwijtschelding-huishoudtoets', versie: '1.0.0' } as const

/** Sources the check reads for the members of the leefeenheid. */
export const KWS_BRONNEN = ['uwv-polis', 'svb-uitkeringen', 'belastingdienst-vermogen', 'rdw-voertuigen', 'kadaster-eigendom', 'kvk-inschrijvingen'] as const

export type BelemmeringSoort = 'vermogen' | 'voertuig' | 'woningbezit' | 'zelfstandig-ondernemer'

/** A reason why kwijtschelding is not possible, with the data, norm and rule it rests on (Nationale ombudsman 2017/129). */
export interface KwsBelemmering {
  readonly soort: BelemmeringSoort
  readonly omschrijving: string
  readonly bedragCent?: Cent | undefined
  readonly norm: { readonly naam: string; readonly waardeCent?: Cent | undefined; readonly normversie: number; readonly geldigVan: string }
  readonly gegevens: readonly FeitRef[]
  readonly regel: typeof KWS_REGEL
}

/** Things the gemeente should know about a result that are not belemmeringen. */
export type Aandachtspunt = 'geen-inkomensgegevens' | 'svb-bruto-meegeteld' | 'inkomen-niet-reele-afspiegeling' | 'inkomen-niet-getoetst'

export interface KwsHuishouden {
  readonly leefvorm: Leefvorm
  readonly personen: number
  /** A of art. 22a PW: the leefeenheid plus kostendelende medebewoners of 27 or older. */
  readonly kostendelers: number
  readonly aowLeeftijd: boolean
}

/** The outcome for one BSN (before the output guard). */
export interface KwsToetsUitkomst {
  readonly uitkomst: 'geen-belemmeringen' | 'belemmeringen'
  readonly belemmeringen: readonly KwsBelemmering[]
  readonly huishouden: KwsHuishouden
  readonly nettoBesteedbaarInkomenCent: Cent
  readonly kostenVanBestaanCent: Cent
  readonly betalingscapaciteitPerMaandCent: Cent
  readonly betalingscapaciteitCent: Cent
  readonly aanslagCent?: Cent | undefined
  readonly kwijtscheldingCent?: Cent | undefined
  readonly teBetalenCent?: Cent | undefined
  readonly normversie: { readonly versie: number; readonly geldigVan: string }
  readonly regel: typeof KWS_REGEL
  readonly aandachtspunten: readonly Aandachtspunt[]
  readonly berekening: readonly Stap[]
}

/** The facts of one applicant's household: the BRP person, the other members, and the source facts of all of them. */
export interface HuishoudFeiten {
  readonly persoon: Feit
  readonly leden: readonly Feit[]
  readonly feiten: readonly Feit[]
}

/** Reads the BRP household of `bsn` and every source fact of its members. */
export async function leesHuishoudFeiten(db: Executor, bsn: Bsn): Promise<HuishoudFeiten> {
  const [persoon] = await leesFeiten(db, [bsn], ['brp-personen'])
  if (!persoon) throw new AppError('not-found', 'kwijtschelding.geen-brp-gegevens', 'de hub heeft voor deze BSN geen gegevens uit de BRP; de toets kan het huishouden niet bepalen')
  const hh = tekst(persoon.gegevens.huishoudenId)
  const leden = hh ? (await leesHuishoudleden(db, hh)).filter((f) => f.bsn !== bsn) : []
  const feiten = await leesFeiten(db, [bsn, ...leden.map((l) => l.bsn)], KWS_BRONNEN)
  return { persoon, leden, feiten }
}

const leeftijd = (geboortedatum: string | undefined, op: Datum): number => {
  if (!geboortedatum) return 0
  const [gy, gm, gd] = geboortedatum.split('-').map(Number) as [number, number, number]
  const [y, m, d] = op.split('-').map(Number) as [number, number, number]
  return y - gy - (m < gm || (m === gm && d < gd) ? 1 : 0)
}
const ingezetene = (f: Feit) => (tekst(f.gegevens.status) ?? 'ingezetene') === 'ingezetene'
const rol = (f: Feit) => tekst(f.gegevens.rolInHuishouden)

/**
 * The kwijtschelding check for one household on a peildatum, with the local norms: leefeenheid and kostendelers from
 * the BRP, the bijstandsnorm, income (polis via netto inkomen, SVB), vermogen, vehicles, woningbezit and
 * ondernemerschap. Pure: every fact comes in as input. The sums and the remission use the rules in `./rules`.
 */
export function toetsHuishouden(h: HuishoudFeiten, peildatum: Datum, norm: KwsNormVersie, aanslagCent?: Cent): KwsToetsUitkomst {
  const aanvragerRol = rol(h.persoon)
  const leden = h.leden.filter(ingezetene)
  const isOuder = aanvragerRol === 'hoofd' || aanvragerRol === 'partner'
  const partner = isOuder ? leden.find((l) => (rol(l) === 'hoofd' || rol(l) === 'partner') && rol(l) !== aanvragerRol) : undefined
  const kinderen = isOuder ? leden.filter((l) => rol(l) === 'kind' && leeftijd(tekst(l.gegevens.geboortedatum), peildatum) < 18) : []
  const leefeenheid = [h.persoon.bsn, ...(partner ? [partner.bsn] : [])]
  const kostendelend = leden.filter((l) => !leefeenheid.includes(l.bsn) && leeftijd(tekst(l.gegevens.geboortedatum), peildatum) >= 27)
  const leefvorm: Leefvorm = partner ? 'gehuwd' : kinderen.length > 0 ? 'alleenstaande-ouder' : 'alleenstaande'
  const basis = partner ? 2 : 1
  const A = basis + kostendelend.length
  const vanLeefeenheid = h.feiten.filter((f) => leefeenheid.includes(f.bsn))
  const svb = vanLeefeenheid.filter((f) => f.bron === 'svb-uitkeringen' && geldtOp(tekst(f.gegevens.ingangsdatum) ?? f.geldigVan, tekst(f.gegevens.einddatum) ?? f.geldigTot, peildatum))
  const aowLeeftijd = svb.some((f) => tekst(f.gegevens.regeling) === 'aow')
  const bijstand = berekenBijstandsnorm({ peildatum, leefvorm, aowLeeftijd, kostendelers: A > basis ? A : undefined })
  const huishouden: KwsHuishouden = { leefvorm, personen: 1 + leden.length, kostendelers: A, aowLeeftijd }
  const aandachtspunten: Aandachtspunt[] = []
  const stappen: Stap[] = [...bijstand.berekening]

  // Income: polis (netto indicatief) per member of the leefeenheid, plus SVB benefits in force.
  let nbi = 0
  const inkomenRefs: FeitRef[] = []
  if (norm.toetsen.inkomen) {
    for (const bsn of leefeenheid) {
      const p = polisInkomen(vanLeefeenheid.filter((f) => f.bsn === bsn), peildatum)
      if (!p) continue
      nbi += p.laatste.nettoCent
      inkomenRefs.push(...p.laatste.feiten)
      if (!p.reeleAfspiegeling) aandachtspunten.push('inkomen-niet-reele-afspiegeling')
      stappen.push({ id: 'inkomen-polis', wat: `Netto indicatief inkomen uit de polisadministratie, maand ${p.laatste.maand}`, grondslag: 'polisadministratie; methode netto indicatief inkomen', invoer: { maand: p.laatste.maand, brutoCent: p.laatste.brutoCent, loonheffingCent: p.laatste.loonheffingCent }, parameters: [], bedragCent: p.laatste.nettoCent })
    }
    for (const f of svb) {
      const bedrag = centVan(f.gegevens.brutoMaandbedragCent) ?? 0
      nbi += bedrag
      inkomenRefs.push(f.ref)
      stappen.push({ id: 'inkomen-svb', wat: `Uitkering SVB (${tekst(f.gegevens.regeling) ?? 'onbekend'}), brutobedrag per maand: de bron levert geen nettobedrag`, grondslag: 'svb-uitkeringen', invoer: {}, parameters: [], bedragCent: bedrag })
    }
    if (svb.length) aandachtspunten.push('svb-bruto-meegeteld')
    if (inkomenRefs.length === 0) aandachtspunten.push('geen-inkomensgegevens')
  } else aandachtspunten.push('inkomen-niet-getoetst')

  // Vermogen: the latest box-3 position per member, plus every vehicle but the most valuable one.
  const vermogenRefs: FeitRef[] = []
  let vermogen = 0
  if (norm.toetsen.vermogen) {
    for (const bsn of leefeenheid) {
      const laatste = vanLeefeenheid.filter((f) => f.bsn === bsn && f.bron === 'belastingdienst-vermogen' && (tekst(f.gegevens.peildatum) ?? f.geldigVan) <= peildatum)
        .sort((a, b) => (tekst(a.gegevens.peildatum) ?? a.geldigVan).localeCompare(tekst(b.gegevens.peildatum) ?? b.geldigVan)).at(-1)
      if (!laatste) continue
      vermogen += centVan(laatste.gegevens.rendementsgrondslagCent) ?? 0
      vermogenRefs.push(laatste.ref)
    }
  }
  const voertuigen = vanLeefeenheid.filter((f) => f.bron === 'rdw-voertuigen' && geldtOp(tekst(f.gegevens.datumAanvang) ?? f.geldigVan, tekst(f.gegevens.datumEinde) ?? f.geldigTot, peildatum))
    .sort((a, b) => (centVan(b.gegevens.dagwaardeCent) ?? 0) - (centVan(a.gegevens.dagwaardeCent) ?? 0))
  const [duurste, ...overige] = voertuigen
  if (norm.toetsen.vermogen) for (const v of overige) { vermogen += centVan(v.gegevens.dagwaardeCent) ?? 0; vermogenRefs.push(v.ref) }
  const buffer = leefvorm === 'gehuwd' ? norm.vermogensbufferGehuwdCent : leefvorm === 'alleenstaande-ouder' ? norm.vermogensbufferAlleenstaandeOuderCent : norm.vermogensbufferAlleenstaandeCent

  const r = toetsKwijtschelding({
    peildatum, bijstandsnormCent: bijstand.normInclusiefVakantietoeslagCent, normpercentage: norm.kostenVanBestaanPercentage,
    nettoBesteedbaarInkomenCent: nbi as Cent, vermogenCent: (norm.toetsen.vermogen ? vermogen : 0) as Cent, vermogensbufferCent: buffer,
    autoWaardeCent: norm.toetsen.voertuig && duurste ? ((centVan(duurste.gegevens.dagwaardeCent) ?? 0) as Cent) : undefined,
    autoWaardeGrensCent: norm.toetsen.voertuig ? norm.voertuigGrensCent : undefined, aanslagCent: (aanslagCent ?? 0) as Cent,
  })
  stappen.push(...r.berekening)

  const normRef = (naam: string, waardeCent?: Cent) => ({ naam, ...(waardeCent === undefined ? {} : { waardeCent }), normversie: norm.versie, geldigVan: norm.geldigVan })
  const belemmeringen: KwsBelemmering[] = r.belemmeringen.map((b) => b.soort === 'vermogen'
    ? { soort: 'vermogen', omschrijving: `Vermogen van het huishouden boven de vermogensbuffer voor ${leefvorm}`, bedragCent: b.bedragCent, norm: normRef('vermogensbuffer', b.normCent), gegevens: vermogenRefs, regel: KWS_REGEL }
    : { soort: 'voertuig', omschrijving: 'Dagwaarde van de auto boven de grens', bedragCent: b.bedragCent, norm: normRef('voertuigGrens', b.normCent), gegevens: duurste ? [duurste.ref] : [], regel: KWS_REGEL })
  if (norm.toetsen.woningbezit) {
    const woningen = vanLeefeenheid.filter((f) => f.bron === 'kadaster-eigendom' && geldtOp(tekst(f.gegevens.datumAanvang) ?? f.geldigVan, tekst(f.gegevens.datumEinde) ?? f.geldigTot, peildatum))
    if (woningen.length) {
      const waarde = woningen.reduce((s, f) => s + aandeel(f), 0) as Cent
      belemmeringen.push({ soort: 'woningbezit', omschrijving: 'Eigendom van een woning of ander onroerend goed (WOZ-waarde naar aandeel); de overwaarde telt als vermogen en wordt niet automatisch vastgesteld', bedragCent: waarde, norm: normRef('woningbezit'), gegevens: woningen.map((f) => f.ref), regel: KWS_REGEL })
    }
  }
  if (norm.toetsen.ondernemerschap) {
    const zaken = vanLeefeenheid.filter((f) => f.bron === 'kvk-inschrijvingen' && ['eenmanszaak', 'vof'].includes(tekst(f.gegevens.rechtsvorm) ?? '')
      && geldtOp(tekst(f.gegevens.datumAanvang) ?? f.geldigVan, tekst(f.gegevens.datumEinde) ?? f.geldigTot, peildatum))
    if (zaken.length) belemmeringen.push({ soort: 'zelfstandig-ondernemer', omschrijving: 'Ingeschreven als eigenaar of vennoot van een onderneming; het inkomen en de zakelijke belastingen worden niet automatisch beoordeeld', norm: normRef('ondernemerschap'), gegevens: zaken.map((f) => f.ref), regel: KWS_REGEL })
  }
  for (const b of belemmeringen.filter((x) => x.soort === 'woningbezit' || x.soort === 'zelfstandig-ondernemer')) {
    stappen.push({ id: `belemmering-${b.soort}`, wat: b.omschrijving, grondslag: 'art. 26 Invorderingswet 1990 jo. gemeentelijke kwijtscheldingsregeling', invoer: {}, parameters: [], bedragCent: b.bedragCent ?? 0 })
  }
  const belemmerd = belemmeringen.length > 0
  const aanslag = aanslagCent
  return {
    uitkomst: belemmerd ? 'belemmeringen' : 'geen-belemmeringen', belemmeringen, huishouden,
    nettoBesteedbaarInkomenCent: nbi as Cent, kostenVanBestaanCent: r.kostenVanBestaanCent,
    betalingscapaciteitPerMaandCent: r.betalingscapaciteitPerMaandCent, betalingscapaciteitCent: r.betalingscapaciteitPerJaarCent,
    ...(aanslag === undefined ? {} : {
      aanslagCent: aanslag,
      kwijtscheldingCent: (belemmerd ? 0 : r.kwijtscheldingCent) as Cent,
      teBetalenCent: (belemmerd ? aanslag : r.teBetalenCent) as Cent,
    }),
    normversie: { versie: norm.versie, geldigVan: norm.geldigVan }, regel: KWS_REGEL, aandachtspunten: [...new Set(aandachtspunten)], berekening: stappen,
  }
}

function aandeel(f: Feit): number {
  const woz = centVan(f.gegevens.wozWaardeCent) ?? 0
  const teller = Number(f.gegevens.aandeelTeller ?? 1)
  const noemer = Number(f.gegevens.aandeelNoemer ?? 1)
  return Number.isInteger(teller) && Number.isInteger(noemer) && noemer > 0 ? Math.floor((woz * teller) / noemer) : woz
}

