import type { Datum } from '../../core/index.js'
import type { Executor } from '../../platform/tables.js'

/** Where a fact came from: the source, its delivery and the line in it (named in every belemmering). */
export interface FeitRef {
  readonly bron: string
  readonly leveringId: string
  readonly regel: number
}

/** One stored source fact, its fields parsed. Amounts in `gegevens` are integer cents. */
export interface Feit {
  readonly bron: string
  readonly bsn: string
  readonly sleutel: string
  readonly geldigVan: string
  readonly geldigTot: string | null
  readonly gegevens: Readonly<Record<string, unknown>>
  readonly ref: FeitRef
}

/**
 * Every current fact of these BSNs from these sources. A correction is stored as a new row with the same key: only
 * the newest row per (bron, bsn, sleutel) counts.
 */
export async function leesFeiten(db: Executor, bsns: readonly string[], bronnen: readonly string[]): Promise<Feit[]> {
  if (bsns.length === 0 || bronnen.length === 0) return []
  const rows = await db.selectFrom('feiten').select(['id', 'bron', 'bsn', 'sleutel', 'geldig_van', 'geldig_tot', 'gegevens', 'levering_id', 'regel'])
    .where('bsn', 'in', [...bsns]).where('bron', 'in', [...bronnen]).orderBy('id').execute()
  const nieuwste = new Map<string, (typeof rows)[number]>()
  for (const r of rows) nieuwste.set(`${r.bron}|${r.bsn}|${r.sleutel}`, r)
  return [...nieuwste.values()].map((r) => ({
    bron: r.bron, bsn: r.bsn, sleutel: r.sleutel, geldigVan: r.geldig_van, geldigTot: r.geldig_tot,
    gegevens: JSON.parse(r.gegevens) as Record<string, unknown>, ref: { bron: r.bron, leveringId: r.levering_id, regel: r.regel },
  }))
}

/**
 * Members of a BRP household (`brp-personen` facts sharing a `huishoudenId`). The facts are keyed by BSN, not by
 * household, so this filters on the JSON text first and checks the parsed value after.
 */
export async function leesHuishoudleden(db: Executor, huishoudenId: string): Promise<Feit[]> {
  const rows = await db.selectFrom('feiten').select('bsn').where('bron', '=', 'brp-personen')
    .where('gegevens', 'like', `%"huishoudenId":${JSON.stringify(huishoudenId)}%`).execute()
  const bsns = [...new Set(rows.map((r) => r.bsn))]
  return (await leesFeiten(db, bsns, ['brp-personen'])).filter((f) => tekst(f.gegevens.huishoudenId) === huishoudenId)
}

/** A text field; empty strings and absent values are `undefined` (an empty CSV cell means "not known"). */
export function tekst(v: unknown): string | undefined {
  if (typeof v === 'string') return v.trim() === '' ? undefined : v
  if (typeof v === 'number') return String(v)
  return undefined
}

/** An integer amount in cents from a fact (stored as a number or as digits); `undefined` when absent or malformed. */
export function centVan(v: unknown): number | undefined {
  if (typeof v === 'number' && Number.isSafeInteger(v) && v >= 0) return v
  if (typeof v === 'string' && /^\d{1,15}$/.test(v)) return Number(v)
  return undefined
}

/** Whether a fact with a start and an optional end (inclusive) is in force on `peildatum`. */
export function geldtOp(van: string | undefined, tot: string | undefined | null, peildatum: Datum): boolean {
  return van !== undefined && van <= peildatum && (!tot || tot >= peildatum)
}
