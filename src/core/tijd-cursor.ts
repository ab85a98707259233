/**
 * A keyset cursor for a list ordered newest first by (timestamp, id): opaque to clients (base64url of the JSON pair).
 * Read back only in the shape it was written — an ISO UTC timestamp and an id of the list's own form — because both
 * fields reach the store as query parameters (a NUL, say, would be a 500 on PostgreSQL).
 *
 * @example maakTijdCursor('2026-03-01T10:00:00.000Z', 'polis-2026-03')
 */
export const maakTijdCursor = (tijd: string, id: string): string => Buffer.from(JSON.stringify([tijd, id])).toString('base64url')

const TIJDSTIP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?Z$/

/** The pair `maakTijdCursor` wrote, or undefined for anything else. */
export function leesTijdCursor(tekst: string, idVorm: RegExp): [tijd: string, id: string] | undefined {
  try {
    const v = JSON.parse(Buffer.from(tekst, 'base64url').toString('utf8')) as unknown
    if (Array.isArray(v) && v.length === 2 && typeof v[0] === 'string' && TIJDSTIP.test(v[0]) && typeof v[1] === 'string' && idVorm.test(v[1])) return [v[0], v[1]]
  } catch { /* not ours */ }
  return undefined
}
