import { AppError, isMaand, onbekendeParameters, type InvalidParam, type Maand } from '../../core/index.js'
import type { KotVerschilSoort } from './vergelijk-doelgroepouders.js'

export const SOORTEN: readonly KotVerschilSoort[] = ['niet-geregistreerd', 'niet-in-bestand']
export const MAX_LIMIET = 1000

/** Opaque cursor: base64url of the last signal's sequence number. */
export const maakCursor = (seq: number): string => Buffer.from(JSON.stringify({ s: seq })).toString('base64url')

function leesCursor(waarde: unknown): number | undefined {
  if (typeof waarde !== 'string') return undefined
  try {
    const s = (JSON.parse(Buffer.from(waarde, 'base64url').toString('utf8')) as { s?: unknown }).s
    return Number.isSafeInteger(s) && (s as number) >= 0 ? (s as number) : undefined
  } catch {
    return undefined
  }
}

/** `POST /kot-doelgroepouders/vergelijkingen` body: `{ periode }`. */
export function valideerVergelijkingVraag(body: unknown): Maand {
  const b = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>
  const p: InvalidParam[] = []
  if (!isMaand(b.periode)) p.push({ name: 'periode', code: 'maand-ongeldig', reason: 'verplicht; een maand als JJJJ-MM' })
  for (const k of Object.keys(b)) if (k !== 'periode') p.push({ name: k, code: 'veld-onbekend', reason: 'alleen periode is toegestaan' })
  if (p.length) throw new AppError('invalid', 'kot.vraag-ongeldig', 'de vraag om te vergelijken is ongeldig', p)
  return b.periode as Maand
}

export interface VerschillenVraag {
  readonly periode: Maand
  readonly soort?: KotVerschilSoort | undefined
  readonly na: number
  readonly limiet: number
}

/** `GET /kot-doelgroepouders/verschillen` query, every problem listed. */
export function valideerVerschillenVraag(query: unknown): VerschillenVraag {
  const q = (query ?? {}) as Record<string, unknown>
  const p: InvalidParam[] = []
  if (!isMaand(q.periode)) p.push({ name: 'periode', code: 'maand-ongeldig', reason: 'verplicht; een maand als JJJJ-MM' })
  if (q.soort !== undefined && !SOORTEN.includes(q.soort as KotVerschilSoort)) p.push({ name: 'soort', code: 'soort-onbekend', reason: `een van ${SOORTEN.join(', ')}` })
  const limiet = q.limiet === undefined ? 100 : Number(q.limiet)
  if (q.limiet !== undefined && (typeof q.limiet !== 'string' || !/^\d+$/.test(q.limiet) || limiet < 1 || limiet > MAX_LIMIET))
    p.push({ name: 'limiet', code: 'limiet-ongeldig', reason: `een geheel getal van 1 tot en met ${MAX_LIMIET}` })
  const na = q.na === undefined ? 0 : leesCursor(q.na)
  if (na === undefined) p.push({ name: 'na', code: 'cursor-ongeldig', reason: 'gebruik de waarde van "volgende" uit het vorige antwoord' })
  // A filter this API does not have (a BSN, above all) is refused rather than ignored with every difference.
  p.push(...onbekendeParameters(q, ['periode', 'soort', 'limiet', 'na']))
  if (p.length) throw new AppError('invalid', 'kot.vraag-ongeldig', 'de vraag naar verschillen is ongeldig', p)
  return { periode: q.periode as Maand, soort: q.soort as KotVerschilSoort | undefined, na: na!, limiet }
}
