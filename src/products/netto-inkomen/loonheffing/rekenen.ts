/**
 * Exact arithmetic for the loonheffing tables: amounts in cents, percentages as exact fractions, no floating point.
 * Statutory percentages have at most five decimals as a factor (6,630 % = 0.06630), so every factor is an integer
 * number of hundred-thousandths (`TEL_NOEMER`).
 */

export const TEL_NOEMER = 100_000n

/** A percentage as an exact factor: `teller / 100000`. */
export interface Factor {
  readonly teller: bigint
}

/** Parsed factors by text: the texts come from the parameter data (a few dozen), so the cache stays small. */
const factoren = new Map<string, Factor>()

/** `'0.06630'` → 6630/100000. More than five decimals is a data error (thrown at load time by the caller). */
export function factorUitTekst(tekst: string): Factor {
  const bekend = factoren.get(tekst)
  if (bekend) return bekend
  const m = /^(\d+)(?:\.(\d{1,5}))?$/.exec(tekst)
  if (!m) throw new Error(`factor '${tekst}' heeft meer dan vijf decimalen of is geen decimaal getal`)
  const geheel = BigInt(m[1]!)
  const fractie = BigInt((m[2] ?? '').padEnd(5, '0'))
  const f: Factor = Object.freeze({ teller: geheel * TEL_NOEMER + fractie })
  factoren.set(tekst, f)
  return f
}

/** Basispunten (1/100 %) → factor: 932 bp = 9,32 % = 9320/100000. */
export const factorUitBasispunten = (bp: number): Factor => ({ teller: BigInt(bp) * 10n })

/** Exact amount in units of 1/100000 cent: `cent × factor`. */
export const maal = (cent: bigint, f: Factor): bigint => cent * f.teller

/** Units of 1/100000 cent → whole euros, rounded down (never below zero is the caller's concern). */
export const naarEuroOmlaag = (eenheden: bigint): bigint => floorDiv(eenheden, TEL_NOEMER * 100n)

/** Units of 1/100000 cent → whole euros, rounded up. */
export const naarEuroOmhoog = (eenheden: bigint): bigint => -floorDiv(-eenheden, TEL_NOEMER * 100n)

export function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b
  return (a % b !== 0n && (a < 0n) !== (b < 0n)) ? q - 1n : q
}

const max0 = (a: bigint) => (a > 0n ? a : 0n)
export const maxBig = (a: bigint, b: bigint) => (a > b ? a : b)
export const minBig = (a: bigint, b: bigint) => (a < b ? a : b)
export { max0 }

/** A factor shown as a Dutch percentage with three decimals, e.g. `6,630 %`. */
const PROCENT3 = new Intl.NumberFormat('nl-NL', { minimumFractionDigits: 2, maximumFractionDigits: 3 })
export function factorAlsProcent(f: Factor): string {
  return `${PROCENT3.format(Number(f.teller) / 1000)} %` // hundred-thousandths → percent with three decimals
}
