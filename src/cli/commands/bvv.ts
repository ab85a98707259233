import type { Command } from 'commander'
import { berekenBvvAntwoord } from '../../products/beslagvrije-voet/index.js'
import { registerRekenCommando } from './reken-commando.js'

/**
 * `knooppunt bvv [bestand]`: the beslagvrije voet for one object, an array or NDJSON read from a file or stdin, as
 * `POST /api/v1/beslagvrije-voet/berekeningen`; prints the results as JSON in the same shape. Any bad item: one line
 * naming every problem, exit code 2, and no partial output.
 *
 * @example echo '{"peildatum":"2026-01-01","leefsituatie":"alleenstaande","woonadresBekend":false,"bijstand":false,
 *   "inkomenPerMaandCent":250000,"belastbaarJaarinkomenCent":2400000}' | knooppunt bvv --zonder-berekening
 */
export function registerBvv(program: Command): void {
  registerRekenCommando(program, {
    naam: 'bvv',
    beschrijving: 'Bereken de beslagvrije voet: JSON in (één object, een array of NDJSON; bestand of stdin), JSON uit',
    geenInvoerCode: 'bvv.geen-invoer',
    invoerCode: 'beslagvrije-voet.invoer-ongeldig',
    reken: berekenBvvAntwoord,
  })
}
