import type { Feit, Indicatie, RegelUitkomst } from '../../../platform/matching/index.js'
import { contains, datum, datumTekst, maakRegel, tekst, uitleg } from './samenloop-regel.js'

const WIJZIGINGEN = [{ versie: '1.0.0', datum: '2026-11-28', wat: 'Eerste versie' }]

/** A BRP event of one kind on a date inside an indication period. */
function brpMutatie(feit: Feit, indicatie: Indicatie, soort: string, wat: (d: string) => string | undefined, gegevens: Record<string, unknown>): RegelUitkomst | undefined {
  const g = feit.gegevens
  const d = datum(g, 'datum')
  if (tekst(g, 'soortMutatie') !== soort || !d || !contains(indicatie.periode, d)) return undefined
  const zin = wat(d)
  if (!zin) return undefined
  return { sleutel: `${feit.bsn}|${soort}|${d}`, periode: { van: d, tot: d }, uitleg: uitleg(zin, feit, datumTekst(d)), gegevens: { datum: d, ...gegevens } }
}

/** A move to another gemeente: that gemeente becomes responsible for bijstand (Participatiewet art. 40). */
export const verhuizingRegel = maakRegel({
  id: 'samenloop.verhuizing', versie: '1.0.0', soort: 'verhuizing', bron: 'brp-mutaties',
  titel: 'Verhuizing naar een andere gemeente tijdens bijstand',
  regel: 'Een verhuizing in de BRP met een datum in een periode van de samenloop-populatie, naar een andere gemeente dan '
    + 'de gemeente die het signaal krijgt. Eén signaal per verhuisdatum; een andere gemeente van herkomst of bestemming '
    + 'voor dezelfde datum geeft één correctiesignaal.',
  waarom: 'Bijstand komt van de gemeente waar iemand woont (art. 40 Participatiewet). Na een verhuizing naar een andere '
    + 'gemeente stopt de bijstand bij de oude gemeente; de nieuwe gemeente beoordeelt een nieuwe aanvraag.',
  gegevens: { datum: 'Datum van de verhuizing', gemeentecodeVan: 'Gemeente vóór de verhuizing', gemeentecodeNaar: 'Nieuwe gemeente' },
  grenzen: [
    'De regel vergelijkt de nieuwe gemeente met de gemeentecode van de gemeente die het signaal krijgt. Heeft die '
      + 'gemeente in Knooppunt geen gemeentecode, dan geeft elke verhuizing een signaal, ook een verhuizing naar de '
      + 'gemeente zelf.',
  ],
  wijzigingen: WIJZIGINGEN,
}, (feit, indicatie) => {
  const van = tekst(feit.gegevens, 'gemeentecodeVan') ?? null
  const naar = tekst(feit.gegevens, 'gemeentecodeNaar')
  return brpMutatie(feit, indicatie, 'verhuizing',
    (d) => (naar && naar !== indicatie.gemeentecode ? `Volgens de BRP is de inwoner op ${datumTekst(d)} verhuisd naar een andere gemeente (gemeentecode ${naar}).` : undefined),
    { gemeentecodeVan: van, gemeentecodeNaar: naar ?? null })
})

/** Emigration: bijstand requires living in the Netherlands (Participatiewet art. 11). */
export const emigratieRegel = maakRegel({
  id: 'samenloop.emigratie', versie: '1.0.0', soort: 'emigratie', bron: 'brp-mutaties',
  titel: 'Emigratie tijdens bijstand',
  regel: 'Een emigratie in de BRP met een datum in een periode van de samenloop-populatie. Eén signaal per datum; een '
    + 'ander land van bestemming voor dezelfde datum geeft één correctiesignaal.',
  waarom: 'Recht op bijstand heeft wie in Nederland woont (art. 11 Participatiewet). Na vertrek naar het buitenland '
    + 'stopt de bijstand in de regel.',
  gegevens: { datum: 'Datum van vertrek', landNaar: 'Land van bestemming (ISO-landcode)' },
  grenzen: [
    'De regel ziet alleen een vertrek dat in de BRP staat. Een verblijf in het buitenland zonder uitschrijving (art. 13 '
      + 'lid 1 onder e Participatiewet: langer dan vier weken) ziet zij niet.',
  ],
  wijzigingen: WIJZIGINGEN,
}, (feit, indicatie) => {
  const land = tekst(feit.gegevens, 'landNaar')
  return brpMutatie(feit, indicatie, 'emigratie',
    (d) => `Volgens de BRP is de inwoner op ${datumTekst(d)} vertrokken naar het buitenland${land ? ` (landcode ${land})` : ''}.`,
    { landNaar: land ?? null })
})

/** Death: the bijstand ends; the household's situation changes (Participatiewet art. 11, 4). */
export const overlijdenRegel = maakRegel({
  id: 'samenloop.overlijden', versie: '1.0.0', soort: 'overlijden', bron: 'brp-mutaties',
  titel: 'Overlijden tijdens bijstand',
  regel: 'Een overlijden in de BRP met een datum in een periode van de samenloop-populatie. Eén signaal per datum.',
  waarom: 'Na een overlijden eindigt de bijstand van de overledene; voor een partner of huisgenoten verandert de norm. '
    + 'De gemeente kan zo op tijd en zorgvuldig contact opnemen met de nabestaanden.',
  gegevens: { datum: 'Datum van overlijden' },
  grenzen: [
    'De regel ziet alleen het overlijden van een inwoner die zelf in de samenloop-populatie staat; het overlijden van een '
      + 'partner of huisgenoot ziet zij niet.',
  ],
  wijzigingen: WIJZIGINGEN,
}, (feit, indicatie) => brpMutatie(feit, indicatie, 'overlijden', (d) => `Volgens de BRP is de inwoner op ${datumTekst(d)} overleden.`, {}))
