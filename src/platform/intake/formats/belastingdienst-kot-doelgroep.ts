import { bronFormaat, GEMEENTECODE, maandGeldig } from './bron-formaat.js'

/** Doelgroepouders kinderopvangtoeslag per month. Key (per BSN): month and gemeente. */
export const belastingdienstKotDoelgroep = bronFormaat({
  naam: 'belastingdienst-kot-doelgroep',
  kolommen: {
    bsn: 'bsn', periode: 'maand', gemeentecode: GEMEENTECODE, doelgroep: { keuze: ['bijstand', 'traject'] },
    kinderopvangtoeslagCent: 'cent',
  },
  sleutel: (g) => `${g.periode}|${g.gemeentecode}`,
  geldig: (g) => maandGeldig(g.periode),
})
