import type { Datum } from '../../../core/index.js'
import { bronFormaat, type RegelProbleem } from './bron-formaat.js'

/**
 * The household type as the Belastingdienst knows it on the peildatum (fiscal partner; a child under 18 in the
 * household for the kindgebonden budget), in the terms of the Participatiewet. Empty: unknown.
 */
export const VERMOGEN_LEEFVORMEN = ['alleenstaande', 'alleenstaande-ouder', 'gehuwd'] as const

const VERSIE_1 = ['bsn', 'peildatum', 'banktegoedenCent', 'overigeBezittingenCent', 'schuldenCent', 'rendementsgrondslagCent'] as const

/**
 * Box-3 assets on 1 January. Key (per BSN): the peildatum; valid for that calendar year. Version 2 adds `leefvorm`
 * (optional); files with the version-1 header are still read, their leefvorm empty.
 */
export const belastingdienstVermogen = bronFormaat({
  naam: 'belastingdienst-vermogen',
  kolommen: {
    bsn: 'bsn', peildatum: 'datum', banktegoedenCent: 'cent', overigeBezittingenCent: 'cent', schuldenCent: 'cent',
    rendementsgrondslagCent: 'cent', leefvorm: { keuze: VERMOGEN_LEEFVORMEN, leeg: true },
  },
  eerdereKoppen: [VERSIE_1],
  sleutel: (g) => `${g.peildatum}`,
  geldig: (g) => ({ van: g.peildatum as Datum, tot: `${String(g.peildatum).slice(0, 4)}-12-31` as Datum }),
  controle: (g): RegelProbleem[] => (String(g.peildatum).endsWith('-01-01') ? [] : [{ code: 'datum-ongeldig', reden: 'peildatum: moet 1 januari zijn' }]),
})
