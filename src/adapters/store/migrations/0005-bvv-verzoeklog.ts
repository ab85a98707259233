import type { Kysely } from 'kysely'
import { notNull, withSerialKey, type KnooppuntMigration, type MigrationDialect } from './helpers.js'

/**
 * The beslagvrije-voet request log (issue 5): who asked what and when, never the amounts or a BSN in the clear.
 * Rows are deleted after at most 18 months by the retention job.
 */
export const bvvVerzoeklog: KnooppuntMigration = {
  async up(db: Kysely<any>, dialect: MigrationDialect) {
    await withSerialKey(db.schema.createTable('bvv_verzoeklog'), dialect)
      .addColumn('tijdstip', 'varchar(32)', notNull)
      .addColumn('oin', 'varchar(20)', notNull)
      .addColumn('client_id', 'varchar(64)', notNull)
      .addColumn('endpoint', 'varchar(128)', notNull)
      .addColumn('http_status', 'integer', notNull)
      .addColumn('aantal', 'integer', notNull)
      .addColumn('aantal_fout', 'integer', notNull)
      .addColumn('trace_id', 'varchar(32)', notNull)
      /** Keyed hash (HMAC) of the BSN when the request named one; null otherwise. */
      .addColumn('betrokkene_ref', 'varchar(64)')
      .execute()
    await db.schema.createIndex('bvv_verzoeklog_tijdstip').on('bvv_verzoeklog').columns(['tijdstip']).execute()
  },
}
