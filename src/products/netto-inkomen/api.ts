/**
 * The direct calculators behind `POST /api/v1/loonheffing/_bereken`, `POST /api/v1/netto-inkomen/_bereken` and the CLI
 * commands `knooppunt loonheffing` / `knooppunt netto`: an unknown JSON body in, a typed answer with the explanation
 * trace out. No BSN is involved: the caller gives the amounts (the BSN path goes through OIB and the beslagvrije voet).
 */
import { AppError, isAppError, isMaand, type Cent, type InvalidParam, type Maand } from '../../core/index.js'
import { InvoerLezer, type Stap } from '../../platform/rules/index.js'
import { berekenLoonheffing, LEEFTIJDSGROEPEN, valideerLoonheffingInvoer, type Leeftijdsgroep } from './loonheffing/index.js'
import { berekenNettoInkomen, type LoonheffingControle } from './netto-inkomen.js'

export interface Rekenopties { readonly spoor?: boolean }

/** The answer of the loonheffing calculator (white monthly table, tijdvak maand). */
export interface LoonheffingAntwoord {
  /** Loonheffing per month for the chosen loonheffingskorting. */
  readonly loonheffingCent: number
  readonly tabelloonCent: number
  readonly metLoonheffingskortingCent: number
  readonly zonderLoonheffingskortingCent: number
  readonly verrekendeArbeidskortingCent: number
  readonly nauwkeurigheid: 'tabel' | 'benadering'
  readonly alleParametersGeverifieerd: boolean
  readonly berekening?: readonly Stap[]
}

/** Validates a body (`valideerLoonheffingInvoer`) and computes the white-table loonheffing with its trace. */
export function berekenLoonheffingAntwoord(body: unknown, opties: Rekenopties = {}): LoonheffingAntwoord {
  const spoor = opties.spoor !== false
  const u = berekenLoonheffing(valideerLoonheffingInvoer(body), { spoor })
  const antwoord = {
    loonheffingCent: u.loonheffingPerMaandCent, tabelloonCent: u.tabelloonCent,
    metLoonheffingskortingCent: u.metLoonheffingskortingPerMaandCent, zonderLoonheffingskortingCent: u.zonderLoonheffingskortingPerMaandCent,
    verrekendeArbeidskortingCent: u.verrekendeArbeidskortingPerMaandCent, nauwkeurigheid: u.nauwkeurigheid,
    alleParametersGeverifieerd: u.alleParametersGeverifieerd,
  }
  return spoor ? { ...antwoord, berekening: u.berekening } : antwoord
}

/** Kinds of income on a polis line (the `uwv-polis` format's `soortInkomen`). */
export const SOORTEN_INKOMEN = ['loon', 'ww', 'zw', 'wia', 'wajong', 'overig'] as const
export type SoortInkomen = (typeof SOORTEN_INKOMEN)[number]

/** At most this many income relations in one request: more is a mistake, not a household. */
export const MAX_INKOMSTENVERHOUDINGEN = 20
const MAX_BEDRAG_CENT = 100_000_000
const REGEL_VELDEN = ['inkomstenverhoudingId', 'soortInkomen', 'brutoloonCent', 'loonheffingCent', 'vakantiebijslagReserveringCent',
  'werknemersinhoudingenCent', 'loonheffingskorting', 'leeftijdsgroep'] as const

/** One polis-like income relation of the month, as the caller gives it. */
export interface NettoRegel {
  readonly inkomstenverhoudingId?: string | undefined
  readonly soortInkomen: SoortInkomen
  readonly brutoloonCent: Cent
  readonly loonheffingCent?: Cent | undefined
  readonly vakantiebijslagReserveringCent?: Cent | undefined
  readonly werknemersinhoudingenCent?: Cent | undefined
  readonly loonheffingskorting?: boolean | undefined
  readonly leeftijdsgroep?: Leeftijdsgroep | undefined
}

export interface NettoVerzoek {
  readonly periode: Maand
  readonly inkomstenverhoudingen: readonly NettoRegel[]
  readonly controleerLoonheffing: boolean
}

export interface NettoRegelAntwoord {
  readonly regel: number
  readonly inkomstenverhoudingId?: string
  readonly soortInkomen: SoortInkomen
  readonly brutoloonCent: number
  readonly loonheffingCent: number
  /** `polis`: as given; `witte-maandtabel`: not given, estimated with the white monthly table of that year. */
  readonly loonheffingBron: 'polis' | 'witte-maandtabel'
  readonly loonheffingControle?: LoonheffingControle
  readonly nettoExclusiefVakantiebijslagCent: number
  readonly nettoVakantiebijslagCent: number
  readonly nettoIndicatiefInkomenCent: number
}

export interface NettoAntwoord {
  readonly periode: string
  readonly nettoIndicatiefInkomenCent: number
  /** True when at least one line's loonheffing was estimated with the table (the answer is then less certain). */
  readonly loonheffingGeschat: boolean
  readonly alleParametersGeverifieerd: boolean
  readonly inkomstenverhoudingen: readonly NettoRegelAntwoord[]
  readonly berekening?: readonly Stap[]
}

/**
 * Validates the body of the netto calculator, listing every problem (`netto-inkomen.invoer-ongeldig`); the names of
 * line problems are `inkomstenverhoudingen[i].veld`. A line without `loonheffingCent` is estimated with the white
 * table, which is only the table for wages (`soortInkomen: loon`): for a benefit the green table applies (no
 * arbeidskorting), which Knooppunt does not compute, so the withheld amount is then required instead of guessed.
 */
export function valideerNettoVerzoek(body: unknown): NettoVerzoek {
  const l = new InvoerLezer(body, ['periode', 'inkomstenverhoudingen', 'controleerLoonheffing'])
  const raw = (typeof body === 'object' && body !== null && !Array.isArray(body) ? body : {}) as Record<string, unknown>
  const periode = raw.periode
  if (periode === undefined || periode === null) l.problemen.push({ name: 'periode', code: 'verplicht', reason: 'verplicht veld ontbreekt' })
  else if (!isMaand(periode)) l.problemen.push({ name: 'periode', code: 'maand-ongeldig', reason: 'geen geldige maand (verwacht JJJJ-MM)' })
  const controle = l.jaNee('controleerLoonheffing', false)
  const lijst = raw.inkomstenverhoudingen
  const regels: NettoRegel[] = []
  if (lijst === undefined || lijst === null) l.problemen.push({ name: 'inkomstenverhoudingen', code: 'verplicht', reason: 'verplicht veld ontbreekt' })
  else if (!Array.isArray(lijst)) l.problemen.push({ name: 'inkomstenverhoudingen', code: 'geen-lijst', reason: 'verwacht een lijst met inkomstenverhoudingen' })
  else if (lijst.length === 0) l.problemen.push({ name: 'inkomstenverhoudingen', code: 'leeg', reason: 'geef minstens één inkomstenverhouding' })
  else if (lijst.length > MAX_INKOMSTENVERHOUDINGEN) l.problemen.push({ name: 'inkomstenverhoudingen', code: 'te-veel', reason: `hoogstens ${MAX_INKOMSTENVERHOUDINGEN} inkomstenverhoudingen per berekening` })
  else lijst.forEach((item, i) => {
    const { regel, problemen } = leesRegel(item)
    l.problemen.push(...problemen.map((p) => ({ ...p, name: `inkomstenverhoudingen[${i}]${p.name === '(body)' ? '' : `.${p.name}`}` })))
    if (regel) regels.push(regel)
  })
  l.klaar('netto-inkomen.invoer-ongeldig', 'de gegevens voor het netto inkomen zijn ongeldig')
  return { periode: periode as Maand, inkomstenverhoudingen: regels, controleerLoonheffing: controle! }
}

function leesRegel(item: unknown): { regel?: NettoRegel; problemen: readonly InvalidParam[] } {
  const l = new InvoerLezer(item, REGEL_VELDEN)
  if (l.problemen.some((p) => p.code === 'geen-object')) return { problemen: l.problemen }
  const raw = (typeof item === 'object' && item !== null && !Array.isArray(item) ? item : {}) as Record<string, unknown>
  const id = raw.inkomstenverhoudingId
  if (id !== undefined && (typeof id !== 'string' || id.length === 0 || id.length > 64)) {
    l.problemen.push({ name: 'inkomstenverhoudingId', code: 'tekst-ongeldig', reason: 'verwacht een tekst van 1 tot 64 tekens' })
  }
  const soort = l.keuze('soortInkomen', SOORTEN_INKOMEN)
  const bruto = l.cent('brutoloonCent', { max: MAX_BEDRAG_CENT })
  const lh = l.cent('loonheffingCent', { optioneel: true, max: MAX_BEDRAG_CENT })
  const vb = l.cent('vakantiebijslagReserveringCent', { optioneel: true, max: MAX_BEDRAG_CENT })
  const wi = l.cent('werknemersinhoudingenCent', { optioneel: true, max: MAX_BEDRAG_CENT })
  const lhk = raw.loonheffingskorting === undefined ? undefined : l.jaNee('loonheffingskorting')
  const groep = raw.leeftijdsgroep === undefined ? undefined : l.keuze('leeftijdsgroep', LEEFTIJDSGROEPEN)
  if (bruto !== undefined && lh !== undefined && lh > bruto) l.problemen.push({ name: 'loonheffingCent', code: 'groter-dan-bruto', reason: 'ingehouden loonheffing is hoger dan het brutoloon' })
  if (soort !== undefined && soort !== 'loon' && raw.loonheffingCent === undefined) {
    l.problemen.push({ name: 'loonheffingCent', code: 'verplicht-bij-uitkering', reason: `voor soortInkomen '${soort}' geldt niet de witte tabel voor loon (bij een uitkering meestal de groene tabel, zonder arbeidskorting), die Knooppunt niet berekent; geef de ingehouden loonheffing op` })
  }
  if (l.problemen.length > 0) return { problemen: l.problemen }
  return {
    regel: { inkomstenverhoudingId: id as string | undefined, soortInkomen: soort!, brutoloonCent: bruto!, loonheffingCent: lh, vakantiebijslagReserveringCent: vb, werknemersinhoudingenCent: wi, loonheffingskorting: lhk, leeftijdsgroep: groep },
    problemen: [],
  }
}

/**
 * The netto indicatief inkomen of one month for polis-like lines given by the caller: the documented method
 * (`berekenNettoInkomen`) per income relation, summed. Steps of line i have ids prefixed `ikv<i>-`; a missing date
 * parameter (a table estimate for a month before 2022 or after 2026) is refused naming `periode` and the parameter.
 */
export function berekenNettoAntwoord(body: unknown, opties: Rekenopties = {}): NettoAntwoord {
  const v = valideerNettoVerzoek(body)
  const meer = v.inkomstenverhoudingen.length > 1
  const stappen: Stap[] = []
  const regels: NettoRegelAntwoord[] = []
  let geverifieerd = true
  v.inkomstenverhoudingen.forEach((r, i) => {
    const u = metPeriode(() => berekenNettoInkomen({
      maand: v.periode, brutoLoonCent: r.brutoloonCent, ingehoudenLoonheffingCent: r.loonheffingCent,
      vakantiebijslagReserveringCent: r.vakantiebijslagReserveringCent, werknemersinhoudingenCent: r.werknemersinhoudingenCent,
      loonheffingskorting: r.loonheffingskorting, leeftijdsgroep: r.leeftijdsgroep,
    }, { controleerLoonheffing: v.controleerLoonheffing && r.soortInkomen === 'loon' }))
    const kop = meer ? `Inkomstenverhouding ${i + 1}${r.inkomstenverhoudingId ? ` (${r.inkomstenverhoudingId})` : ''}, ${r.soortInkomen}: ` : ''
    for (const s of u.berekening) {
      for (const p of s.parameters) geverifieerd &&= p.geverifieerd
      stappen.push({ ...s, id: `ikv${i + 1}-${s.id}`, wat: kop ? `${kop}${s.wat.charAt(0).toLowerCase()}${s.wat.slice(1)}` : s.wat })
    }
    regels.push({
      regel: i + 1, ...(r.inkomstenverhoudingId ? { inkomstenverhoudingId: r.inkomstenverhoudingId } : {}), soortInkomen: r.soortInkomen,
      brutoloonCent: r.brutoloonCent, loonheffingCent: u.loonheffingCent, loonheffingBron: u.loonheffingBron,
      ...(u.loonheffingControle ? { loonheffingControle: u.loonheffingControle } : {}),
      nettoExclusiefVakantiebijslagCent: u.nettoExclusiefVakantiebijslagCent, nettoVakantiebijslagCent: u.nettoVakantiebijslagCent,
      nettoIndicatiefInkomenCent: u.nettoIndicatiefInkomenCent,
    })
  })
  const totaal = regels.reduce((s, r) => s + r.nettoIndicatiefInkomenCent, 0)
  stappen.push({
    id: 'netto-indicatief-totaal', wat: meer ? `Netto indicatief inkomen van ${v.periode}: de ${regels.length} inkomstenverhoudingen bij elkaar opgeteld` : `Netto indicatief inkomen van ${v.periode}`,
    grondslag: 'methode Knooppunt (schatting): som over de inkomstenverhoudingen van de maand', formule: 'som van het netto indicatief inkomen per inkomstenverhouding',
    invoer: Object.fromEntries(regels.map((r) => [`inkomstenverhouding${r.regel}Cent`, r.nettoIndicatiefInkomenCent])), parameters: [], bedragCent: totaal,
  })
  const antwoord: NettoAntwoord = {
    periode: v.periode, nettoIndicatiefInkomenCent: totaal, loonheffingGeschat: regels.some((r) => r.loonheffingBron === 'witte-maandtabel'),
    alleParametersGeverifieerd: geverifieerd, inkomstenverhoudingen: regels,
  }
  return opties.spoor === false ? antwoord : { ...antwoord, berekening: stappen }
}

/** The method names the table's date `peildatum`; in this request the caller's field is `periode`. */
function metPeriode<T>(f: () => T): T {
  try {
    return f()
  } catch (e) {
    if (isAppError(e) && e.code === 'regels.parameter-onbekend') {
      throw new AppError('invalid', 'regels.parameter-onbekend', e.message,
        [{ name: 'periode', code: 'parameter-onbekend', reason: `${e.message}; de loonheffing moest worden geschat met de witte maandtabel, die voor deze maand niet bekend is (geef de ingehouden loonheffing op, of kies een maand van 2022 tot en met 2026)` }])
    }
    throw e
  }
}
