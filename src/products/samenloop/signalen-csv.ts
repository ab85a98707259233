/** Columns of the A2A signal export (`;`, header line, UTF-8). Nested values are JSON in one quoted field. */
export const CSV_KOLOMMEN = ['id', 'product', 'soort', 'bsn', 'periodeVan', 'periodeTot', 'bronnen', 'regelId', 'regelVersie', 'uitleg', 'gegevens', 'aangemaakt', 'status', 'correctie'] as const

/** RFC 4180 quoting with `;`: quote when the value holds `;`, a quote or a line break; quotes are doubled. */
export function csvVeld(v: unknown): string {
  const s = v === undefined || v === null ? '' : typeof v === 'string' ? v : typeof v === 'object' ? JSON.stringify(v) : String(v)
  return /[;"\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
}

/** One CSV line (with `\r\n`) for a guarded signal record; fields the guard removed stay empty. */
export function csvRegel(s: Record<string, unknown>): string {
  const periode = s.periode as { van?: string; tot?: string | null } | undefined
  const regel = s.regel as { id?: string; versie?: string } | undefined
  const waarden: unknown[] = [
    s.id, s.product, s.soort, s.bsn, periode?.van, periode?.tot, s.bronnen, regel?.id, regel?.versie, s.uitleg, s.gegevens,
    s.aangemaakt, s.status, s.correctie === undefined ? '' : s.correctie ? 'ja' : 'nee',
  ]
  return waarden.map(csvVeld).join(';') + '\r\n'
}

export const csvKop = (): string => CSV_KOLOMMEN.join(';') + '\r\n'
