import { passesElfproef } from '../../../src/core/bsn.js'
import type { MessageKey } from '../i18n/index.js'

/**
 * Why `value` is not a BSN (as a message key), or undefined. The 11-proef is the hub's own (src/core), so the
 * browser and the server can never disagree about what a valid BSN is.
 */
export function bsnFout(value: string): MessageKey | undefined {
  if (value === '') return 'validatie.bsn.leeg'
  if (!/^\d{9}$/.test(value)) return 'validatie.bsn.cijfers'
  if (value === '000000000') return 'validatie.bsn.nullen'
  if (!passesElfproef(value)) return 'validatie.bsn.elfproef'
  return undefined
}

/** An OIN is 20 digits (Logius). */
export const isOin = (value: string): boolean => /^\d{20}$/.test(value)
