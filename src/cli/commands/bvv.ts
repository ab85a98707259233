import { readFile } from 'node:fs/promises'
import type { Command } from 'commander'
import { AppError, type InvalidParam } from '../../core/index.js'
import { berekenBvvAntwoord, berekenBvvRegel, type BvvAntwoord } from '../../products/beslagvrije-voet/index.js'
import { action } from '../fail.js'

/** How the input was shaped; the output takes the same shape. */
export type Vorm = 'object' | 'array' | 'ndjson'

export interface Invoer { readonly vorm: Vorm; readonly items: readonly unknown[] }

/**
 * `knooppunt bvv [bestand]`: the beslagvrije voet for one object, an array or NDJSON read from a file or stdin;
 * prints the results as JSON in the same shape. Any bad item: one line naming every problem, exit code 2, and no
 * partial output (a script should not mistake half an answer for a whole one).
 *
 * @example echo '{"peildatum":"2026-01-01","leefsituatie":"alleenstaande","woonadresBekend":false,"bijstand":false,
 *   "inkomenPerMaandCent":250000,"belastbaarJaarinkomenCent":2400000}' | knooppunt bvv --zonder-berekening
 */
export function registerBvv(program: Command): void {
  program.command('bvv [bestand]')
    .description('Bereken de beslagvrije voet: JSON in (één object, een array of NDJSON; bestand of stdin), JSON uit')
    .option('--zonder-berekening', 'laat de rekenstappen weg')
    .action(action(async (bestand: string | undefined, opties: { zonderBerekening?: boolean }) => {
      const invoer = leesInvoer(await leesTekst(bestand, geenInvoer), geenInvoer)
      const spoor = opties.zonderBerekening !== true
      process.stdout.write(schrijf(invoer.vorm, bereken(invoer, spoor)))
    }))
}

const geenInvoer = (reden: string) => new AppError('invalid', 'bvv.geen-invoer', reden)

/** The text of `bestand`, or of stdin; `geenInvoer` makes the command's own error for a terminal without input. */
export async function leesTekst(bestand: string | undefined, geenInvoer: (reden: string) => AppError): Promise<string> {
  if (bestand !== undefined) {
    try {
      return await readFile(bestand, 'utf8')
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw new AppError('not-found', 'bestand.onbekend', `bestand ${bestand} bestaat niet`)
      throw e
    }
  }
  // Waiting on an interactive terminal would look like a hang: say what is expected instead.
  if (process.stdin.isTTY) throw geenInvoer('geef een bestand op of stuur JSON via stdin')
  let tekst = ''
  for await (const chunk of process.stdin) tekst += String(chunk)
  return tekst
}

/** One JSON value (object or array), or else NDJSON: one JSON object per non-empty line. */
export function leesInvoer(tekst: string, geenInvoer: (reden: string) => AppError): Invoer {
  const schoon = tekst.replace(/^\uFEFF/, '').trim()
  if (schoon === '') throw geenInvoer('de invoer is leeg; verwacht JSON')
  try {
    const waarde: unknown = JSON.parse(schoon)
    return Array.isArray(waarde) ? { vorm: 'array', items: waarde } : { vorm: 'object', items: [waarde] }
  } catch {
    return { vorm: 'ndjson', items: leesNdjson(schoon) }
  }
}

function leesNdjson(tekst: string): unknown[] {
  const items: unknown[] = []
  const regels = tekst.split(/\r?\n/)
  for (let i = 0; i < regels.length; i++) {
    if (regels[i]!.trim() === '') continue
    try {
      items.push(JSON.parse(regels[i]!))
    } catch {
      const reden = regels.length === 1 ? 'de invoer is geen geldige JSON' : `regel ${i + 1} is geen geldige JSON (verwacht een object, een array of NDJSON)`
      throw new AppError('invalid', 'verzoek.json-ongeldig', reden)
    }
  }
  return items
}

/** Calculates every item; collects all problems (named `[i].veld`) before failing, so one run shows them all. */
function bereken(invoer: Invoer, spoor: boolean): BvvAntwoord[] {
  if (invoer.vorm === 'object') return [berekenBvvAntwoord(invoer.items[0], { spoor })]
  const uit: BvvAntwoord[] = []
  const problemen: InvalidParam[] = []
  const codes = new Set<string>()
  invoer.items.forEach((item, i) => {
    const u = berekenBvvRegel(item, { spoor })
    if (u.ok) { uit.push(u.antwoord); return }
    codes.add(u.fout.code)
    const params = u.fout.invalidParams ?? [{ name: '', code: u.fout.code, reason: u.fout.detail }]
    for (const p of params) problemen.push({ name: `[${i}]${p.name ? `.${p.name}` : ''}`, code: p.code, reason: p.reason })
  })
  if (problemen.length > 0) {
    const code = codes.size === 1 ? [...codes][0]! : 'beslagvrije-voet.invoer-ongeldig'
    throw new AppError('invalid', code, aantalOngeldig(problemen, invoer.items.length), problemen)
  }
  return uit
}

function schrijf(vorm: Vorm, uit: readonly BvvAntwoord[]): string {
  if (vorm === 'ndjson') return uit.map((u) => JSON.stringify(u)).join('\n') + '\n'
  return JSON.stringify(vorm === 'object' ? uit[0] : uit, null, 2) + '\n'
}

function aantalOngeldig(problemen: readonly InvalidParam[], totaal: number): string {
  const k = new Set(problemen.map((p) => p.name.split('.')[0])).size
  return `${k} van de ${totaal} berekeningen ${k === 1 ? 'kan' : 'kunnen'} niet worden gemaakt`
}
