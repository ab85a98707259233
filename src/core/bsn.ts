import { AppError, type InvalidParam } from './errors.js'

/** A burgerservicenummer: 9 digits that pass the 11-proef and are not all zeros. Branded so it cannot be mixed up. */
export type Bsn = string & { readonly __brand: 'Bsn' }

const NINE_DIGITS = /^\d{9}$/

/** The BSN variant of the 11-proef: 9·d1 + 8·d2 + … + 2·d8 − 1·d9 ≡ 0 (mod 11). */
export function passesElfproef(digits: string): boolean {
  if (!NINE_DIGITS.test(digits)) return false
  let sum = 0
  for (let i = 0; i < 8; i++) sum += (9 - i) * (digits.charCodeAt(i) - 48)
  sum -= digits.charCodeAt(8) - 48
  return sum % 11 === 0
}

export function isBsn(value: unknown): value is Bsn {
  return typeof value === 'string' && passesElfproef(value) && value !== '000000000'
}

/** Why `value` is not a BSN, or undefined when it is one. */
export function bsnProblem(value: unknown): string | undefined {
  if (value === undefined || value === null || value === '') return 'BSN ontbreekt'
  // A BSN is text: as a JSON number its leading zeros would be lost.
  if (typeof value !== 'string') return 'BSN moet een tekst van 9 cijfers zijn (in JSON tussen aanhalingstekens)'
  if (!NINE_DIGITS.test(value)) return 'BSN moet uit precies 9 cijfers bestaan'
  if (value === '000000000') return 'BSN mag niet uit alleen nullen bestaan'
  if (!passesElfproef(value)) return 'BSN voldoet niet aan de elfproef'
  return undefined
}

/** Validates and brands a BSN; the error names the field and never echoes the value. */
export function parseBsn(value: unknown, field = 'bsn'): Bsn {
  const problem = bsnProblem(value)
  if (problem) {
    const p: InvalidParam = { name: field, code: 'bsn-ongeldig', reason: problem }
    throw new AppError('invalid', 'bsn-ongeldig', `${field}: ${problem}`, [p])
  }
  return value as Bsn
}

/** Completes 8 digits to a valid BSN by choosing the check digit, or undefined when none exists (check ≡ 10). */
export function completeBsn(first8: string): Bsn | undefined {
  if (!/^\d{8}$/.test(first8)) return undefined
  let sum = 0
  for (let i = 0; i < 8; i++) sum += (9 - i) * (first8.charCodeAt(i) - 48)
  const check = sum % 11
  if (check === 10) return undefined
  const bsn = `${first8}${check}`
  return isBsn(bsn) ? (bsn as Bsn) : undefined
}

/**
 * A pattern that finds BSN-shaped numbers inside free text (logs). Callers confirm with `passesElfproef` so that
 * ordinary 9-digit numbers that are not BSNs stay readable.
 */
export const BSN_IN_TEXT = /(?<!\d)\d{9}(?!\d)/g

/** Replaces every 11-proef-valid 9-digit run in `text` with `[bsn]`. */
export function redactBsns(text: string): string {
  return text.replace(BSN_IN_TEXT, (m) => (passesElfproef(m) && m !== '000000000' ? '[bsn]' : m))
}
