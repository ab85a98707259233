import { AppError, type InvalidParam } from './errors.js'

/** A calendar date as ISO `YYYY-MM-DD`. Plain strings compare correctly, which keeps stores and rules simple. */
export type Datum = string & { readonly __brand: 'Datum' }
/** A calendar month as `YYYY-MM`. */
export type Maand = string & { readonly __brand: 'Maand' }

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/
const ISO_MONTH = /^(\d{4})-(\d{2})$/

export function isDatum(value: unknown): value is Datum {
  if (typeof value !== 'string') return false
  const m = ISO_DATE.exec(value)
  if (!m) return false
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  if (mo < 1 || mo > 12 || d < 1) return false
  return d <= daysInMonth(y, mo)
}

export const isMaand = (value: unknown): value is Maand => {
  if (typeof value !== 'string') return false
  const m = ISO_MONTH.exec(value)
  return m !== null && Number(m[2]) >= 1 && Number(m[2]) <= 12
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate()
}

function invalid(field: string, code: string, reason: string): AppError {
  const p: InvalidParam = { name: field, code, reason }
  return new AppError('invalid', code, `${field}: ${reason}`, [p])
}

export function parseDatum(value: unknown, field = 'datum'): Datum {
  if (!isDatum(value)) throw invalid(field, 'datum-ongeldig', 'geen geldige datum (verwacht JJJJ-MM-DD)')
  return value
}

export function parseMaand(value: unknown, field = 'periode'): Maand {
  if (!isMaand(value)) throw invalid(field, 'maand-ongeldig', 'geen geldige maand (verwacht JJJJ-MM)')
  return value
}

/** The first and last day of a month. */
export function maandPeriode(maand: Maand): { van: Datum; tot: Datum } {
  const [y, m] = maand.split('-').map(Number) as [number, number]
  return { van: `${maand}-01` as Datum, tot: `${maand}-${String(daysInMonth(y, m)).padStart(2, '0')}` as Datum }
}

export function addDays(datum: Datum, days: number): Datum {
  const d = new Date(`${datum}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + days)
  return d.toISOString().slice(0, 10) as Datum
}

export function addMonths(datum: Datum, months: number): Datum {
  const [y, m, d] = datum.split('-').map(Number) as [number, number, number]
  const total = y * 12 + (m - 1) + months
  const ny = Math.floor(total / 12)
  const nm = (total % 12) + 1
  const nd = Math.min(d, daysInMonth(ny, nm))
  return `${String(ny).padStart(4, '0')}-${String(nm).padStart(2, '0')}-${String(nd).padStart(2, '0')}` as Datum
}

const NL_OFFSET = new Intl.DateTimeFormat('en', { timeZone: 'Europe/Amsterdam', timeZoneName: 'longOffset' })

/**
 * The instant a calendar day begins in the Netherlands (00:00 Europe/Amsterdam), as an ISO UTC timestamp: the day
 * a Dutch user means when they ask for "the signals of 1 April". Clocks change at 01:00 UTC, after local midnight,
 * so the offset at 00:00 UTC of that day is the one at its midnight.
 *
 * @example dagBeginNl('2026-04-01' as Datum) // '2026-03-31T22:00:00.000Z'
 */
export function dagBeginNl(datum: Datum): string {
  const middernachtUtc = new Date(`${datum}T00:00:00Z`)
  const naam = NL_OFFSET.formatToParts(middernachtUtc).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT'
  const m = /^GMT([+-])(\d{2}):(\d{2})$/.exec(naam)
  const minuten = m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0
  return new Date(middernachtUtc.getTime() - minuten * 60_000).toISOString()
}

/** Today's date in UTC for a given instant. */
export const datumVan = (instant: Date): Datum => instant.toISOString().slice(0, 10) as Datum

/**
 * A period of days, both ends inclusive. `tot` undefined means open-ended ("tot nader order").
 * Used for indications (afnemersindicaties), facts and rule-parameter validity.
 */
export interface Periode {
  readonly van: Datum
  readonly tot?: Datum | undefined
}

export function parsePeriode(van: unknown, tot: unknown, field = 'periode'): Periode {
  const problems: InvalidParam[] = []
  if (!isDatum(van)) problems.push({ name: `${field}.van`, code: 'datum-ongeldig', reason: 'geen geldige datum (verwacht JJJJ-MM-DD)' })
  if (tot !== undefined && tot !== null && tot !== '' && !isDatum(tot))
    problems.push({ name: `${field}.tot`, code: 'datum-ongeldig', reason: 'geen geldige datum (verwacht JJJJ-MM-DD)' })
  if (problems.length === 0 && isDatum(tot) && (tot as string) < (van as string))
    problems.push({ name: `${field}.tot`, code: 'periode-omgekeerd', reason: 'einddatum ligt vóór de ingangsdatum' })
  if (problems.length) throw new AppError('invalid', 'periode-ongeldig', `${field} is ongeldig`, problems)
  return { van: van as Datum, tot: isDatum(tot) ? tot : undefined }
}

export function contains(p: Periode, d: Datum): boolean {
  return p.van <= d && (p.tot === undefined || d <= p.tot)
}

/** True when two inclusive periods share at least one day. */
export function overlaps(a: Periode, b: Periode): boolean {
  return (a.tot === undefined || b.van <= a.tot) && (b.tot === undefined || a.van <= b.tot)
}

/** The shared days of two periods, or undefined when they do not overlap. */
export function intersection(a: Periode, b: Periode): Periode | undefined {
  if (!overlaps(a, b)) return undefined
  const van = a.van > b.van ? a.van : b.van
  const tot = a.tot === undefined ? b.tot : b.tot === undefined ? a.tot : a.tot < b.tot ? a.tot : b.tot
  return { van, tot }
}
