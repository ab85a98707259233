import type { Kysely } from 'kysely'
import type { KnooppuntMigration } from './helpers.js'

/**
 * `feiten_levering (bron, levering_id)` is a prefix of `feiten_levering_volgorde (bron, levering_id, id)` (0007):
 * every query it served, the longer index serves as well. Each stored fact paid for both; intake writes millions.
 */
export const feitenIndexDubbel: KnooppuntMigration = {
  async up(db: Kysely<any>) {
    await db.schema.dropIndex('feiten_levering').ifExists().execute()
  },
}
