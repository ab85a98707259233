import { bronFormaat, datumGeldig, nietOmgekeerd } from './bron-formaat.js'

/** DUO study finance periods. Key (per BSN): start date and kind of education. */
export const duoStudiefinanciering = bronFormaat({
  naam: 'duo-studiefinanciering',
  kolommen: {
    bsn: 'bsn', ingangsdatum: 'datum', einddatum: 'datum?', onderwijssoort: { keuze: ['mbo', 'hbo', 'wo'] },
    basisbeursCent: 'cent', aanvullendeBeursCent: 'cent', leningCent: 'cent',
  },
  sleutel: (g) => `${g.ingangsdatum}|${g.onderwijssoort}`,
  geldig: (g) => datumGeldig(g.ingangsdatum, g.einddatum),
  controle: (g) => nietOmgekeerd(g.ingangsdatum, g.einddatum, 'einddatum'),
})
