import { bronFormaat, datumGeldig, GEMEENTECODE, nietOmgekeerd } from './bron-formaat.js'

/** KvK registrations of natural persons. Key (per BSN): the KvK number and the start date. */
export const kvkInschrijvingen = bronFormaat({
  naam: 'kvk-inschrijvingen',
  kolommen: {
    bsn: 'bsn', kvkNummer: { patroon: /^\d{8}$/, uitleg: 'kvkNummer moet 8 cijfers zijn' }, handelsnaam: 'tekst',
    rechtsvorm: { keuze: ['eenmanszaak', 'vof', 'bv'] }, sbiCode: { patroon: /^\d{4,5}$/, uitleg: 'sbiCode moet 4 of 5 cijfers zijn' },
    datumAanvang: 'datum', datumEinde: 'datum?', gemeentecode: GEMEENTECODE,
  },
  sleutel: (g) => `${g.kvkNummer}|${g.datumAanvang}`,
  geldig: (g) => datumGeldig(g.datumAanvang, g.datumEinde),
  controle: (g) => nietOmgekeerd(g.datumAanvang, g.datumEinde, 'datumEinde'),
})
