import { isAppError, multiply, type Cent, type Datum, type Maand } from '../../core/index.js'
import { InvoerLezer, geenSpoor, nieuwSpoor, type Algoritme, type Spoor, type Stap } from '../../platform/rules/index.js'
import { berekenLoonheffing, LEEFTIJDSGROEPEN, loonheffingParameters, type Leeftijdsgroep } from './loonheffing/index.js'

/** Polis facts for one income relation in one month (integer cents). */
export interface NettoInkomenInvoer {
  readonly maand: Maand
  /** Loon voor de loonheffing (loon LB/PH) in the period. */
  readonly brutoLoonCent: Cent
  /**
   * Loonheffing withheld in the period. When absent, it is estimated with the Belastingdienst's white monthly table
   * for that year (see `loonheffingskorting` and `leeftijdsgroep`), and the answer says so.
   */
  readonly ingehoudenLoonheffingCent?: Cent | undefined
  /** Vakantiebijslag reserved (opgebouwd) in the period, not yet paid. */
  readonly vakantiebijslagReserveringCent?: Cent | undefined
  /** Other mandatory employee deductions known from the polis (e.g. pension contribution), if any. */
  readonly werknemersinhoudingenCent?: Cent | undefined
  /** For the table estimate: was the loonheffingskorting applied by this employer? Default: yes. */
  readonly loonheffingskorting?: boolean | undefined
  /** For the table estimate: age group of the table column. Default: below the AOW age. */
  readonly leeftijdsgroep?: Leeftijdsgroep | undefined
}

/** The white-table amounts next to a withheld loonheffing (a check; it never changes the netto amount). */
export interface LoonheffingControle {
  readonly metLoonheffingskortingCent: Cent
  readonly zonderLoonheffingskortingCent: Cent
  /** Withheld amount between the table amount with and the one without loonheffingskorting (inclusive). */
  readonly binnenTabelmarge: boolean
  readonly nauwkeurigheid: 'tabel' | 'benadering'
}

export interface NettoInkomenUitkomst {
  readonly loonheffingCent: Cent
  /** `polis`: the withheld amount from the polis; `witte-maandtabel`: estimated because the polis line had none. */
  readonly loonheffingBron: 'polis' | 'witte-maandtabel'
  readonly loonheffingControle?: LoonheffingControle | undefined
  readonly nettoExclusiefVakantiebijslagCent: Cent
  readonly nettoVakantiebijslagCent: Cent
  readonly nettoIndicatiefInkomenCent: Cent
  readonly berekening: readonly Stap[]
}

export interface NettoInkomenOpties {
  readonly spoor?: boolean
  /** Also compute the white-table amounts for a withheld loonheffing and report whether it lies between them. */
  readonly controleerLoonheffing?: boolean
}

/**
 * Validates a body into polis facts, listing every problem (`AppError('invalid', 'netto-inkomen.invoer-ongeldig')`).
 */
export function valideerNettoInkomenInvoer(body: unknown): NettoInkomenInvoer {
  const l = new InvoerLezer(body, ['maand', 'brutoLoonCent', 'ingehoudenLoonheffingCent', 'vakantiebijslagReserveringCent', 'werknemersinhoudingenCent', 'loonheffingskorting', 'leeftijdsgroep'])
  const raw = (body ?? {}) as Record<string, unknown>
  const maand = typeof raw.maand === 'string' && /^\d{4}-(0[1-9]|1[0-2])$/.test(raw.maand) ? (raw.maand as Maand) : undefined
  if (!maand) l.problemen.push({ name: 'maand', code: 'maand-ongeldig', reason: 'geen geldige maand (verwacht JJJJ-MM)' })
  const bruto = l.cent('brutoLoonCent', { max: 100_000_000 })
  const lh = l.cent('ingehoudenLoonheffingCent', { optioneel: true, max: 100_000_000 })
  const vb = l.cent('vakantiebijslagReserveringCent', { optioneel: true, max: 100_000_000 })
  const wi = l.cent('werknemersinhoudingenCent', { optioneel: true, max: 100_000_000 })
  const lhk = raw.loonheffingskorting === undefined ? undefined : l.jaNee('loonheffingskorting')
  const groep = raw.leeftijdsgroep === undefined ? undefined : l.keuze('leeftijdsgroep', LEEFTIJDSGROEPEN)
  if (bruto !== undefined && lh !== undefined && lh > bruto) l.problemen.push({ name: 'ingehoudenLoonheffingCent', code: 'groter-dan-bruto', reason: 'ingehouden loonheffing is hoger dan het brutoloon' })
  l.klaar('netto-inkomen.invoer-ongeldig', 'de polisgegevens voor het netto inkomen zijn ongeldig')
  return { maand: maand!, brutoLoonCent: bruto!, ingehoudenLoonheffingCent: lh, vakantiebijslagReserveringCent: vb, werknemersinhoudingenCent: wi, loonheffingskorting: lhk, leeftijdsgroep: groep }
}

const eersteDag = (m: Maand) => `${m}-01` as Datum

/**
 * Netto indicatief inkomen from polis facts: bruto − loonheffing − other employee deductions, plus the reserved
 * vakantiebijslag netted at the same effective loonheffing rate as this month's wage. The loonheffing is the withheld
 * amount from the polis; only when the polis line has none is it estimated with the white monthly table of that year
 * (`berekenLoonheffing`; a year without a table is refused with `regels.parameter-onbekend`, never guessed). With
 * `controleerLoonheffing`, a withheld amount is also compared with the table (informative; the netto is unchanged).
 * An estimate, not the Belastingdienst's final tax: the loonheffing actually due on a later vakantiebijslag payment
 * can differ (bijzonder tarief).
 */
export function berekenNettoInkomen(invoer: NettoInkomenInvoer, opties: NettoInkomenOpties = {}): NettoInkomenUitkomst {
  const spoor = opties.spoor === false ? geenSpoor() : nieuwSpoor()
  const bruto = invoer.brutoLoonCent
  const tabelInvoer = {
    peildatum: eersteDag(invoer.maand), loonPerMaandCent: bruto, loonheffingskorting: invoer.loonheffingskorting ?? true,
    leeftijdsgroep: invoer.leeftijdsgroep ?? ('jonger-dan-aow' as const),
  }
  let lh: Cent
  let bron: NettoInkomenUitkomst['loonheffingBron']
  let controle: LoonheffingControle | undefined
  if (invoer.ingehoudenLoonheffingCent === undefined) {
    const t = berekenLoonheffing(tabelInvoer, { spoor: spoor.actief })
    lh = t.loonheffingPerMaandCent
    bron = 'witte-maandtabel'
    voegToe(spoor, t.berekening, 'loonheffing-')
    spoor.stap({
      id: 'loonheffing-geschat', wat: `Geen ingehouden loonheffing in de polisregel: geschat met de witte maandtabel (${tabelInvoer.loonheffingskorting ? 'met' : 'zonder'} loonheffingskorting, ${tabelInvoer.leeftijdsgroep})`,
      grondslag: 'methode Knooppunt: witte maandtabel loonbelasting/premie volksverzekeringen als schatting', invoer: { brutoLoonCent: bruto, nauwkeurigheid: t.nauwkeurigheid },
      parameters: [], bedragCent: lh,
    })
  } else {
    lh = invoer.ingehoudenLoonheffingCent
    bron = 'polis'
    if (opties.controleerLoonheffing) controle = controleer(tabelInvoer, lh, spoor)
  }
  const overig = invoer.werknemersinhoudingenCent ?? 0
  const netto = Math.max(0, bruto - lh - overig) as Cent
  spoor.stap({ id: 'netto-loon', wat: 'Brutoloon min loonheffing en andere werknemersinhoudingen', grondslag: bron === 'polis' ? 'polisadministratie (art. 33 Wet SUWI): loon LB/PH en ingehouden loonheffing' : 'polisadministratie (loon LB/PH); loonheffing geschat met de witte maandtabel', formule: 'max(0, bruto − loonheffing − inhoudingen)', invoer: { brutoCent: bruto, loonheffingCent: lh, inhoudingenCent: overig }, parameters: [], bedragCent: netto })
  const reservering = invoer.vakantiebijslagReserveringCent ?? 0
  const vb = bruto > 0 ? multiply(reservering as Cent, Math.max(0, bruto - lh), bruto, 'naar-beneden') : (0 as Cent)
  spoor.stap({ id: 'netto-vakantiebijslag', wat: 'Gereserveerde vakantiebijslag, netto gemaakt tegen het effectieve loonheffingspercentage van deze maand', grondslag: 'methode Knooppunt (schatting)', formule: 'reservering × (bruto − loonheffing) / bruto', invoer: { reserveringCent: reservering, brutoCent: bruto, loonheffingCent: lh }, parameters: [], afronding: { wijze: 'naar-beneden', toelichting: 'op hele centen; een schatting wordt niet naar boven afgerond' }, bedragCent: vb })
  const totaal = (netto + vb) as Cent
  spoor.stap({ id: 'netto-indicatief', wat: 'Netto indicatief inkomen inclusief vakantiebijslag', grondslag: 'methode Knooppunt (schatting)', formule: 'netto loon + netto vakantiebijslag', invoer: {}, parameters: [], bedragCent: totaal })
  return { loonheffingCent: lh, loonheffingBron: bron, loonheffingControle: controle, nettoExclusiefVakantiebijslagCent: netto, nettoVakantiebijslagCent: vb, nettoIndicatiefInkomenCent: totaal, berekening: spoor.stappen() }
}

/** Copies table steps into the netto trace with a prefix, so ids stay unique. */
function voegToe(spoor: Spoor, stappen: readonly Stap[], prefix: string): void {
  for (const s of stappen) spoor.stap({ ...s, id: `${prefix}${s.id}` })
}

/**
 * Puts a withheld loonheffing next to the white-table amounts with and without loonheffingskorting. A regular monthly
 * wage lies between them; outside that range points at a bijzondere beloning, another table (groen, anoniem) or a
 * korting applied by another employer. A year without a table gives no check (a step says so) rather than a guess.
 */
function controleer(tabelInvoer: Parameters<typeof berekenLoonheffing>[0], lh: Cent, spoor: Spoor): LoonheffingControle | undefined {
  try {
    const met = berekenLoonheffing({ ...tabelInvoer, loonheffingskorting: true }, { spoor: false })
    const marge = met.nauwkeurigheid === 'benadering' ? 20 : 0
    const binnen = lh >= met.metLoonheffingskortingPerMaandCent - marge && lh <= met.zonderLoonheffingskortingPerMaandCent + marge
    spoor.stap({
      id: 'controle-loonheffing', wat: `Controle: de ingehouden loonheffing ligt ${binnen ? 'binnen' : 'buiten'} de witte maandtabel (tussen het bedrag met en zonder loonheffingskorting)`,
      grondslag: 'methode Knooppunt: vergelijking met de witte maandtabel; verandert het netto inkomen niet',
      invoer: { ingehoudenCent: lh, metLoonheffingskortingCent: met.metLoonheffingskortingPerMaandCent, zonderLoonheffingskortingCent: met.zonderLoonheffingskortingPerMaandCent, binnenTabelmarge: binnen },
      parameters: [], bedragCent: lh,
    })
    return { metLoonheffingskortingCent: met.metLoonheffingskortingPerMaandCent, zonderLoonheffingskortingCent: met.zonderLoonheffingskortingPerMaandCent, binnenTabelmarge: binnen, nauwkeurigheid: met.nauwkeurigheid }
  } catch (e) {
    if (!isAppError(e) || e.code !== 'regels.parameter-onbekend') throw e
    spoor.stap({ id: 'controle-loonheffing', wat: `Controle niet mogelijk: ${e.message}`, grondslag: 'methode Knooppunt', invoer: { ingehoudenCent: lh }, parameters: [], bedragCent: lh })
    return undefined
  }
}

export const nettoInkomenAlgoritme: Algoritme = {
  id: 'netto-inkomen',
  titel: 'Netto indicatief inkomen uit de polisadministratie (met de witte maandtabel voor de loonheffing)',
  doel: 'Schat uw netto inkomen per maand uit de gegevens die uw werkgever of uitkeringsinstantie aan de polisadministratie levert. Gemeenten gebruiken dit als indicatie, bijvoorbeeld bij het verrekenen van inkomsten met bijstand of voor de beslagvrije voet. Staat er in de polisgegevens geen ingehouden loonheffing, dan rekent Knooppunt die uit met de witte maandtabel van de Belastingdienst voor dat jaar. Een gemeente of beslaglegger kan de berekening ook zelf laten maken met bedragen die zij opgeeft, zonder BSN: de loonheffing (POST /api/v1/loonheffing/_bereken) of het netto inkomen (POST /api/v1/netto-inkomen/_bereken), ook met de opdrachten knooppunt loonheffing en knooppunt netto en op de portaalpagina Netto inkomen.',
  grondslag: [
    'Wet structuur uitvoeringsorganisatie werk en inkomen art. 33 (polisadministratie)',
    'Wet inkomstenbelasting 2001 (BWBR0011353) art. 2.10 en 2.10a (schijven en tarieven), art. 8.3–8.7 (verdeling van de heffingskortingen over belasting en premies), art. 8.10 (algemene heffingskorting), art. 8.11 (arbeidskorting), art. 8.17 en 8.18 (ouderenkortingen)',
    'Wet financiering sociale verzekeringen (BWBR0017745) art. 8 lid 3 (maximum premie-inkomen), art. 10–12 (premie volksverzekeringen, heffingskorting)',
    'Wet op de loonbelasting 1964 art. 22a (loonheffingskorting) en art. 25 (loonbelastingtabellen)',
    'Belastingdienst, witte maandtabel loonbelasting/premie volksverzekeringen en de rekenvoorschriften voor de geautomatiseerde loonadministratie (de rekenregels hieronder zijn afgeleid uit de gepubliceerde tabellen en daaraan getoetst)',
    'Het netto indicatief inkomen zelf is geen wettelijke rekenregel: dit is een gedocumenteerde schattingsmethode',
  ],
  stappen: [
    { wat: 'Loonheffing: de ingehouden loonheffing uit de polisgegevens. Alleen als die ontbreekt, de witte maandtabel (stappen 2 tot en met 7).', grondslag: 'polisgegevens; methode Knooppunt' },
    { wat: 'Witte maandtabel: het maandloon wordt naar beneden afgerond op de tabelregel (stappen van € 4,50) en maal 12 genomen: het jaarloon.', grondslag: 'art. 25 Wet LB 1964; witte maandtabel' },
    { wat: 'Over het jaarloon per schijf het tarief: in de eerste schijf belasting plus premie volksverzekeringen (vanaf de AOW-leeftijd zonder AOW-premie), in de tweede en derde schijf het tarief van art. 2.10. Elke schijf wordt naar beneden afgerond op hele euro’s.', grondslag: 'art. 2.10/2.10a Wet IB 2001; art. 8 en 10 Wfsv' },
    { wat: 'Met loonheffingskorting: de algemene heffingskorting (maximum, afgebouwd boven de afbouwgrens) en de arbeidskorting (opbouw in drie delen, afbouw boven de afbouwgrens), elk naar boven afgerond op hele euro’s.', grondslag: 'art. 8.10 en 8.11 Wet IB 2001; art. 22a Wet LB 1964' },
    { wat: 'Vanaf de AOW-leeftijd: de kortingen zonder het AOW-deel: percentages maal het deel van het eerste-schijftarief zonder AOW-premie (op drie decimalen), het maximum van de algemene heffingskorting idem, afgerond op euro’s plus € 1 (een empirische regel: de enige afronding die de tabellen van alle vijf jaren reproduceert), de maxima van de arbeidskorting langs de zo verkregen lijn (op euro’s afgerond bij elk knikpunt), plus de ouderenkorting en zo nodig de alleenstaande ouderenkorting.', grondslag: 'art. 8.3–8.7, 8.17, 8.18 Wet IB 2001; art. 12 Wfsv' },
    { wat: 'Loonheffing per jaar = belasting en premie min de kortingen, niet lager dan nul.', grondslag: 'art. 8.8 Wet IB 2001' },
    { wat: 'Loonheffing per maand = het jaarbedrag gedeeld door 12, afgerond op hele centen.', grondslag: 'witte maandtabel' },
    { wat: 'Op verzoek: een ingehouden loonheffing wordt naast de tabelbedragen met en zonder loonheffingskorting gezet (alleen ter controle; het netto inkomen verandert niet).', grondslag: 'methode Knooppunt' },
    { wat: 'Netto loon: brutoloon (loon voor de loonheffing) min de loonheffing en andere bekende werknemersinhoudingen, niet lager dan nul.', grondslag: 'polisgegevens' },
    { wat: 'De gereserveerde vakantiebijslag, netto gemaakt tegen hetzelfde loonheffingspercentage als het loon van die maand, naar beneden afgerond op centen.', grondslag: 'methode Knooppunt' },
    { wat: 'Samen: het netto indicatief inkomen inclusief vakantiebijslag.', grondslag: 'methode Knooppunt' },
  ],
  beperkingen: [
    'Dit is een schatting. Over vakantiebijslag wordt bij uitbetaling het tarief voor bijzondere beloningen ingehouden, dat kan afwijken.',
    'Onder de AOW-leeftijd geeft de berekening voor 2022 tot en met 2026 tot op de cent de bedragen van de gepubliceerde witte maandtabel (getoetst aan 239 testgevallen uit de gepubliceerde tabellen). De tabellen zijn gelezen in een openbare kopie (github.com/stevermeister/dutch-tax-income-calculator-npm), niet rechtstreeks bij de Belastingdienst.',
    'De rekenvoorschriften van de Belastingdienst zelf konden niet worden gelezen. De afrondingen (tabelregel naar beneden, schijven naar beneden op euro’s, kortingen naar boven op euro’s, maandbedrag op centen) zijn afgeleid uit de tabelbedragen en daaraan getoetst.',
    'Vanaf de AOW-leeftijd met loonheffingskorting is de uitkomst een benadering: 48 van 59 getoetste tabelregels (alle van 2022, 2025 en 2026) kloppen tot op de cent, de andere (2023, 2024) wijken 8 of 9 cent per maand af (de eigen afronding van de Belastingdienst voor de AOW-kortingen is niet bekend). Zonder loonheffingskorting klopt ook de AOW-kolom tot op de cent.',
    'De premiepercentages volksverzekeringen voor 2025 en 2026 zijn niet in een gelezen bron gevonden (wel reproduceren ze de tabellen van die jaren); ze staan als niet geverifieerd in de data.',
    'Alleen de witte tabel voor loon uit tegenwoordige dienstbetrekking, tijdvak maand. Groene tabel (uitkeringen uit vroegere dienstbetrekking), bijzondere beloningen, anoniementarief, herleidingsregels voor andere tijdvakken, de 30%-regeling en jonggehandicaptenkorting worden niet berekend.',
    'Een jaar zonder tabel (vóór 2022 of na 2026) geeft een foutmelding; de tabel van een ander jaar wordt nooit gebruikt.',
    'Geschat wordt alleen de loonheffing op loon. Bij een uitkering (WW, Ziektewet, WIA, Wajong) gebruikt de uitkeringsinstantie meestal de groene tabel, zonder arbeidskorting (uwv.nl, uitleg bij de jaaropgaaf); die berekent Knooppunt niet. Wie de berekening zelf laat maken (API POST /api/v1/netto-inkomen/_bereken, de opdracht knooppunt netto of de portaalpagina Netto inkomen) moet bij een uitkering daarom de ingehouden loonheffing opgeven; Knooppunt schat die dan niet.',
  ],
  parameters: loonheffingParameters,
}
