import { bronFormaat, datumGeldig, GEMEENTECODE, type RegelProbleem } from './bron-formaat.js'

/** BRP events (move to another gemeente, emigration, death). Key (per BSN): kind and date; valid on that day. */
export const brpMutaties = bronFormaat({
  naam: 'brp-mutaties',
  kolommen: {
    bsn: 'bsn', datum: 'datum', soortMutatie: { keuze: ['verhuizing', 'emigratie', 'overlijden'] }, gemeentecodeVan: GEMEENTECODE,
    gemeentecodeNaar: { ...GEMEENTECODE, leeg: true }, landNaar: { patroon: /^[A-Z]{2}$/, uitleg: 'landNaar moet een ISO 3166-1 alpha-2-code zijn', leeg: true },
  },
  sleutel: (g) => `${g.soortMutatie}|${g.datum}`,
  geldig: (g) => datumGeldig(g.datum, g.datum),
  controle: (g): RegelProbleem[] => {
    if (g.soortMutatie === 'verhuizing' && g.gemeentecodeNaar === null) return [{ code: 'verplicht', reden: 'gemeentecodeNaar: verplicht bij een verhuizing' }]
    if (g.soortMutatie === 'emigratie' && g.landNaar === null) return [{ code: 'verplicht', reden: 'landNaar: verplicht bij emigratie' }]
    return []
  },
})
