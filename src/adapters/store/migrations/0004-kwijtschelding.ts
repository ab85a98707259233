import type { Kysely } from 'kysely'
import { notNull, withSerialKey, type KnooppuntMigration, type MigrationDialect } from './helpers.js'

/**
 * Kwijtschelding (issue 5): the local norms per gemeente/waterschap (versioned by validity date), and the
 * asynchronous checks with one row per BSN. Results are kept as long as the register allows (548 days).
 */
export const kwijtschelding: KnooppuntMigration = {
  async up(db: Kysely<any>, dialect: MigrationDialect) {
    await withSerialKey(db.schema.createTable('kws_normen'), dialect, 'id')
      .addColumn('oin', 'varchar(20)', notNull)
      .addColumn('geldig_van', 'varchar(10)', notNull)
      .addColumn('instellingen', 'text', notNull)
      .addColumn('vastgelegd', 'varchar(32)', notNull)
      .addColumn('vervangen', 'varchar(32)')
      .execute()
    await db.schema.createIndex('kws_normen_oin').on('kws_normen').columns(['oin', 'vervangen', 'geldig_van']).execute()

    await db.schema.createTable('kws_toetsingen')
      .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
      .addColumn('oin', 'varchar(20)', notNull)
      .addColumn('soort', 'varchar(16)', notNull)
      .addColumn('status', 'varchar(16)', notNull)
      .addColumn('aantal', 'integer', notNull)
      .addColumn('verwerkt', 'integer', notNull)
      .addColumn('aangemaakt', 'varchar(32)', notNull)
      .addColumn('gereed', 'varchar(32)')
      .addColumn('geclaimd_tot', 'varchar(32)')
      .addColumn('trace_id', 'varchar(32)', notNull)
      .addColumn('bewaren_tot', 'varchar(10)', notNull)
      .execute()
    await db.schema.createIndex('kws_toetsingen_status').on('kws_toetsingen').columns(['status', 'aangemaakt']).execute()

    await db.schema.createTable('kws_toetsing_regels')
      .addColumn('toetsing_id', 'varchar(36)', notNull)
      .addColumn('regel', 'integer', notNull)
      .addColumn('bsn', 'varchar(9)', notNull)
      .addColumn('peildatum', 'varchar(10)', notNull)
      .addColumn('aanslag_cent', 'bigint')
      .addColumn('status', 'varchar(16)', notNull)
      .addColumn('resultaat', 'text')
      .addPrimaryKeyConstraint('kws_toetsing_regels_pk', ['toetsing_id', 'regel'])
      .execute()
    await db.schema.createIndex('kws_toetsing_regels_status').on('kws_toetsing_regels').columns(['toetsing_id', 'status', 'regel']).execute()
  },
}
