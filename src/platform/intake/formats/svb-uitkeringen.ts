import { bronFormaat, datumGeldig, nietOmgekeerd } from './bron-formaat.js'

/** SVB: AOW and ANW benefits. Key (per BSN): the scheme and its start date. */
export const svbUitkeringen = bronFormaat({
  naam: 'svb-uitkeringen',
  kolommen: {
    bsn: 'bsn', regeling: { keuze: ['aow', 'anw'] }, ingangsdatum: 'datum', einddatum: 'datum?',
    brutoMaandbedragCent: 'cent', leefsituatie: { keuze: ['alleenstaand', 'gehuwd', 'samenwonend'] },
  },
  sleutel: (g) => `${g.regeling}|${g.ingangsdatum}`,
  geldig: (g) => datumGeldig(g.ingangsdatum, g.einddatum),
  controle: (g) => nietOmgekeerd(g.ingangsdatum, g.einddatum, 'einddatum'),
})
