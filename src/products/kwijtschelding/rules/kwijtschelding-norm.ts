import { multiply, type Cent, type Datum } from '../../../core/index.js'
import { InvoerLezer, gebruikt, geenSpoor, maakParameterRegister, nieuwSpoor, type Algoritme, type Parameter, type Stap } from '../../../platform/rules/index.js'
import data from './parameters.json' with { type: 'json' }

export const kwijtscheldingParameters = maakParameterRegister('kwijtschelding', data.parameters as readonly Parameter[])

/** Facts and local norms for one kwijtschelding check (integer cents, per month unless stated). */
export interface KwijtscheldingInvoer {
  readonly peildatum: Datum
  /** The applicable bijstandsnorm incl. vakantietoeslag (from the bijstandsnormen calculation). */
  readonly bijstandsnormCent: Cent
  /** Kosten van bestaan as a percentage of the bijstandsnorm, set by the gemeente or waterschap: 90–100. */
  readonly normpercentage: number
  /** Netto besteedbaar inkomen per month: income minus the allowed costs (rent after huurtoeslag, etc.). */
  readonly nettoBesteedbaarInkomenCent: Cent
  /** Vermogen (bank balances etc.) and the buffer the local norm allows. */
  readonly vermogenCent: Cent
  readonly vermogensbufferCent: Cent
  /** Dagwaarde of the household's most valuable car, if any. */
  readonly autoWaardeCent?: Cent | undefined
  /** The local car limit; default the standard limit parameter. */
  readonly autoWaardeGrensCent?: Cent | undefined
  /** The aanslag for which kwijtschelding is asked (per year). */
  readonly aanslagCent: Cent
}

export type Belemmering = { readonly soort: 'vermogen' | 'auto'; readonly omschrijving: string; readonly bedragCent: Cent; readonly normCent: Cent }

export interface KwijtscheldingUitkomst {
  readonly kostenVanBestaanCent: Cent
  readonly betalingscapaciteitPerMaandCent: Cent
  readonly betalingscapaciteitPerJaarCent: Cent
  readonly aanTeWendenCent: Cent
  readonly belemmeringen: readonly Belemmering[]
  /** Amount of the aanslag that can be remitted: 0 when there is a belemmering. */
  readonly kwijtscheldingCent: Cent
  readonly teBetalenCent: Cent
  readonly berekening: readonly Stap[]
}

/** Validates a request body, listing every problem. */
export function valideerKwijtscheldingInvoer(body: unknown): KwijtscheldingInvoer {
  const l = new InvoerLezer(body, ['peildatum', 'bijstandsnormCent', 'normpercentage', 'nettoBesteedbaarInkomenCent', 'vermogenCent', 'vermogensbufferCent', 'autoWaardeCent', 'autoWaardeGrensCent', 'aanslagCent'])
  const r = {
    peildatum: l.datum('peildatum'), bijstandsnormCent: l.cent('bijstandsnormCent', { max: 1_000_000 }), normpercentage: l.geheelGetal('normpercentage', 90, 100),
    nettoBesteedbaarInkomenCent: l.cent('nettoBesteedbaarInkomenCent', { max: 100_000_000 }), vermogenCent: l.cent('vermogenCent'),
    vermogensbufferCent: l.cent('vermogensbufferCent'), autoWaardeCent: l.cent('autoWaardeCent', { optioneel: true }),
    autoWaardeGrensCent: l.cent('autoWaardeGrensCent', { optioneel: true }), aanslagCent: l.cent('aanslagCent', { max: 10_000_000 }),
  }
  l.klaar('kwijtschelding.invoer-ongeldig', 'de invoer voor de kwijtscheldingstoets is ongeldig')
  return r as KwijtscheldingInvoer
}

/**
 * Kwijtschelding of a local tax for one household: kosten van bestaan (90–100 % of the bijstandsnorm), the
 * betalingscapaciteit, the part of it that must be used, belemmeringen in vermogen and car value, and the amount of the
 * aanslag that can be remitted. Pure: the facts come in as input.
 */
export function toetsKwijtschelding(invoer: KwijtscheldingInvoer, opties: { spoor?: boolean } = {}): KwijtscheldingUitkomst {
  const spoor = opties.spoor === false ? geenSpoor() : nieuwSpoor()
  const p = kwijtscheldingParameters
  const kvb = multiply(invoer.bijstandsnormCent, invoer.normpercentage, 100, 'rekenkundig')
  spoor.stap({ id: 'kosten-van-bestaan', wat: `Kosten van bestaan: ${invoer.normpercentage} % van de bijstandsnorm`, grondslag: 'art. 26 Invorderingswet 1990; art. 16 lid 1 Uitvoeringsregeling Invorderingswet 1990 (90 %); art. 2 Regeling kwijtschelding belastingen medeoverheden (bij verordening 90–100 %)', formule: 'normpercentage × bijstandsnorm', invoer: { bijstandsnormCent: invoer.bijstandsnormCent, normpercentage: invoer.normpercentage }, parameters: [], afronding: { wijze: 'rekenkundig', toelichting: 'op hele centen' }, bedragCent: kvb })
  const bcMaand = Math.max(0, invoer.nettoBesteedbaarInkomenCent - kvb) as Cent
  spoor.stap({ id: 'betalingscapaciteit-maand', wat: 'Betalingscapaciteit per maand', grondslag: 'art. 13 lid 1 Uitvoeringsregeling Invorderingswet 1990: netto besteedbaar inkomen min kosten van bestaan', formule: 'max(0, NBI − kosten van bestaan)', invoer: { nbiCent: invoer.nettoBesteedbaarInkomenCent }, parameters: [], bedragCent: bcMaand })
  const bcJaar = (bcMaand * 12) as Cent
  spoor.stap({ id: 'betalingscapaciteit-jaar', wat: 'Betalingscapaciteit per jaar', grondslag: 'kwijtschelding', formule: '12 × per maand', invoer: {}, parameters: [], bedragCent: bcJaar })
  const deel = p.op('kwijtschelding.aanwendbaar-deel-betalingscapaciteit', invoer.peildatum)
  const aanwenden = multiply(bcJaar, deel.waarde, 10_000, 'naar-beneden')
  spoor.stap({ id: 'aan-te-wenden', wat: 'Deel van de betalingscapaciteit dat voor de aanslag wordt gebruikt', grondslag: 'art. 11 onder b, 2° Uitvoeringsregeling Invorderingswet 1990 (ten minste 80 percent)', formule: 'aandeel × betalingscapaciteit per jaar', invoer: {}, parameters: [gebruikt(deel)], afronding: { wijze: 'naar-beneden', toelichting: 'in het voordeel van de aanvrager' }, bedragCent: aanwenden })

  const belemmeringen: Belemmering[] = []
  const overVermogen = invoer.vermogenCent - invoer.vermogensbufferCent
  if (overVermogen > 0) belemmeringen.push({ soort: 'vermogen', omschrijving: 'Vermogen boven de buffer van de gemeentelijke norm', bedragCent: invoer.vermogenCent, normCent: invoer.vermogensbufferCent })
  const grens = invoer.autoWaardeGrensCent ?? (p.op('kwijtschelding.autowaarde-grens-standaard', invoer.peildatum).waarde as Cent)
  if (invoer.autoWaardeCent !== undefined && invoer.autoWaardeCent > grens) belemmeringen.push({ soort: 'auto', omschrijving: 'Waarde van de auto boven de grens', bedragCent: invoer.autoWaardeCent, normCent: grens })
  for (const b of belemmeringen) spoor.stap({ id: `belemmering-${b.soort}`, wat: b.omschrijving, grondslag: 'art. 26 Invorderingswet 1990 jo. gemeentelijke kwijtscheldingsregeling', invoer: { normCent: b.normCent }, parameters: [], bedragCent: b.bedragCent })

  const teBetalen = (belemmeringen.length > 0 ? invoer.aanslagCent : Math.min(invoer.aanslagCent, aanwenden)) as Cent
  const kwijt = (invoer.aanslagCent - teBetalen) as Cent
  spoor.stap({ id: 'kwijtschelding', wat: belemmeringen.length > 0 ? 'Belemmering: geen kwijtschelding' : 'Kwijtschelding: de aanslag min wat betaald kan worden', grondslag: 'art. 26 Invorderingswet 1990', formule: 'aanslag − min(aanslag, aan te wenden)', invoer: { aanslagCent: invoer.aanslagCent }, parameters: [], bedragCent: kwijt })
  return { kostenVanBestaanCent: kvb, betalingscapaciteitPerMaandCent: bcMaand, betalingscapaciteitPerJaarCent: bcJaar, aanTeWendenCent: aanwenden, belemmeringen, kwijtscheldingCent: kwijt, teBetalenCent: teBetalen, berekening: spoor.stappen() }
}

export const kwijtscheldingAlgoritme: Algoritme = {
  id: 'kwijtschelding',
  titel: 'Kwijtschelding lokale belastingen (norm en betalingscapaciteit)',
  doel: 'Bepaalt of u (een deel van) een aanslag van de gemeente of het waterschap kwijtgescholden kunt krijgen: wat u per maand overhoudt boven de kosten van bestaan, welk deel daarvan voor de aanslag wordt gebruikt, en of uw vermogen of auto een belemmering is.',
  grondslag: [
    'Invorderingswet 1990 art. 26 en de Uitvoeringsregeling Invorderingswet 1990 (BWBR0004766) art. 11–16, via art. 27 en 28 lid 1 onder a van toepassing op gemeentelijke en waterschapsbelastingen',
    'Regeling kwijtschelding belastingen medeoverheden (BWBR0047157, versie 2022-09-17, werkt terug tot 1 januari 2022) art. 2: bij verordening een normpercentage van ten minste 90 en ten hoogste 100; art. 4: een hogere vrijstelling van financiële middelen',
    'De kwijtscheldingsregeling van de gemeente of het waterschap (normpercentage 90–100 %, buffers, autogrens)',
  ],
  stappen: [
    { wat: 'Kosten van bestaan: het normpercentage van de gemeente (90 tot 100 %) van uw bijstandsnorm.', grondslag: 'art. 16 Uitvoeringsregeling IW 1990 (90 %); art. 2 Regeling kwijtschelding belastingen medeoverheden (90 tot 100 % bij verordening)' },
    { wat: 'Betalingscapaciteit: uw netto besteedbaar inkomen min de kosten van bestaan, per maand en per jaar.', grondslag: 'art. 13 en 14 Uitvoeringsregeling IW 1990' },
    { wat: '80 % van de betalingscapaciteit per jaar moet voor de aanslag worden gebruikt; de rest van de aanslag wordt kwijtgescholden.', grondslag: 'art. 11 onder b, 2° Uitvoeringsregeling IW 1990' },
    { wat: 'Vermogen boven de buffer of een auto boven de waardegrens is een belemmering: dan geen kwijtschelding.', grondslag: 'art. 11 onder b, 1° en art. 12 Uitvoeringsregeling IW 1990' },
  ],
  beperkingen: [
    'Het percentage van 80 % is gelezen in art. 11 onder b, 2° van de Uitvoeringsregeling Invorderingswet 1990, versie 2026-01-01 (de wet zegt "ten minste 80 percent"; de hub rekent met precies 80 %). De versies die in 2022 tot en met 2025 golden zijn niet gelezen; daarom staat de waarde voor die jaren als niet geverifieerd. De bandbreedte van 90 tot 100 % voor de kosten van bestaan is gelezen in art. 16 van de Uitvoeringsregeling (90 %) en art. 2 van de Regeling kwijtschelding belastingen medeoverheden (bij verordening 90 tot 100 %, hetzelfde percentage voor iedereen).',
    'De standaard-autogrens van € 3.350 komt uit gemeentelijke publicaties en is niet in een primaire bron gevonden. De Uitvoeringsregeling zelf (art. 12 lid 2 onder c, versie 2026-01-01) noemt € 2.269: een auto van die waarde of minder hoort niet tot het vermogen, een duurdere alleen niet als hij absoluut onmisbaar is voor uw beroep of wegens invaliditeit. Een gemeente of waterschap kan in de hub een eigen grens instellen.',
    'Woningbezit, zelfstandig ondernemerschap en de samenstelling van het netto besteedbaar inkomen (woonlasten, zorgpremie) worden door de kwijtscheldingsdienst aangeleverd, niet hier berekend.',
  ],
  parameters: kwijtscheldingParameters,
}
