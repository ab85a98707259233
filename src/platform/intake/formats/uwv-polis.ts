import { bronFormaat, maandGeldig } from './bron-formaat.js'

/** UWV polisadministratie: one line per income relation per month. Key: the relation and the month. */
export const uwvPolis = bronFormaat({
  naam: 'uwv-polis',
  kolommen: {
    bsn: 'bsn', periode: 'maand', inkomstenverhoudingId: 'tekst',
    loonheffingennummer: { patroon: /^\d{9}L\d{2}$/, uitleg: 'loonheffingennummer moet 9 cijfers, L en 2 cijfers zijn' },
    werkgeverNaam: 'tekst', soortInkomen: { keuze: ['loon', 'ww', 'zw', 'wia', 'wajong', 'overig'] },
    brutoloonCent: 'cent', loonheffingCent: 'cent', uren: 'geheel',
  },
  sleutel: (g) => `${g.inkomstenverhoudingId}|${g.periode}`,
  geldig: (g) => maandGeldig(g.periode),
})
