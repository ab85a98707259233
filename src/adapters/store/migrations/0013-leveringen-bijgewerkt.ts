import type { Kysely } from 'kysely'
import type { KnooppuntMigration } from './helpers.js'

/**
 * When the upload of a delivery in progress last wrote a batch: a delivery that stays `in-behandeling` without one for
 * a while was abandoned (the hub stopped or crashed half-way), and its id may be used again. Empty for rows from
 * before; their `ontvangen` counts instead.
 */
export const leveringenBijgewerkt: KnooppuntMigration = {
  async up(db: Kysely<any>) {
    await db.schema.alterTable('leveringen').addColumn('bijgewerkt', 'varchar(32)').execute()
  },
}
