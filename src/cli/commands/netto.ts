import type { Command } from 'commander'
import { AppError, isAppError, type InvalidParam } from '../../core/index.js'
import { berekenLoonheffingAntwoord, berekenNettoAntwoord } from '../../products/netto-inkomen/index.js'
import { action } from '../fail.js'
import { leesInvoer, leesTekst, type Invoer, type Vorm } from './bvv.js'

type Reken = (body: unknown, opties: { spoor: boolean }) => object

/**
 * `knooppunt loonheffing [bestand]`: the white monthly table for one object, an array or NDJSON (file or stdin), as
 * `POST /api/v1/loonheffing/_bereken`. Output in the same shape. Any bad item: one line naming every problem
 * (`[i].veld: reden`), exit code 2, nothing on stdout.
 *
 * @example echo '{"peildatum":"2024-06-01","loonPerMaandCent":291199}' | knooppunt loonheffing --zonder-berekening
 */
export function registerLoonheffing(program: Command): void {
  program.command('loonheffing [bestand]')
    .description('Bereken de loonheffing met de witte maandtabel 2022–2026: JSON in (één object, een array of NDJSON; bestand of stdin), JSON uit')
    .option('--zonder-berekening', 'laat de rekenstappen weg')
    .action(action(async (bestand: string | undefined, opties: { zonderBerekening?: boolean }) => {
      const geenInvoer = (reden: string) => new AppError('invalid', 'loonheffing.geen-invoer', reden)
      const invoer = leesInvoer(await leesTekst(bestand, geenInvoer), geenInvoer)
      process.stdout.write(schrijf(invoer.vorm, bereken(invoer, berekenLoonheffingAntwoord, opties.zonderBerekening !== true, 'loonheffing.invoer-ongeldig')))
    }))
}

/**
 * `knooppunt netto [bestand]`: the netto indicatief inkomen of a month from polis-like lines, as
 * `POST /api/v1/netto-inkomen/_bereken`; same input shapes, output and errors as `knooppunt loonheffing`.
 *
 * @example echo '{"periode":"2024-06","inkomstenverhoudingen":[{"soortInkomen":"loon","brutoloonCent":291199}]}' | knooppunt netto
 */
export function registerNetto(program: Command): void {
  program.command('netto [bestand]')
    .description('Bereken het netto indicatief inkomen van een maand uit polisregels: JSON in (één object, een array of NDJSON; bestand of stdin), JSON uit')
    .option('--zonder-berekening', 'laat de rekenstappen weg')
    .action(action(async (bestand: string | undefined, opties: { zonderBerekening?: boolean }) => {
      const geenInvoer = (reden: string) => new AppError('invalid', 'netto.geen-invoer', reden)
      const invoer = leesInvoer(await leesTekst(bestand, geenInvoer), geenInvoer)
      process.stdout.write(schrijf(invoer.vorm, bereken(invoer, berekenNettoAntwoord, opties.zonderBerekening !== true, 'netto-inkomen.invoer-ongeldig')))
    }))
}

/** Calculates every item; collects all problems (named `[i].veld`) before failing, so one run shows them all. */
function bereken(invoer: Invoer, reken: Reken, spoor: boolean, invoerCode: string): object[] {
  if (invoer.vorm === 'object') return [reken(invoer.items[0], { spoor })]
  const uit: object[] = []
  const problemen: InvalidParam[] = []
  const codes = new Set<string>()
  invoer.items.forEach((item, i) => {
    try {
      uit.push(reken(item, { spoor }))
    } catch (e) {
      if (!isAppError(e)) throw e
      codes.add(e.code)
      const params = e.invalidParams.length ? e.invalidParams : [{ name: '', code: e.code, reason: e.message }]
      for (const p of params) problemen.push({ name: `[${i}]${p.name ? `.${p.name}` : ''}`, code: p.code, reason: p.reason })
    }
  })
  if (problemen.length > 0) {
    const code = codes.size === 1 ? [...codes][0]! : invoerCode
    const k = new Set(problemen.map((p) => p.name.split('.')[0])).size
    throw new AppError('invalid', code, `${k} van de ${invoer.items.length} berekeningen ${k === 1 ? 'kan' : 'kunnen'} niet worden gemaakt`, problemen)
  }
  return uit
}

function schrijf(vorm: Vorm, uit: readonly object[]): string {
  if (vorm === 'ndjson') return uit.map((u) => JSON.stringify(u)).join('\n') + '\n'
  return JSON.stringify(vorm === 'object' ? uit[0] : uit, null, 2) + '\n'
}
