import { StringDecoder } from 'node:string_decoder'
import { AppError } from '../../core/index.js'
import type { BvvFout } from './bereken-regel.js'

/** One line of a bulk file: its 1-based number in the file and its text (without the line ending). */
export type Regel = { readonly nr: number; readonly tekst: string } | { readonly nr: number; readonly teLang: true }

export interface RegelLimieten {
  /** A longer line is answered as an error instead of being buffered without bound. */
  readonly maxRegelTekens: number
  /** The whole body; beyond it reading stops with `verzoek.te-groot`. */
  readonly maxBytes: number
}

/**
 * Splits a byte stream into lines as it arrives, so a 100 MB file never sits in memory whole. Accepts `\n` and `\r\n`
 * and a UTF-8 byte order mark (spreadsheet exports carry one).
 */
export async function* leesRegels(bron: AsyncIterable<Buffer | string>, limieten: RegelLimieten): AsyncGenerator<Regel> {
  const decoder = new StringDecoder('utf8')
  let rest = ''
  let nr = 0
  let bytes = 0
  let overslaan = false // inside an over-long line: drop text until its end
  for await (const chunk of bron) {
    bytes += chunk.length
    if (bytes > limieten.maxBytes) throw teGroot(limieten.maxBytes)
    let tekst = rest + (typeof chunk === 'string' ? chunk : decoder.write(chunk))
    if (nr === 0 && tekst.charCodeAt(0) === 0xfeff) tekst = tekst.slice(1)
    let start = 0
    for (let eind = tekst.indexOf('\n'); eind !== -1; eind = tekst.indexOf('\n', start)) {
      nr++
      if (overslaan || eind - start > limieten.maxRegelTekens) yield { nr, teLang: true }
      else yield { nr, tekst: zonderCr(tekst.slice(start, eind)) }
      overslaan = false
      start = eind + 1
    }
    rest = tekst.slice(start)
    if (rest.length > limieten.maxRegelTekens) { overslaan = true; rest = '' }
  }
  rest += decoder.end()
  if (overslaan) yield { nr: nr + 1, teLang: true }
  else if (rest.length > 0) yield { nr: nr + 1, tekst: zonderCr(rest) }
}

const zonderCr = (s: string) => (s.endsWith('\r') ? s.slice(0, -1) : s)

const teGroot = (max: number) =>
  new AppError('too-large', 'verzoek.te-groot', `het bulkbestand is groter dan ${Math.round(max / 1024 / 1024)} MB; splits het op`)

type Soort = 'tekst' | 'ja-nee' | 'cent'

/** The CSV columns a bulk file may have (the JSON field names) and how a cell becomes a JSON value. */
export const CSV_VELDEN: Readonly<Record<string, Soort>> = {
  peildatum: 'tekst', leefsituatie: 'tekst', woonadresBekend: 'ja-nee', bijstand: 'ja-nee',
  inkomenPerMaandCent: 'cent', belastbaarJaarinkomenCent: 'cent', partnerBelastbaarJaarinkomenCent: 'cent',
  woonkostenPerMaandCent: 'cent', woonkostenDoorEchtgenootTeDragenCent: 'cent', partnerInkomenNietBeslagenCent: 'cent', eigenInkomenNietBeslagenCent: 'cent',
  leaseautoLoonheffingCent: 'cent', inrichtingVerzorgingsprijsPerMaandCent: 'cent',
}

/** Splits a `;`-separated line; a cell in double quotes may hold `;` and `""` for a quote. */
export function splitsCsv(regel: string): string[] {
  if (!regel.includes('"')) return regel.split(';')
  const cellen: string[] = []
  let i = 0
  while (i <= regel.length) {
    if (regel[i] === '"') {
      let cel = ''
      i++
      while (i < regel.length) {
        if (regel[i] === '"' && regel[i + 1] === '"') { cel += '"'; i += 2 } else if (regel[i] === '"') { i++; break } else cel += regel[i++]
      }
      const eind = regel.indexOf(';', i)
      cellen.push(cel + (eind === -1 ? regel.slice(i) : regel.slice(i, eind)))
      i = eind === -1 ? regel.length + 1 : eind + 1
    } else {
      const eind = regel.indexOf(';', i)
      cellen.push(eind === -1 ? regel.slice(i) : regel.slice(i, eind))
      i = eind === -1 ? regel.length + 1 : eind + 1
    }
  }
  return cellen
}

/**
 * Reads the header line; throws `beslagvrije-voet.csv-kop-ongeldig` listing unknown and repeated columns (before
 * anything is computed, so the whole request is answered with one 400).
 */
export function leesCsvKop(regel: string | undefined): string[] {
  if (regel === undefined) throw new AppError('invalid', 'beslagvrije-voet.csv-kop-ongeldig', 'het CSV-bestand is leeg; de eerste regel moet de kolomnamen bevatten')
  const kolommen = splitsCsv(regel).map((k) => k.trim())
  const problemen = kolommen.flatMap((k, i) => {
    if (!(k in CSV_VELDEN)) return [{ name: `kolom ${i + 1}`, code: 'onbekend-veld', reason: `onbekende kolom '${k}'; toegestaan: ${Object.keys(CSV_VELDEN).join(', ')}` }]
    if (kolommen.indexOf(k) !== i) return [{ name: `kolom ${i + 1}`, code: 'dubbel', reason: `kolom '${k}' staat er meer dan eens` }]
    return []
  })
  if (problemen.length) throw new AppError('invalid', 'beslagvrije-voet.csv-kop-ongeldig', 'de kopregel van het CSV-bestand is ongeldig', problemen)
  return kolommen
}

/**
 * Turns a data line into the JSON object the validator expects: an empty cell is an absent field, `true`/`false`
 * (or `ja`/`nee`) a boolean, digits a number. Anything else stays text, so the validator names the problem.
 */
export function csvNaarInvoer(kolommen: readonly string[], regel: string): { invoer: Record<string, unknown> } | { fout: BvvFout } {
  const cellen = splitsCsv(regel)
  if (cellen.length !== kolommen.length) {
    return { fout: { code: 'beslagvrije-voet.csv-kolommen', detail: `deze regel heeft ${cellen.length} velden; de kopregel ${kolommen.length}` } }
  }
  const invoer: Record<string, unknown> = {}
  for (let i = 0; i < kolommen.length; i++) {
    const naam = kolommen[i]!
    const cel = cellen[i]!.trim()
    if (cel !== '') invoer[naam] = celWaarde(CSV_VELDEN[naam]!, cel)
  }
  return { invoer }
}

function celWaarde(soort: Soort, cel: string): unknown {
  if (soort === 'ja-nee') {
    const v = cel.toLowerCase()
    return v === 'true' || v === 'ja' ? true : v === 'false' || v === 'nee' ? false : cel
  }
  if (soort === 'cent' && /^-?\d{1,15}$/.test(cel)) return Number(cel)
  return cel
}

/** The columns of a CSV answer, in order. The trace does not fit a cell; ask for NDJSON to get it. */
export const CSV_ANTWOORD_KOLOMMEN = ['regel', 'beslagvrijeVoetCent', 'alleParametersGeverifieerd', 'foutcode', 'foutmelding'] as const

/** One CSV answer line from a guarded record; missing fields stay empty. */
export function csvAntwoordRegel(r: { regel?: number; beslagvrijeVoetCent?: number; alleParametersGeverifieerd?: boolean; fout?: BvvFout }): string {
  const fout = r.fout
  const melding = fout ? [fout.detail, ...(fout.invalidParams ?? []).map((p) => `${p.name}: ${p.reason}`)].join('; ') : ''
  return [r.regel ?? '', r.beslagvrijeVoetCent ?? '', r.alleParametersGeverifieerd ?? '', fout?.code ?? '', csvCel(melding)].join(';') + '\n'
}

/** Quotes a cell when it holds a separator, quote or line break (RFC 4180 style, with `;`). */
export function csvCel(s: string): string {
  return /[;"\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
}
