import { multiply, type Cent, type Maand } from '../../core/index.js'
import { InvoerLezer, geenSpoor, maakParameterRegister, nieuwSpoor, type Algoritme, type Stap } from '../../platform/rules/index.js'

/** Polis facts for one income relation in one month (integer cents). */
export interface NettoInkomenInvoer {
  readonly maand: Maand
  /** Loon voor de loonheffing (loon LB/PH) in the period. */
  readonly brutoLoonCent: Cent
  /** Loonheffing withheld in the period. */
  readonly ingehoudenLoonheffingCent: Cent
  /** Vakantiebijslag reserved (opgebouwd) in the period, not yet paid. */
  readonly vakantiebijslagReserveringCent?: Cent | undefined
  /** Other mandatory employee deductions known from the polis (e.g. pension contribution), if any. */
  readonly werknemersinhoudingenCent?: Cent | undefined
}

export interface NettoInkomenUitkomst {
  readonly nettoExclusiefVakantiebijslagCent: Cent
  readonly nettoVakantiebijslagCent: Cent
  readonly nettoIndicatiefInkomenCent: Cent
  readonly berekening: readonly Stap[]
}

/** Validates a body into polis facts, listing every problem. */
export function valideerNettoInkomenInvoer(body: unknown): NettoInkomenInvoer {
  const l = new InvoerLezer(body, ['maand', 'brutoLoonCent', 'ingehoudenLoonheffingCent', 'vakantiebijslagReserveringCent', 'werknemersinhoudingenCent'])
  const raw = (body ?? {}) as Record<string, unknown>
  const maand = typeof raw.maand === 'string' && /^\d{4}-(0[1-9]|1[0-2])$/.test(raw.maand) ? (raw.maand as Maand) : undefined
  if (!maand) l.problemen.push({ name: 'maand', code: 'maand-ongeldig', reason: 'geen geldige maand (verwacht JJJJ-MM)' })
  const bruto = l.cent('brutoLoonCent', { max: 100_000_000 })
  const lh = l.cent('ingehoudenLoonheffingCent', { max: 100_000_000 })
  const vb = l.cent('vakantiebijslagReserveringCent', { optioneel: true, max: 100_000_000 })
  const wi = l.cent('werknemersinhoudingenCent', { optioneel: true, max: 100_000_000 })
  if (bruto !== undefined && lh !== undefined && lh > bruto) l.problemen.push({ name: 'ingehoudenLoonheffingCent', code: 'groter-dan-bruto', reason: 'ingehouden loonheffing is hoger dan het brutoloon' })
  l.klaar('netto-inkomen.invoer-ongeldig', 'de polisgegevens voor het netto inkomen zijn ongeldig')
  return { maand: maand!, brutoLoonCent: bruto!, ingehoudenLoonheffingCent: lh!, vakantiebijslagReserveringCent: vb, werknemersinhoudingenCent: wi }
}

/**
 * Netto indicatief inkomen from polis facts: bruto − withheld loonheffing − other employee deductions, plus the reserved
 * vakantiebijslag netted at the same effective loonheffing rate as this month's wage. An estimate, not the
 * Belastingdienst's rekenvoorschriften: the loonheffing actually due on a later vakantiebijslag payment can differ
 * (bijzonder tarief).
 */
export function berekenNettoInkomen(invoer: NettoInkomenInvoer, opties: { spoor?: boolean } = {}): NettoInkomenUitkomst {
  const spoor = opties.spoor === false ? geenSpoor() : nieuwSpoor()
  const { brutoLoonCent: bruto, ingehoudenLoonheffingCent: lh } = invoer
  const overig = invoer.werknemersinhoudingenCent ?? 0
  const netto = Math.max(0, bruto - lh - overig) as Cent
  spoor.stap({ id: 'netto-loon', wat: 'Brutoloon min ingehouden loonheffing en andere werknemersinhoudingen', grondslag: 'polisadministratie (art. 33 Wet SUWI): loon LB/PH en ingehouden loonheffing', formule: 'max(0, bruto − loonheffing − inhoudingen)', invoer: { bruto, loonheffing: lh, inhoudingen: overig }, parameters: [], bedragCent: netto })
  const reservering = invoer.vakantiebijslagReserveringCent ?? 0
  const vb = bruto > 0 ? multiply(reservering as Cent, bruto - lh, bruto, 'naar-beneden') : (0 as Cent)
  spoor.stap({ id: 'netto-vakantiebijslag', wat: 'Gereserveerde vakantiebijslag, netto gemaakt tegen het effectieve loonheffingspercentage van deze maand', grondslag: 'methode Knooppunt (schatting)', formule: 'reservering × (bruto − loonheffing) / bruto', invoer: { reservering, bruto, loonheffing: lh }, parameters: [], afronding: { wijze: 'naar-beneden', toelichting: 'op hele centen; een schatting wordt niet naar boven afgerond' }, bedragCent: vb })
  const totaal = (netto + vb) as Cent
  spoor.stap({ id: 'netto-indicatief', wat: 'Netto indicatief inkomen inclusief vakantiebijslag', grondslag: 'methode Knooppunt (schatting)', formule: 'netto loon + netto vakantiebijslag', invoer: {}, parameters: [], bedragCent: totaal })
  return { nettoExclusiefVakantiebijslagCent: netto, nettoVakantiebijslagCent: vb, nettoIndicatiefInkomenCent: totaal, berekening: spoor.stappen() }
}

export const nettoInkomenAlgoritme: Algoritme = {
  id: 'netto-inkomen',
  titel: 'Netto indicatief inkomen uit de polisadministratie',
  doel: 'Schat uw netto inkomen per maand uit de gegevens die uw werkgever of uitkeringsinstantie aan de polisadministratie levert. Gemeenten gebruiken dit als indicatie, bijvoorbeeld bij het verrekenen van inkomsten met bijstand.',
  grondslag: ['Wet structuur uitvoeringsorganisatie werk en inkomen art. 33 (polisadministratie)', 'Geen wettelijke rekenregel: dit is een gedocumenteerde schattingsmethode'],
  stappen: [
    { wat: 'Brutoloon (loon voor de loonheffing) min de ingehouden loonheffing en andere bekende werknemersinhoudingen.', grondslag: 'polisgegevens' },
    { wat: 'De gereserveerde vakantiebijslag, netto gemaakt tegen hetzelfde loonheffingspercentage als het loon van die maand, naar beneden afgerond op centen.', grondslag: 'methode Knooppunt' },
    { wat: 'Samen: het netto indicatief inkomen inclusief vakantiebijslag.', grondslag: 'methode Knooppunt' },
  ],
  beperkingen: [
    'Dit is een schatting. Over vakantiebijslag wordt bij uitbetaling het tarief voor bijzondere beloningen ingehouden, dat kan afwijken.',
    'De rekenvoorschriften van de Belastingdienst voor de loonheffingstabellen (2022–2026) zijn nog niet geïmplementeerd en niet getoetst aan gepubliceerde tabelwaarden.',
  ],
  parameters: maakParameterRegister('netto-inkomen', []),
}
