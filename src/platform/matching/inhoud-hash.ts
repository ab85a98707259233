import { createHash } from 'node:crypto'

/**
 * JSON with object keys sorted at every level, so equal content always serialises (and hashes) the same.
 *
 * Byte for byte what `JSON.stringify` with a key-sorting replacer gives (the stored content hashes depend on it;
 * the test compares both on random values), written as one recursive walk: the replacer version built a sorted
 * copy of every object, which was a fifth of matching's own CPU time.
 */
export function canoniekeJson(waarde: unknown): string {
  // JSON.stringify(undefined) is undefined, too; callers pass objects.
  return schrijf(waarde) as string
}

const vergelijk = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)
const isIndex = (k: string) => { const n = Number(k) >>> 0; return n !== 4_294_967_295 && String(n) === k }

/**
 * The key order of the original: an object rebuilt from sorted entries lists array-index keys ("0", "12") first,
 * ascending, then the other keys in sorted order. `Object.keys` already puts index keys first, ascending.
 */
function volgorde(keys: string[]): string[] {
  let n = 0
  while (n < keys.length && isIndex(keys[n]!)) n++
  if (n === 0) return keys.sort(vergelijk)
  return keys.slice(0, n).concat(keys.slice(n).sort(vergelijk))
}

/** `undefined` means "left out" (an object member) or `null` (an array element), as JSON.stringify does. */
function schrijf(v: unknown): string | undefined {
  if (v !== null && typeof v === 'object' && typeof (v as { toJSON?: unknown }).toJSON === 'function') v = (v as { toJSON(): unknown }).toJSON()
  switch (typeof v) {
    case 'string': return JSON.stringify(v)
    case 'number': return Number.isFinite(v) ? String(v) : 'null'
    case 'boolean': return v ? 'true' : 'false'
    case 'bigint': return JSON.stringify(v) // throws, as JSON.stringify does
    case 'undefined': case 'function': case 'symbol': return undefined
  }
  if (v === null) return 'null'
  if (Array.isArray(v)) {
    let s = '['
    for (let i = 0; i < v.length; i++) s += (i ? ',' : '') + (schrijf(v[i]) ?? 'null')
    return s + ']'
  }
  const o = v as Record<string, unknown>
  const sleutels = volgorde(Object.keys(o))
  let s = '{'
  let eerste = true
  for (const k of sleutels) {
    const w = schrijf(o[k])
    if (w === undefined) continue
    s += (eerste ? '' : ',') + JSON.stringify(k) + ':' + w
    eerste = false
  }
  return s + '}'
}

/** SHA-256 (hex) of the canonical JSON of a signal's fields. */
export const inhoudHash = (gegevens: unknown): string => createHash('sha256').update(canoniekeJson(gegevens)).digest('hex')
