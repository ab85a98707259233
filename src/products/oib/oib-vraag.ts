import { AppError, isMaand, onbekendeParameters, type InvalidParam, type Maand } from '../../core/index.js'

/** A validated `GET /oib/overzichten` query. */
export interface OibVraag {
  readonly periode: Maand
  /** Position after which the page starts (0 = the beginning). */
  readonly na: number
  readonly limiet: number
}

export const STANDAARD_LIMIET = 100
export const MAX_LIMIET = 1000

/** The cursor is opaque to clients: the base64url form of the last client's position. */
export const maakCursor = (rij: number): string => Buffer.from(JSON.stringify({ r: rij })).toString('base64url')

function leesCursor(waarde: string): number | undefined {
  try {
    const r = (JSON.parse(Buffer.from(waarde, 'base64url').toString('utf8')) as { r?: unknown }).r
    return Number.isSafeInteger(r) && (r as number) >= 0 ? (r as number) : undefined
  } catch {
    return undefined
  }
}

/** Validates the query string, listing every problem at once (`oib.vraag-ongeldig`). */
export function valideerOibVraag(query: unknown): OibVraag {
  const q = (query ?? {}) as Record<string, unknown>
  const p: InvalidParam[] = []
  if (!isMaand(q.periode)) p.push({ name: 'periode', code: 'maand-ongeldig', reason: 'verplicht; een maand als JJJJ-MM' })
  let limiet = STANDAARD_LIMIET
  if (q.limiet !== undefined) {
    limiet = Number(q.limiet)
    if (typeof q.limiet !== 'string' || !/^\d+$/.test(q.limiet) || limiet < 1 || limiet > MAX_LIMIET)
      p.push({ name: 'limiet', code: 'limiet-ongeldig', reason: `een geheel getal van 1 tot en met ${MAX_LIMIET}` })
  }
  let na = 0
  if (q.na !== undefined) {
    const c = typeof q.na === 'string' ? leesCursor(q.na) : undefined
    if (c === undefined) p.push({ name: 'na', code: 'cursor-ongeldig', reason: 'gebruik de waarde van "volgende" uit het vorige antwoord' })
    else na = c
  }
  // A filter this API does not have (a BSN, above all) is refused rather than ignored with every client's overview.
  p.push(...onbekendeParameters(q, ['periode', 'limiet', 'na']))
  if (p.length) throw new AppError('invalid', 'oib.vraag-ongeldig', 'de vraag naar OIB-overzichten is ongeldig', p)
  return { periode: q.periode as Maand, na, limiet }
}
