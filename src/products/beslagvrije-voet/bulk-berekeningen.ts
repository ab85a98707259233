import { isAppError } from '../../core/index.js'
import { berekenBvvRegel, type BvvAntwoord, type BvvFout } from './bereken-regel.js'
import { CSV_ANTWOORD_KOLOMMEN, csvAntwoordRegel, csvNaarInvoer, leesCsvKop, type Regel } from './bulk-formaten.js'

export type BulkFormaat = 'ndjson' | 'csv'

/** One answer line before it is written: the line number and either the result or the error. */
export type BulkRecord = { regel: number; fout?: BvvFout } & Partial<BvvAntwoord>

export interface BulkOpties {
  readonly formaat: BulkFormaat
  /** Include the explanation trace (NDJSON only; CSV has no room for it). */
  readonly spoor: boolean
  /** The output guard: every record passes through it before it is written. */
  readonly bewaak: (record: BulkRecord) => Partial<BulkRecord>
  /** Called for unexpected (non-AppError) failures of one line, so they are logged without reaching the client. */
  readonly meldIntern: (regel: number, fout: unknown) => void
}

/** Answers are written in batches of about this many characters: one socket write per batch, not per line. */
const BATCH_TEKENS = 64 * 1024

/**
 * Starts a bulk run: for CSV it reads and checks the header first, so a wrong header is one clear 400 before any
 * answer is streamed. Returns the stream of answer text (in input order, blank lines skipped).
 */
export async function startBulk(regels: AsyncIterator<Regel>, opties: BulkOpties): Promise<AsyncGenerator<string>> {
  let kolommen: string[] | undefined
  if (opties.formaat === 'csv') {
    const kop = await eersteNietLegeRegel(regels)
    kolommen = leesCsvKop(kop && 'tekst' in kop ? kop.tekst : undefined)
  }
  return bulkAntwoorden(regels, kolommen, opties)
}

async function eersteNietLegeRegel(regels: AsyncIterator<Regel>): Promise<Regel | undefined> {
  for (;;) {
    const r = await regels.next()
    if (r.done) return undefined
    if (!('tekst' in r.value) || r.value.tekst.trim() !== '') return r.value
  }
}

async function* bulkAntwoorden(regels: AsyncIterator<Regel>, kolommen: string[] | undefined, opties: BulkOpties): AsyncGenerator<string> {
  const schrijf = opties.formaat === 'csv' ? csvAntwoordRegel : (r: Partial<BulkRecord>) => JSON.stringify(r) + '\n'
  let batch = opties.formaat === 'csv' ? CSV_ANTWOORD_KOLOMMEN.join(';') + '\n' : ''
  let laatste = 0
  try {
    for (let r = await regels.next(); !r.done; r = await regels.next()) {
      laatste = r.value.nr
      const record = beantwoord(r.value, kolommen, opties)
      if (record === undefined) continue
      batch += schrijf(opties.bewaak(record))
      if (batch.length >= BATCH_TEKENS) { yield batch; batch = '' }
    }
  } catch (e) {
    // The answer is already streaming, so a failure of the input (too large, broken connection) cannot become a
    // status code any more: it is the last answer line instead, and the client sees where reading stopped.
    if (!isAppError(e)) throw e
    batch += schrijf(opties.bewaak({ regel: laatste + 1, fout: { code: e.code, detail: e.message } }))
  }
  if (batch) yield batch
}

function beantwoord(regel: Regel, kolommen: string[] | undefined, opties: BulkOpties): BulkRecord | undefined {
  if (!('tekst' in regel)) return { regel: regel.nr, fout: { code: 'beslagvrije-voet.regel-te-lang', detail: 'deze regel is te lang' } }
  if (regel.tekst.trim() === '') return undefined
  const gelezen = kolommen ? csvNaarInvoer(kolommen, regel.tekst) : parseJson(regel.tekst)
  if ('fout' in gelezen) return { regel: regel.nr, fout: gelezen.fout }
  const u = berekenBvvRegel(gelezen.invoer, { spoor: opties.spoor && !kolommen })
  if (u.ok) return { regel: regel.nr, ...u.antwoord }
  if (u.intern !== undefined) opties.meldIntern(regel.nr, u.intern)
  return { regel: regel.nr, fout: u.fout }
}

function parseJson(tekst: string): { invoer: unknown } | { fout: BvvFout } {
  try {
    return { invoer: JSON.parse(tekst) }
  } catch {
    return { fout: { code: 'verzoek.json-ongeldig', detail: 'deze regel is geen geldige JSON' } }
  }
}
