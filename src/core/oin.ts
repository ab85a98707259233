import { AppError } from './errors.js'

/** An Organisatie-identificatienummer (OIN): 20 digits (Logius, "OIN-stelsel"). */
export type Oin = string & { readonly __brand: 'Oin' }

const TWENTY_DIGITS = /^\d{20}$/

export const isOin = (value: unknown): value is Oin => typeof value === 'string' && TWENTY_DIGITS.test(value)

export function parseOin(value: unknown, field = 'oin'): Oin {
  if (!isOin(value)) {
    const reason = 'OIN moet uit precies 20 cijfers bestaan'
    throw new AppError('invalid', 'oin-ongeldig', `${field}: ${reason}`, [{ name: field, code: 'oin-ongeldig', reason }])
  }
  return value
}

/**
 * Builds an OIN the way Logius derives them: prefix `00000001` + an 11–12 digit number (KvK/RSIN) + suffix
 * `000`, or prefix `00000003`/`00000004` for other registers. Used by the synthetic data and the demo.
 */
export function oinFrom(prefix: '00000001' | '00000002' | '00000003' | '00000004', number: string | number): Oin {
  const body = String(number).padStart(9, '0')
  const oin = `${prefix}${body}000`.slice(0, 20).padEnd(20, '0')
  return parseOin(oin)
}
