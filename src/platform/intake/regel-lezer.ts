import { isUtf8 } from 'node:buffer'

/** One line of a delivery: its text, or why it could not be read as text. Line 1 is the header. */
export type Regel =
  | { readonly nr: number; readonly tekst: string; readonly afgebroken: boolean }
  | { readonly nr: number; readonly fout: { readonly code: 'utf8-ongeldig' | 'regel-te-lang'; readonly reden: string } }

export interface RegelLezerOpties {
  /** A line longer than this is reported and skipped, so a file without newlines cannot fill memory. */
  readonly maxRegelBytes: number
  /** Called with every chunk as it arrives (hashing, byte counting). */
  readonly perStuk?: (stuk: Buffer) => void
}

const NL = 0x0a

/**
 * Splits a byte stream into lines without ever holding more than one chunk and one partial line. Lines are cut
 * on `\n` bytes (never part of a multi-byte UTF-8 sequence), so bad UTF-8 spoils only its own line. A final line
 * without `\n` is marked `afgebroken`: valid, it counts; invalid, the report says the file was cut short.
 * Yields arrays of lines (one per chunk) to keep the per-line overhead low for files of millions of lines.
 */
export async function* leesRegels(bron: AsyncIterable<Buffer | string>, opties: RegelLezerOpties): AsyncGenerator<Regel[]> {
  let rest: Buffer[] = []
  let restBytes = 0
  let teLang = false
  let nr = 0
  for await (const ruw of bron) {
    const stuk = typeof ruw === 'string' ? Buffer.from(ruw) : ruw
    opties.perStuk?.(stuk)
    const laatsteNl = stuk.lastIndexOf(NL)
    if (laatsteNl === -1) {
      if (!teLang) { rest.push(stuk); restBytes += stuk.length }
      if (restBytes > opties.maxRegelBytes) { teLang = true; rest = []; restBytes = 0 }
      continue
    }
    const uit: Regel[] = []
    const eersteNl = stuk.indexOf(NL)
    // The line that was pending, completed by this chunk's first part.
    const eerste = Buffer.concat([...rest, stuk.subarray(0, eersteNl)])
    uit.push(teLang || eerste.length > opties.maxRegelBytes ? teLangeRegel(++nr, opties.maxRegelBytes) : regelVan(++nr, eerste, false))
    teLang = false
    if (laatsteNl > eersteNl) {
      const midden = stuk.subarray(eersteNl + 1, laatsteNl)
      for (const r of splits(midden)) uit.push(r.length > opties.maxRegelBytes ? teLangeRegel(++nr, opties.maxRegelBytes) : regelVan(++nr, r, false))
    }
    const staart = stuk.subarray(laatsteNl + 1)
    rest = staart.length ? [staart] : []
    restBytes = staart.length
    if (restBytes > opties.maxRegelBytes) { teLang = true; rest = []; restBytes = 0 }
    yield uit
  }
  if (teLang) yield [teLangeRegel(++nr, opties.maxRegelBytes)]
  else if (restBytes > 0) yield [regelVan(++nr, Buffer.concat(rest), true)]
}

/** The lines of a block of complete lines; the fast path decodes the whole block at once. */
function splits(blok: Buffer): Buffer[] | string[] {
  if (isUtf8(blok)) return blok.toString('utf8').split('\n')
  const uit: Buffer[] = []
  let start = 0
  for (;;) {
    const eind = blok.indexOf(NL, start)
    if (eind === -1) { uit.push(blok.subarray(start)); return uit }
    uit.push(blok.subarray(start, eind))
    start = eind + 1
  }
}

function regelVan(nr: number, r: Buffer | string, afgebroken: boolean): Regel {
  if (typeof r !== 'string') {
    if (!isUtf8(r)) return { nr, fout: { code: 'utf8-ongeldig', reden: 'de regel is geen geldige UTF-8' } }
    r = r.toString('utf8')
  }
  let tekst = r.endsWith('\r') ? r.slice(0, -1) : r
  if (nr === 1 && tekst.charCodeAt(0) === 0xfeff) tekst = tekst.slice(1)
  return { nr, tekst, afgebroken }
}

const teLangeRegel = (nr: number, max: number): Regel => ({ nr, fout: { code: 'regel-te-lang', reden: `de regel is langer dan ${max} bytes` } })
