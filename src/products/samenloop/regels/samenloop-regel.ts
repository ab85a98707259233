import { contains, formatEuro, isDatum, isMaand, maandPeriode, overlaps, type Cent, type Datum, type Periode } from '../../../core/index.js'
import type { Feit, Indicatie, RegelUitkomst, SignaalRegel } from '../../../platform/matching/index.js'
import { registreerUitleg, type UitlegRenderer } from '../../../platform/signals/index.js'

export const PRODUCT = 'samenloop'

export const SOORTEN = ['inkomsten', 'uitkering', 'vermogen', 'voertuig', 'detentie', 'studiefinanciering', 'verhuizing', 'emigratie', 'overlijden'] as const
export type SignaalSoort = (typeof SOORTEN)[number]

/**
 * A samenloop rule as data: what it is, which source it reads, which fields a signal carries, the rule and the
 * reason in plain Dutch (rendered into the algoritmeregister). The function beside it is `beoordeel`.
 */
export interface SamenloopRegelData {
  readonly id: string
  /** Semantic version; a change in what the rule decides is a new version, kept in `wijzigingen`. */
  readonly versie: string
  readonly soort: SignaalSoort
  readonly bron: string
  readonly titel: string
  /** The rule in one or two plain Dutch sentences. */
  readonly regel: string
  /** Why the gemeente wants to know this (legal and practical reason). */
  readonly waarom: string
  /** Fields of `gegevens`, with their meaning. */
  readonly gegevens: Readonly<Record<string, string>>
  /** What the rule does not see or decide (the algoritmeregister's limits), each a plain Dutch sentence. */
  readonly grenzen: readonly string[]
  readonly wijzigingen: ReadonlyArray<{ readonly versie: string; readonly datum: string; readonly wat: string }>
}

export interface SamenloopRegel extends SignaalRegel {
  readonly data: SamenloopRegelData
}

/**
 * Builds a rule from its data and its decision; only indications of product `samenloop` reach it. A rule that
 * passes `uitlegBijLezen` leaves `uitleg` out of its decisions: the explanation is rendered from the stored signal
 * when it is read (the same text, not stored per signal). Its wording then belongs to the rule version — changing
 * it means a new version, with this version's renderer kept.
 */
export function maakRegel(data: SamenloopRegelData, beoordeel: (feit: Feit, indicatie: Indicatie) => RegelUitkomst | undefined,
  uitlegBijLezen?: UitlegRenderer): SamenloopRegel {
  if (uitlegBijLezen) registreerUitleg(data, uitlegBijLezen)
  return { id: data.id, versie: data.versie, product: PRODUCT, soort: data.soort, bron: data.bron, data, beoordeel }
}

/** Human names of the sources, as a resident knows them. */
export const BRON_NAMEN: Readonly<Record<string, string>> = {
  'uwv-polis': 'de Polisadministratie van UWV',
  'svb-uitkeringen': 'de uitkeringsadministratie van de Sociale Verzekeringsbank (SVB)',
  'belastingdienst-vermogen': 'de vermogensgegevens (box 3) van de Belastingdienst',
  'rdw-voertuigen': 'het kentekenregister van de RDW',
  'dji-detenties': 'de detentiegegevens van de Dienst Justitiële Inrichtingen (DJI)',
  'duo-studiefinanciering': 'de studiefinancieringsgegevens van DUO',
  'brp-mutaties': 'de Basisregistratie Personen (BRP)',
}

// ——— reading a fact's fields (lenient about numbers-as-text, strict about meaning) ———

export const tekst = (g: Readonly<Record<string, unknown>>, naam: string): string | undefined => {
  const v = g[naam]
  return typeof v === 'string' && v.trim() !== '' ? v : undefined
}

export const centen = (g: Readonly<Record<string, unknown>>, naam: string): Cent | undefined => {
  const v = g[naam]
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^-?\d+$/.test(v) ? Number(v) : Number.NaN
  return Number.isSafeInteger(n) ? (n as Cent) : undefined
}

export const datum = (g: Readonly<Record<string, unknown>>, naam: string): Datum | undefined => {
  const v = g[naam]
  return isDatum(v) ? v : undefined
}

/** A fact's own period from two date fields; undefined when the start is missing or the end lies before it. */
export function datumPeriode(g: Readonly<Record<string, unknown>>, van: string, tot: string): Periode | undefined {
  const v = datum(g, van)
  const t = datum(g, tot)
  if (!v || (t && t < v)) return undefined
  return { van: v, tot: t }
}

export function maandVan(g: Readonly<Record<string, unknown>>, naam = 'periode'): Periode | undefined {
  const m = g[naam]
  return isMaand(m) ? maandPeriode(m) : undefined
}

export { contains, overlaps }

// ——— plain Dutch ———

const DATUM = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })
const MAAND = new Intl.DateTimeFormat('nl-NL', { month: 'long', year: 'numeric', timeZone: 'UTC' })

export const datumTekst = (d: string): string => DATUM.format(new Date(`${d}T00:00:00Z`))
export const maandTekst = (m: string): string => MAAND.format(new Date(`${m}-01T00:00:00Z`))
export const euro = (c: number): string => formatEuro(c as Cent).replace(/\s/g, ' ')

export function periodeTekst(p: Periode): string {
  if (p.tot === undefined) return `vanaf ${datumTekst(p.van)}`
  if (p.van === p.tot) return `op ${datumTekst(p.van)}`
  return `van ${datumTekst(p.van)} tot en met ${datumTekst(p.tot)}`
}

/**
 * The explanation every signal ends with: found where, for which period, and that it is worth looking into — not
 * a conclusion. `wat` says what was found, in a full sentence.
 */
export function uitleg(wat: string, feit: Pick<Feit, 'bron' | 'leveringId' | 'regel'>, periode: string): string {
  const bron = BRON_NAMEN[feit.bron] ?? feit.bron
  return `${wat} Dit staat in ${bron} (levering ${feit.leveringId}, regel ${feit.regel}) en gaat over ${periode}. `
    + 'In die periode verleent de gemeente bijstand. Daarom is dit signaal gemaakt: het is onderzoekswaardig, geen conclusie. '
    + 'De gemeente onderzoekt of dit gevolgen heeft voor de bijstand en bespreekt dat met de inwoner voordat zij iets besluit.'
}
