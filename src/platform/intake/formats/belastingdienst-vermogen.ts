import type { Datum } from '../../../core/index.js'
import { bronFormaat, type RegelProbleem } from './bron-formaat.js'

/** Box-3 assets on 1 January. Key (per BSN): the peildatum; valid for that calendar year. */
export const belastingdienstVermogen = bronFormaat({
  naam: 'belastingdienst-vermogen',
  kolommen: {
    bsn: 'bsn', peildatum: 'datum', banktegoedenCent: 'cent', overigeBezittingenCent: 'cent', schuldenCent: 'cent',
    rendementsgrondslagCent: 'cent',
  },
  sleutel: (g) => `${g.peildatum}`,
  geldig: (g) => ({ van: g.peildatum as Datum, tot: `${String(g.peildatum).slice(0, 4)}-12-31` as Datum }),
  controle: (g): RegelProbleem[] => (String(g.peildatum).endsWith('-01-01') ? [] : [{ code: 'datum-ongeldig', reden: 'peildatum: moet 1 januari zijn' }]),
})
