import { readFileSync } from 'node:fs'

/** A gemeente as shipped in `data/gemeenten.csv` (CBS code and name; see docs/data/gemeenten.md). */
export interface Gemeente {
  /** CBS/BRP gemeentecode, four digits (`0363`). */
  readonly code: string
  readonly naam: string
  readonly provincie: string
  /** Approximate number of inhabitants; used only as a weight. */
  readonly inwoners: number
  readonly arbeidsmarktregio: string
  /** Synthetic RMC region (see docs/data/gemeenten.md: not taken from a source). */
  readonly rmcRegio: string
  /** First PC4 of the block of postcodes reserved for this gemeente. */
  readonly pc4Van: number
  readonly pc4Aantal: number
}

export interface Waterschap {
  readonly nummer: number
  readonly naam: string
  readonly provincies: readonly string[]
}

/** Provinces in the order their postcodes run, so synthetic postcodes resemble the real PC4 geography. */
const POSTCODE_VOLGORDE = [
  'Noord-Holland', 'Zuid-Holland', 'Utrecht', 'Zeeland', 'Noord-Brabant', 'Limburg', 'Gelderland', 'Overijssel',
  'Flevoland', 'Fryslân', 'Drenthe', 'Groningen',
]

/** The four largest arbeidsmarktregio's get two synthetic RMC regions each: 35 + 4 = 39, as in reality. */
const GESPLITSTE_RMC = new Set(['Groot Amsterdam', 'Rijnmond', 'Midden-Utrecht', 'West-Brabant'])

function readCsv(name: string): string[][] {
  const text = readFileSync(new URL(`./data/${name}`, import.meta.url), 'utf8')
  return text.trim().split('\n').slice(1).map((l) => l.split(';'))
}

let cache: readonly Gemeente[] | undefined

/** All 342 gemeenten, sorted by code. Read once and frozen. */
export function gemeenten(): readonly Gemeente[] {
  cache ??= Object.freeze(bouwGemeenten(readCsv('gemeenten.csv')))
  return cache
}

function bouwGemeenten(rows: string[][]): Gemeente[] {
  const basis = rows.map(([code, naam, provincie, inwoners, amr]) => ({
    code: code!, naam: naam!, provincie: provincie!, inwoners: Number(inwoners), arbeidsmarktregio: amr!,
  }))
  const centrum = grootstePerRegio(basis)
  const blokken = postcodeBlokken(basis)
  return basis.map((g) => {
    const split = GESPLITSTE_RMC.has(g.arbeidsmarktregio)
    const rmcRegio = !split ? g.arbeidsmarktregio
      : centrum.get(g.arbeidsmarktregio) === g.code ? `${g.arbeidsmarktregio} centrum` : `${g.arbeidsmarktregio} ommeland`
    const blok = blokken.get(g.code)!
    return Object.freeze({ ...g, rmcRegio, pc4Van: blok.van, pc4Aantal: blok.aantal })
  })
}

function grootstePerRegio(list: readonly { code: string; inwoners: number; arbeidsmarktregio: string }[]): Map<string, string> {
  const best = new Map<string, { code: string; inwoners: number }>()
  for (const g of list) {
    const cur = best.get(g.arbeidsmarktregio)
    if (!cur || g.inwoners > cur.inwoners) best.set(g.arbeidsmarktregio, g)
  }
  return new Map([...best].map(([k, v]) => [k, v.code]))
}

/** Disjoint PC4 blocks 1000–9999, proportional to population, in the provinces' postcode order. */
function postcodeBlokken(list: readonly { code: string; provincie: string; inwoners: number }[]): Map<string, { van: number; aantal: number }> {
  const sorted = [...list].sort((a, b) =>
    POSTCODE_VOLGORDE.indexOf(a.provincie) - POSTCODE_VOLGORDE.indexOf(b.provincie) || a.code.localeCompare(b.code))
  const total = sorted.reduce((s, g) => s + g.inwoners, 0)
  const out = new Map<string, { van: number; aantal: number }>()
  let next = 1000
  for (const g of sorted) {
    const aantal = Math.max(1, Math.floor((g.inwoners / total) * 8600))
    out.set(g.code, { van: next, aantal })
    next += aantal
  }
  return out
}

/** The 39 RMC regions, sorted by name. */
export function rmcRegios(): readonly string[] {
  return [...new Set(gemeenten().map((g) => g.rmcRegio))].sort()
}

/** The 35 arbeidsmarktregio's, sorted by name. */
export function arbeidsmarktregios(): readonly string[] {
  return [...new Set(gemeenten().map((g) => g.arbeidsmarktregio))].sort()
}

/** The 21 waterschappen. */
export function waterschappen(): readonly Waterschap[] {
  return readCsv('waterschappen.csv').map(([n, naam, prov]) => ({ nummer: Number(n), naam: naam!, provincies: prov!.split(',') }))
}

/**
 * Splits `inwoners` over the gemeenten in proportion to their size (largest remainder), so the same size always
 * gives the same counts and the counts add up exactly.
 */
export function verdeelInwoners(inwoners: number, lijst: readonly Gemeente[] = gemeenten()): number[] {
  const total = lijst.reduce((s, g) => s + g.inwoners, 0)
  const exact = lijst.map((g) => (g.inwoners / total) * inwoners)
  const counts = exact.map(Math.floor)
  let rest = inwoners - counts.reduce((s, n) => s + n, 0)
  const order = exact.map((x, i) => ({ i, r: x - Math.floor(x) })).sort((a, b) => b.r - a.r || a.i - b.i)
  for (let k = 0; rest > 0; k++, rest--) counts[order[k % order.length]!.i]!++
  return counts
}
