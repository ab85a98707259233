import type { Bsn } from '../../core/index.js'
import type { Executor } from '../tables.js'
import type { Feit } from './feit.js'

/**
 * The facts of one delivery in chunks, oldest line first (keyset pagination on `id`, so a chunk is one indexed
 * range query and memory stays bounded however large the delivery).
 */
export async function* leveringFeiten(db: Executor, bron: string, leveringId: string, chunk = 5_000): AsyncGenerator<Feit[]> {
  let naId = 0
  for (;;) {
    const rows = await db.selectFrom('feiten')
      .select(['id', 'bron', 'bsn', 'sleutel', 'geldig_van', 'geldig_tot', 'gegevens', 'levering_id', 'regel'])
      .where('bron', '=', bron).where('levering_id', '=', leveringId).where('id', '>', naId)
      .orderBy('id').limit(chunk).execute()
    if (rows.length === 0) return
    naId = Number(rows[rows.length - 1]!.id)
    yield rows.map((r) => ({
      bron: r.bron, bsn: r.bsn as Bsn, sleutel: r.sleutel, geldigVan: r.geldig_van, geldigTot: r.geldig_tot ?? undefined,
      gegevens: JSON.parse(r.gegevens) as Record<string, unknown>, leveringId: r.levering_id, regel: Number(r.regel),
    }))
    if (rows.length < chunk) return
  }
}
