import { AppError, isDatum, isMaand, maandPeriode, onbekendeParameters, type InvalidParam } from '../../core/index.js'
import { leesCursor, SIGNAAL_STATUSSEN, UITKOMSTEN, type SignaalStatus, type Uitkomst } from '../../platform/signals/index.js'

export const LIMIET_STANDAARD = 100
export const LIMIET_MAX = 1_000

export interface LijstVerzoek {
  readonly product: string
  readonly naSeq?: number | undefined
  readonly na?: string | undefined
  readonly limiet: number
  readonly soort?: string | undefined
  readonly status?: SignaalStatus | undefined
  readonly periode?: { readonly van: string; readonly tot: string } | undefined
}

type Query = Record<string, unknown>

const enkel = (q: Query, naam: string, p: InvalidParam[]): string | undefined => {
  const v = q[naam]
  if (v === undefined) return undefined
  if (typeof v !== 'string') { p.push({ name: naam, code: 'parameter-dubbel', reason: 'geef deze parameter één keer' }); return undefined }
  return v
}

function klaar(p: InvalidParam[]): void {
  if (p.length) throw new AppError('invalid', 'signalen.verzoek-ongeldig', 'het verzoek om signalen is ongeldig', p)
}

function product(q: Query, p: InvalidParam[]): string {
  const v = enkel(q, 'product', p)
  if (!v) p.push({ name: 'product', code: 'verplicht', reason: 'geef het product, bijvoorbeeld product=samenloop' })
  return v ?? ''
}

/** Reads `GET /signalen` query parameters, listing every problem at once. */
export function leesLijstVerzoek(q: Query, soorten: readonly string[]): LijstVerzoek {
  const p: InvalidParam[] = []
  // Every query parameter not listed is refused: a BSN (or anything else) in a URL is never silently accepted.
  p.push(...onbekendeParameters(q, ['product', 'na', 'limiet', 'soort', 'status', 'periode']))
  const prod = product(q, p)
  const na = enkel(q, 'na', p)
  let naSeq: number | undefined
  if (na !== undefined) {
    try { naSeq = leesCursor(na) } catch (e) { if (e instanceof AppError) p.push(...e.invalidParams); else throw e }
  }
  const limietTekst = enkel(q, 'limiet', p)
  const limiet = limietTekst === undefined ? LIMIET_STANDAARD : Number(limietTekst)
  if (!/^\d{1,5}$/.test(limietTekst ?? '1') || !Number.isInteger(limiet) || limiet < 1 || limiet > LIMIET_MAX)
    p.push({ name: 'limiet', code: 'limiet-ongeldig', reason: `een geheel getal van 1 tot en met ${LIMIET_MAX}` })
  const soort = enkel(q, 'soort', p)
  if (soort !== undefined && !soorten.includes(soort)) p.push({ name: 'soort', code: 'waarde-onbekend', reason: `een van: ${soorten.join(', ')}` })
  const status = enkel(q, 'status', p)
  if (status !== undefined && !(SIGNAAL_STATUSSEN as readonly string[]).includes(status)) p.push({ name: 'status', code: 'waarde-onbekend', reason: `een van: ${SIGNAAL_STATUSSEN.join(', ')}` })
  const periode = enkel(q, 'periode', p)
  if (periode !== undefined && !isMaand(periode)) p.push({ name: 'periode', code: 'maand-ongeldig', reason: 'geen geldige maand (verwacht JJJJ-MM)' })
  klaar(p)
  return {
    product: prod, na, naSeq, limiet, soort, status: status as SignaalStatus | undefined,
    periode: periode === undefined ? undefined : maandPeriode(periode as Parameters<typeof maandPeriode>[0]),
  }
}

/** Reads `GET /signalen/export` query parameters: product and the creation dates (inclusive). */
export function leesExportVerzoek(q: Query): { product: string; van: string; tot: string } {
  const p: InvalidParam[] = []
  p.push(...onbekendeParameters(q, ['product', 'van', 'tot']))
  const prod = product(q, p)
  const van = enkel(q, 'van', p)
  const tot = enkel(q, 'tot', p)
  if (!isDatum(van)) p.push({ name: 'van', code: 'datum-ongeldig', reason: 'verplicht; een datum JJJJ-MM-DD (aanmaakdatum, inclusief)' })
  if (!isDatum(tot)) p.push({ name: 'tot', code: 'datum-ongeldig', reason: 'verplicht; een datum JJJJ-MM-DD (aanmaakdatum, inclusief)' })
  if (isDatum(van) && isDatum(tot) && tot < van) p.push({ name: 'tot', code: 'periode-omgekeerd', reason: 'tot ligt vóór van' })
  klaar(p)
  return { product: prod, van: van!, tot: tot! }
}

/** Reads a terugmelding body. */
export function leesTerugmelding(body: unknown): { uitkomst: Uitkomst; toelichting?: string | undefined } {
  const p: InvalidParam[] = []
  const b = (typeof body === 'object' && body !== null && !Array.isArray(body) ? body : {}) as Record<string, unknown>
  if (b !== body) p.push({ name: 'body', code: 'verplicht', reason: 'een JSON-object { "uitkomst", "toelichting" }' })
  p.push(...onbekendeParameters(b, ['uitkomst', 'toelichting']))
  const uitkomst = b.uitkomst
  if (typeof uitkomst !== 'string' || !(UITKOMSTEN as readonly string[]).includes(uitkomst))
    p.push({ name: 'uitkomst', code: 'waarde-onbekend', reason: `verplicht; een van: ${UITKOMSTEN.join(', ')}` })
  const toelichting = b.toelichting
  if (toelichting !== undefined && (typeof toelichting !== 'string' || toelichting.length > 2000))
    p.push({ name: 'toelichting', code: 'tekst-ongeldig', reason: 'tekst van hoogstens 2000 tekens' })
  if (p.length) throw new AppError('invalid', 'signalen.terugmelding-ongeldig', 'de terugmelding is ongeldig', p)
  return { uitkomst: uitkomst as Uitkomst, toelichting: toelichting as string | undefined }
}
