import { bronFormaat, datumGeldig, GEMEENTECODE } from './bron-formaat.js'

/** The BRP person list (kwijtschelding reads it). Key (per BSN): `persoon`, one current record per person. */
export const brpPersonen = bronFormaat({
  naam: 'brp-personen',
  kolommen: {
    bsn: 'bsn', voornamen: 'tekst', voorvoegsel: 'tekst?', geslachtsnaam: 'tekst', geboortedatum: 'datum',
    geslacht: { keuze: ['M', 'V', 'O'] }, huishoudenId: 'tekst', rolInHuishouden: { keuze: ['hoofd', 'partner', 'kind'] },
    straat: 'tekst', huisnummer: 'geheel', postcode: { patroon: /^\d{4}[A-Z]{2}$/, uitleg: 'postcode moet de vorm 1234AB hebben' },
    gemeentecode: GEMEENTECODE, status: { keuze: ['ingezetene', 'overleden', 'geemigreerd'] }, statusdatum: 'datum?',
  },
  sleutel: () => 'persoon',
  geldig: (g) => datumGeldig(g.geboortedatum, g.statusdatum),
})
