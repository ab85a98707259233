import { oinFrom, type Oin } from '../core/oin.js'
import { arbeidsmarktregios, gemeenten, rmcRegios, waterschappen } from './gemeenten.js'
import { ACHTERNAMEN } from './namen.js'
import { Rng } from './rng.js'
import { STREAM } from './streams.js'

export type OrganisatieSoort =
  | 'gemeente' | 'waterschap' | 'rmc' | 'zorgaanbieder' | 'bron' | 'schuldeiser' | 'intermediair'
  | 'samenwerkingsverband' | 'beheer'

export interface Organisatie {
  readonly oin: Oin
  readonly naam: string
  readonly soort: OrganisatieSoort
  readonly gemeentecode: string
  readonly agbCode: string
  /** Arbeidsmarktregio (zorgaanbieder, samenwerkingsverband), RMC region (rmc) or kind of creditor (schuldeiser). */
  readonly regio: string
}

export type Bron = 'uwv' | 'belastingdienst' | 'rdw' | 'duo' | 'ciz' | 'svb' | 'dji' | 'brp' | 'kadaster' | 'kvk'
export const BRONNEN: readonly [Bron, string][] = [
  ['uwv', 'Uitvoeringsinstituut Werknemersverzekeringen'], ['belastingdienst', 'Belastingdienst'],
  ['rdw', 'Dienst Wegverkeer (RDW)'], ['duo', 'Dienst Uitvoering Onderwijs'], ['ciz', 'Centrum indicatiestelling zorg'],
  ['svb', 'Sociale Verzekeringsbank'], ['dji', 'Dienst Justitiële Inrichtingen'],
  ['brp', 'Rijksdienst voor Identiteitsgegevens (BRP)'], ['kadaster', 'Kadaster'], ['kvk', 'Kamer van Koophandel'],
]

/** Kinds of creditors that take part in vroegsignalering (Wgs): the vaste lasten partners. */
export const SCHULDEISERS: readonly [string, string][] = [
  ['huur', 'Woonstichting De Linie'], ['huur', 'Woningcorporatie Stadgenoot-Zuid'], ['huur', 'Wooncompagnie Oost'],
  ['energie', 'Energieleverancier Noordstroom'], ['energie', 'Groene Stroom Nederland'],
  ['water', 'Drinkwaterbedrijf Midden'], ['water', 'Waterleiding Noord'],
  ['zorgverzekering', 'Zorgverzekeraar Samen'], ['zorgverzekering', 'Zorgverzekeraar De Eendracht'],
  ['zorgverzekering', 'Onderlinge Zorgverzekering Zuid'],
]

/** Private intermediaries that offer vacancies (VUM). */
export const INTERMEDIAIRS = ['Uitzendbureau Vooruit', 'Werkmatch Nederland', 'Detacheerder Kracht', 'Banenbank', 'RegioWerkt']

/*
 * Synthetic OINs (not the real ones): prefix 00000001 + a 9-digit number whose first digit says the kind of
 * organisation. They do not depend on the seed, so demo credentials stay the same across datasets.
 */
const oin = (reeks: number, n: number): Oin => oinFrom('00000001', reeks * 100_000_000 + n)

const ZORG_SOORTEN = ['Thuiszorg', 'Zorggroep', 'Jeugdhulp', 'Begeleiding', 'Wijkzorg', 'Dagbesteding']

/** Every organisation of the synthetic Netherlands, in a fixed order. */
export function organisaties(aantalZorgaanbieders = 300): Organisatie[] {
  const o = (oinv: Oin, naam: string, soort: OrganisatieSoort, gemeentecode = '', agbCode = '', regio = ''): Organisatie =>
    ({ oin: oinv, naam, soort, gemeentecode, agbCode, regio })
  const out: Organisatie[] = gemeenten().map((g) => o(oin(1, Number(g.code)), `Gemeente ${g.naam}`, 'gemeente', g.code, '', g.arbeidsmarktregio))
  waterschappen().forEach((w) => out.push(o(oin(2, w.nummer), w.naam, 'waterschap', '', '', w.provincies.join(','))))
  rmcRegios().forEach((r, i) => out.push(o(oin(3, i + 1), `RMC-regio ${r}`, 'rmc', '', '', r)))
  out.push(...zorgaanbieders(aantalZorgaanbieders))
  BRONNEN.forEach(([, naam], i) => out.push(o(oin(5, i + 1), naam, 'bron')))
  SCHULDEISERS.forEach(([soort, naam], i) => out.push(o(oin(6, i + 1), naam, 'schuldeiser', '', '', soort)))
  INTERMEDIAIRS.forEach((naam, i) => out.push(o(oin(7, i + 1), naam, 'intermediair')))
  arbeidsmarktregios().forEach((r, i) => out.push(o(oin(8, i + 1), `Werkgeversservicepunt ${r}`, 'samenwerkingsverband', '', '', r)))
  out.push(o(oin(9, 1), 'Beheerorganisatie Knooppunt', 'beheer'))
  return out
}

function zorgaanbieders(n: number): Organisatie[] {
  const regios = arbeidsmarktregios()
  return Array.from({ length: n }, (_, i) => {
    const rng = Rng.at(0, STREAM.organisaties, i)
    const [vv, naam] = rng.pick(ACHTERNAMEN)
    const regio = regios[i % regios.length] as string
    // AGB-codes are 8 digits; the first two give the zorgsoort (here 98, used for Wmo/Jeugd providers).
    const agb = `98${String(100_001 + i * 37).padStart(6, '0')}`
    return { oin: oin(4, i + 1), naam: `${rng.pick(ZORG_SOORTEN)} ${vv ? `${vv} ` : ''}${naam}`.trim(), soort: 'zorgaanbieder' as const,
      gemeentecode: '', agbCode: agb, regio }
  })
}

/** The OIN of a bron by its short name. */
export function bronOin(bron: Bron): Oin {
  return oin(5, BRONNEN.findIndex(([b]) => b === bron) + 1)
}

/** An `organisaties.csv` line. */
export const organisatieRegel = (x: Organisatie): string =>
  [x.oin, x.naam, x.soort, x.gemeentecode, x.agbCode, x.regio].join(';')
