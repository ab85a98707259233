import { AppError } from './errors.js'

/**
 * Money is always an integer number of eurocents. Floating-point euros never enter the hub: parsing, rules and
 * outputs all work in cents, and every rounding is an explicit, named step.
 */
export type Cent = number & { readonly __brand: 'Cent' }

export const isCent = (value: unknown): value is Cent => typeof value === 'number' && Number.isSafeInteger(value)

export function parseCent(value: unknown, field = 'bedragCent', opts: { min?: number; max?: number } = {}): Cent {
  const min = opts.min ?? 0
  const max = opts.max ?? 100_000_000_00 // €100 million: anything above is treated as a typing error
  let n: unknown = value
  if (typeof value === 'string' && /^-?\d+$/.test(value)) n = Number(value)
  if (!isCent(n)) throw invalidAmount(field, 'bedrag moet een geheel aantal eurocent zijn')
  if (n < min) throw invalidAmount(field, min === 0 ? 'bedrag mag niet negatief zijn' : `bedrag moet minstens ${min} cent zijn`)
  if (n > max) throw invalidAmount(field, `bedrag is onwaarschijnlijk hoog (meer dan ${formatEuro(max as Cent)})`)
  return n
}

function invalidAmount(field: string, reason: string): AppError {
  return new AppError('invalid', 'bedrag-ongeldig', `${field}: ${reason}`, [{ name: field, code: 'bedrag-ongeldig', reason }])
}

export const cent = (n: number): Cent => {
  if (!Number.isSafeInteger(n)) throw new AppError('internal', 'bedrag-geen-geheel-getal', `niet-gehele centen: ${n}`)
  return n as Cent
}

/** Rounding modes that Dutch statutes use; name the one the law prescribes at each step. */
export type Afronding = 'naar-beneden' | 'naar-boven' | 'rekenkundig'

/** Multiplies cents by a rational factor num/den and rounds explicitly, without float drift for normal sizes. */
export function multiply(amount: Cent, num: number, den: number, afronding: Afronding): Cent {
  const exact = (BigInt(amount) * BigInt(num))
  const d = BigInt(den)
  let q = exact / d
  const r = exact % d
  if (r !== 0n) {
    const negative = (exact < 0n) !== (d < 0n)
    if (afronding === 'naar-boven' && !negative) q += 1n
    if (afronding === 'naar-beneden' && negative) q -= 1n
    if (afronding === 'rekenkundig') {
      const twice = (r < 0n ? -r : r) * 2n
      const absD = d < 0n ? -d : d
      if (twice >= absD) q += negative ? -1n : 1n
    }
  }
  return cent(Number(q))
}

const EURO = new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR' })

/** `123456` → `€ 1.234,56` (Dutch notation). */
export const formatEuro = (amount: Cent): string => EURO.format(amount / 100)
