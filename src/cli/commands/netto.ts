import type { Command } from 'commander'
import { berekenLoonheffingAntwoord, berekenNettoAntwoord } from '../../products/netto-inkomen/index.js'
import { registerRekenCommando } from './reken-commando.js'

/**
 * `knooppunt loonheffing [bestand]`: the white monthly table for one object, an array or NDJSON (file or stdin), as
 * `POST /api/v1/loonheffing/_bereken`. Output in the same shape. Any bad item: one line naming every problem
 * (`[i].veld: reden`), exit code 2, nothing on stdout.
 *
 * @example echo '{"peildatum":"2024-06-01","loonPerMaandCent":291199}' | knooppunt loonheffing --zonder-berekening
 */
export function registerLoonheffing(program: Command): void {
  registerRekenCommando(program, {
    naam: 'loonheffing',
    beschrijving: 'Bereken de loonheffing met de witte maandtabel 2022–2026: JSON in (één object, een array of NDJSON; bestand of stdin), JSON uit',
    geenInvoerCode: 'loonheffing.geen-invoer',
    invoerCode: 'loonheffing.invoer-ongeldig',
    reken: berekenLoonheffingAntwoord,
  })
}

/**
 * `knooppunt netto [bestand]`: the netto indicatief inkomen of a month from polis-like lines, as
 * `POST /api/v1/netto-inkomen/_bereken`; same input shapes, output and errors as `knooppunt loonheffing`.
 *
 * @example echo '{"periode":"2024-06","inkomstenverhoudingen":[{"soortInkomen":"loon","brutoloonCent":291199}]}' | knooppunt netto
 */
export function registerNetto(program: Command): void {
  registerRekenCommando(program, {
    naam: 'netto',
    beschrijving: 'Bereken het netto indicatief inkomen van een maand uit polisregels: JSON in (één object, een array of NDJSON; bestand of stdin), JSON uit',
    geenInvoerCode: 'netto.geen-invoer',
    invoerCode: 'netto-inkomen.invoer-ongeldig',
    reken: berekenNettoAntwoord,
  })
}
