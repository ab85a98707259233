import { bronFormaat, datumGeldig, GEMEENTECODE, nietOmgekeerd, type RegelProbleem } from './bron-formaat.js'

/** Kadaster rights to property. Key (per BSN): the object and the start of the right. */
export const kadasterEigendom = bronFormaat({
  naam: 'kadaster-eigendom',
  kolommen: {
    bsn: 'bsn', kadastraalObjectId: 'tekst', postcode: { patroon: /^\d{4}[A-Z]{2}$/, uitleg: 'postcode moet de vorm 1234AB hebben' },
    huisnummer: 'geheel', gemeentecode: GEMEENTECODE, soortRecht: { keuze: ['eigendom'] }, aandeelTeller: 'geheel',
    aandeelNoemer: 'geheel', datumAanvang: 'datum', datumEinde: 'datum?', wozWaardeCent: 'cent',
  },
  sleutel: (g) => `${g.kadastraalObjectId}|${g.datumAanvang}`,
  geldig: (g) => datumGeldig(g.datumAanvang, g.datumEinde),
  controle: (g): RegelProbleem[] => [
    ...nietOmgekeerd(g.datumAanvang, g.datumEinde, 'datumEinde'),
    ...(Number(g.aandeelNoemer) < 1 || Number(g.aandeelTeller) > Number(g.aandeelNoemer)
      ? [{ code: 'getal-ongeldig', reden: 'aandeelTeller/aandeelNoemer: geen geldig aandeel' }] : []),
  ],
})
