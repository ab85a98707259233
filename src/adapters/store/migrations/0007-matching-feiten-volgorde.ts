import type { Kysely } from 'kysely'
import type { KnooppuntMigration } from './helpers.js'

/**
 * Matching reads a delivery's facts in chunks by `id` (keyset pagination). With only (bron, levering_id) indexed,
 * every chunk re-reads and sorts the whole delivery; with `id` in the index each chunk is one range scan.
 */
export const matchingFeitenVolgorde: KnooppuntMigration = {
  async up(db: Kysely<any>) {
    await db.schema.createIndex('feiten_levering_volgorde').on('feiten').columns(['bron', 'levering_id', 'id']).execute()
  },
}
