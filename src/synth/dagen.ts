/**
 * Dates as day numbers (days since 1970-01-01, UTC). The generator does date arithmetic millions of times; plain
 * integers and one formatting table are much faster than `Date` objects and can never pick up a local time zone.
 */
export type Dag = number

const MS_PER_DAY = 86_400_000
const FIRST = Date.UTC(1900, 0, 1) / MS_PER_DAY
const LAST = Date.UTC(2100, 0, 1) / MS_PER_DAY
let table: string[] | undefined

/** The day number of an ISO date `YYYY-MM-DD`. */
export function dagVan(iso: string): Dag {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number]
  return Date.UTC(y, m - 1, d) / MS_PER_DAY
}

/** `YYYY-MM-DD` of a day number; table-driven for the range 1900–2100. */
export function iso(dag: Dag): string {
  if (dag < FIRST || dag >= LAST) return new Date(dag * MS_PER_DAY).toISOString().slice(0, 10)
  table ??= buildTable()
  return table[dag - FIRST] as string
}

function buildTable(): string[] {
  const out: string[] = new Array(LAST - FIRST)
  for (let i = 0; i < out.length; i++) out[i] = new Date((FIRST + i) * MS_PER_DAY).toISOString().slice(0, 10)
  return out
}

/** `YYYY-MM` of a month index (year·12 + month − 1). */
export function maandIso(maand: number): string {
  const y = Math.floor(maand / 12)
  const m = (maand % 12) + 1
  return `${y}-${m < 10 ? '0' : ''}${m}`
}

/** The month index of a day number. */
export function maandVanDag(dag: Dag): number {
  const d = new Date(dag * MS_PER_DAY)
  return d.getUTCFullYear() * 12 + d.getUTCMonth()
}

/** First day of a month index. */
export function eersteDag(maand: number): Dag {
  return Date.UTC(Math.floor(maand / 12), maand % 12, 1) / MS_PER_DAY
}

/** Last day of a month index. */
export function laatsteDag(maand: number): Dag {
  return eersteDag(maand + 1) - 1
}

/** Whole years between a birth date and a later day (age on that day). */
export function leeftijdOp(geboren: Dag, op: Dag): number {
  const a = new Date(geboren * MS_PER_DAY)
  const b = new Date(op * MS_PER_DAY)
  let age = b.getUTCFullYear() - a.getUTCFullYear()
  if (b.getUTCMonth() < a.getUTCMonth() || (b.getUTCMonth() === a.getUTCMonth() && b.getUTCDate() < a.getUTCDate())) age--
  return age
}
