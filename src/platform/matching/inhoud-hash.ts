import { createHash } from 'node:crypto'

/** JSON with object keys sorted at every level, so equal content always serialises (and hashes) the same. */
export function canoniekeJson(waarde: unknown): string {
  return JSON.stringify(waarde, (_k, v: unknown) => {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return v
    return Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
  })
}

/** SHA-256 (hex) of the canonical JSON of a signal's fields. */
export const inhoudHash = (gegevens: unknown): string => createHash('sha256').update(canoniekeJson(gegevens)).digest('hex')
