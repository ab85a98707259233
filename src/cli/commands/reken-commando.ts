import { readFile } from 'node:fs/promises'
import type { Command } from 'commander'
import { AppError, isAppError, type InvalidParam } from '../../core/index.js'
import { action } from '../fail.js'

/** How the input was shaped; the output takes the same shape. */
export type Vorm = 'object' | 'array' | 'ndjson'

export interface Invoer { readonly vorm: Vorm; readonly items: readonly unknown[] }

/** A calculator command: `knooppunt <naam> [bestand]`, JSON in, JSON out, as the calculator's API route. */
export interface RekenCommando {
  readonly naam: string
  readonly beschrijving: string
  /** Error code for an empty input or a terminal without input (`<naam>.geen-invoer`). */
  readonly geenInvoerCode: string
  /** Error code when several items fail with different codes. */
  readonly invoerCode: string
  /** Validates and calculates one item; throws an AppError naming every problem. */
  readonly reken: (body: unknown, opties: { spoor: boolean }) => object
}

/**
 * Registers a calculator command: one object, an array or NDJSON read from a file or stdin; the results printed as
 * JSON in the same shape. Any bad item: one line naming every problem (`[i].veld: reden`), exit code 2, and no
 * partial output (a script should not mistake half an answer for a whole one).
 */
export function registerRekenCommando(program: Command, c: RekenCommando): void {
  program.command(`${c.naam} [bestand]`)
    .description(c.beschrijving)
    .option('--zonder-berekening', 'laat de rekenstappen weg')
    .action(action(async (bestand: string | undefined, opties: { zonderBerekening?: boolean }) => {
      const geenInvoer = (reden: string) => new AppError('invalid', c.geenInvoerCode, reden)
      const invoer = leesInvoer(await leesTekst(bestand, geenInvoer), geenInvoer)
      process.stdout.write(schrijf(invoer.vorm, bereken(invoer, c, opties.zonderBerekening !== true)))
    }))
}

/** The text of `bestand`, or of stdin; `geenInvoer` makes the command's own error for a terminal without input. */
async function leesTekst(bestand: string | undefined, geenInvoer: (reden: string) => AppError): Promise<string> {
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
function bereken(invoer: Invoer, c: RekenCommando, spoor: boolean): object[] {
  if (invoer.vorm === 'object') return [c.reken(invoer.items[0], { spoor })]
  const uit: object[] = []
  const problemen: InvalidParam[] = []
  const codes = new Set<string>()
  invoer.items.forEach((item, i) => {
    try {
      uit.push(c.reken(item, { spoor }))
    } catch (e) {
      if (!isAppError(e)) throw e // a bug, not a bad item: fails the run
      codes.add(e.code)
      const params = e.invalidParams.length ? e.invalidParams : [{ name: '', code: e.code, reason: e.message }]
      for (const p of params) problemen.push({ name: `[${i}]${p.name ? `.${p.name}` : ''}`, code: p.code, reason: p.reason })
    }
  })
  if (problemen.length > 0) {
    const code = codes.size === 1 ? [...codes][0]! : c.invoerCode
    const k = new Set(problemen.map((p) => p.name.split('.')[0])).size
    throw new AppError('invalid', code, `${k} van de ${invoer.items.length} berekeningen ${k === 1 ? 'kan' : 'kunnen'} niet worden gemaakt`, problemen)
  }
  return uit
}

function schrijf(vorm: Vorm, uit: readonly object[]): string {
  if (vorm === 'ndjson') return uit.map((u) => JSON.stringify(u)).join('\n') + '\n'
  return JSON.stringify(vorm === 'object' ? uit[0] : uit, null, 2) + '\n'
}
