import type { Datum } from '../../../core/index.js'
import { gebruikt, type GebruikteParameter } from '../../../platform/rules/index.js'
import { bijstandsnormParameters, LEEFVORMEN, type Leefvorm } from '../../bijstandsnormen/index.js'
import { centen, contains, datum, datumTekst, euro, maakRegel, tekst, uitleg } from './samenloop-regel.js'

/** The parameter of the vermogensgrens per household type (art. 34 lid 3 PW: a and b). */
const GRENS_PARAMETER: Readonly<Record<Leefvorm, string>> = {
  alleenstaande: 'vermogensgrens.alleenstaande',
  'alleenstaande-ouder': 'vermogensgrens.alleenstaande-ouder-of-gehuwden',
  gehuwd: 'vermogensgrens.alleenstaande-ouder-of-gehuwden',
}

const LEEFVORM_TEKST: Readonly<Record<Leefvorm, string>> = {
  alleenstaande: 'een alleenstaande', 'alleenstaande-ouder': 'een alleenstaande ouder', gehuwd: 'gehuwden samen',
}

/** The vermogensgrens (art. 34 lid 3 PW) on a date for a household type, with the parameter's validity and source; undefined when unknown. */
export function vermogensgrens(peildatum: Datum, leefvorm: Leefvorm): GebruikteParameter | undefined {
  try {
    return gebruikt(bijstandsnormParameters.op(GRENS_PARAMETER[leefvorm], peildatum))
  } catch {
    // No published amount for this date: the rule does not guess (the algoritmeregister says so).
    return undefined
  }
}

/** The household type in a fact; undefined when empty (a version-1 line) or not one of the three. */
function leefvormVan(g: Readonly<Record<string, unknown>>): Leefvorm | undefined {
  const v = tekst(g, 'leefvorm')
  return (LEEFVORMEN as readonly string[]).includes(v ?? '') ? (v as Leefvorm) : undefined
}

/** Box-3 vermogen above the vermogensgrens of the household type while the gemeente pays bijstand (Participatiewet art. 34). */
export const vermogenRegel = maakRegel({
  id: 'samenloop.vermogen', versie: '2.0.0', soort: 'vermogen', bron: 'belastingdienst-vermogen',
  titel: 'Vermogen boven de vermogensgrens tijdens bijstand',
  regel: 'Een box-3-opgave van de Belastingdienst waarvan de peildatum in een periode van de samenloop-populatie valt, '
    + 'met een rendementsgrondslag (bezittingen min schulden) boven de vermogensgrens op die peildatum voor de leefvorm '
    + 'die de Belastingdienst in dezelfde opgave noemt: de grens voor een alleenstaande, of de (hogere) grens voor een '
    + 'alleenstaande ouder of gehuwden. Noemt de opgave geen leefvorm (een levering in het oude formaat), dan geldt de '
    + 'laagste grens, die voor een alleenstaande, en zegt het signaal dat de leefvorm onbekend is. Precies op de grens is '
    + 'geen signaal. Eén signaal per peildatum; andere bedragen of een andere leefvorm voor dezelfde peildatum geven één '
    + 'correctiesignaal.',
  waarom: 'Wie vermogen boven de vermogensgrens heeft, heeft geen recht op bijstand (art. 34 Participatiewet) en moet '
    + 'dat eerst gebruiken. De grens hangt af van de leefvorm (art. 34 lid 3): een alleenstaande heeft een lagere grens '
    + 'dan een alleenstaande ouder of gehuwden. De Belastingdienst kent het vermogen per persoon; de gemeente telt dat '
    + 'van partners samen. Ligt het vermogen van deze inwoner alleen al boven de grens, dan ligt het samen ook erboven.',
  gegevens: {
    peildatum: 'Peildatum van box 3 (1 januari)', banktegoedenCent: 'Bank- en spaartegoeden, in eurocent',
    overigeBezittingenCent: 'Overige bezittingen, in eurocent', schuldenCent: 'Schulden in box 3, in eurocent',
    rendementsgrondslagCent: 'Bezittingen min schulden, in eurocent',
    leefvorm: 'Leefvorm volgens de Belastingdienst op de peildatum (alleenstaande, alleenstaande-ouder of gehuwd; leeg: onbekend)',
    vermogensgrensCent: 'De vermogensgrens waarmee is vergeleken: die van de leefvorm op de peildatum (onbekende leefvorm: die voor een alleenstaande), in eurocent',
    vermogensgrensBron: 'Bron van de vermogensgrens en de periode waarin dat bedrag geldt',
  },
  grenzen: [
    'De regel ziet alleen het vermogen op de peildatum 1 januari; wat er in de loop van het jaar verandert, ziet zij niet.',
    'Het vermogen in box 3 is niet precies het vermogen van art. 34 Participatiewet. Zo telt spaargeld dat tijdens de '
      + 'bijstand is opgebouwd niet mee (art. 34 lid 2 onder c), en bezittingen die naar aard en waarde algemeen '
      + 'gebruikelijk of noodzakelijk zijn ook niet (lid 2 onder a). Tot 1 januari 2026 gold de grens bovendien bij de '
      + 'aanvang van de bijstand, en kon voor vermogen dat tijdens de bijstand werd verworven een lagere grens gelden (lid 2 '
      + 'onder b en lid 4 zoals die tot 2026 luidden). De gemeente beoordeelt dit zelf.',
    'Het vermogen van een partner telt de regel niet mee: de Belastingdienst levert het vermogen per persoon.',
  ],
  wijzigingen: [
    { versie: '1.0.0', datum: '2026-11-28', wat: 'Eerste versie: altijd de grens voor een alleenstaande' },
    { versie: '2.0.0', datum: '2026-11-28', wat: 'De grens van de leefvorm uit de opgave (belastingdienst-vermogen versie 2); het gegeven vermogensgrensGezinCent vervalt, leefvorm komt erbij' },
  ],
}, (feit, indicatie) => {
  const g = feit.gegevens
  const peildatum = datum(g, 'peildatum')
  const grondslag = centen(g, 'rendementsgrondslagCent')
  if (!peildatum || grondslag === undefined || !contains(indicatie.periode, peildatum)) return undefined
  const leefvorm = leefvormVan(g)
  const grens = vermogensgrens(peildatum, leefvorm ?? 'alleenstaande')
  if (!grens || grondslag <= Number(grens.waarde)) return undefined
  const bron = `${grens.bron.omschrijving}; geldig van ${grens.van} tot en met ${grens.tot}`
  const voor = LEEFVORM_TEKST[leefvorm ?? 'alleenstaande']
  const gezin = leefvorm ? undefined : vermogensgrens(peildatum, 'gehuwd')
  const leefvormZin = leefvorm
    ? `De Belastingdienst noemt als leefvorm: ${voor}.`
    : 'De Belastingdienst noemt geen leefvorm; daarom is vergeleken met de laagste grens, die voor een alleenstaande'
      + `${gezin ? ` (voor een alleenstaande ouder of gehuwden samen is de grens ${euro(Number(gezin.waarde))})` : ''}.`
  return {
    sleutel: `${feit.bsn}|${peildatum}`, periode: { van: peildatum, tot: peildatum },
    uitleg: uitleg(`Volgens de Belastingdienst was het vermogen op ${datumTekst(peildatum)} ${euro(grondslag)} (bezittingen min schulden). `
      + `${leefvormZin} Dat vermogen is meer dan de vermogensgrens voor ${voor} op die datum, ${euro(Number(grens.waarde))} (${bron}).`,
    feit, `de peildatum ${datumTekst(peildatum)}`),
    gegevens: {
      peildatum, banktegoedenCent: centen(g, 'banktegoedenCent') ?? null, overigeBezittingenCent: centen(g, 'overigeBezittingenCent') ?? null,
      schuldenCent: centen(g, 'schuldenCent') ?? null, rendementsgrondslagCent: grondslag, leefvorm: leefvorm ?? null,
      vermogensgrensCent: Number(grens.waarde), vermogensgrensBron: bron,
    },
  }
})
