import type { Kysely } from 'kysely'
import { notNull, type KnooppuntMigration } from './helpers.js'

/**
 * Webhook delivery of more than signals (issue 4, OIB): a delivery names what it delivers — its *onderwerp* — by
 * kind (`signaal` or `gebeurtenis`) and id. Existing rows are signal deliveries (the default), and the id column
 * `signaal_id` keeps its name (and its unique key per subscription) so they work unchanged; for a `gebeurtenis` it
 * holds the id of a row in the new table `gebeurtenissen`: a notice without personal data, such as "the OIB
 * overview of this gemeente for 2026-01 changed".
 */
export const deliveryGebeurtenissen: KnooppuntMigration = {
  async up(db: Kysely<any>) {
    /** signaal | gebeurtenis: which table `signaal_id` points into. */
    await db.schema.alterTable('afleveringen').addColumn('onderwerp', 'varchar(16)', (c) => c.notNull().defaultTo('signaal')).execute()
    await db.schema.createTable('gebeurtenissen')
      .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
      /** The internal bus event it came from: a redelivered event finds its notice instead of making a second one. */
      .addColumn('bron_event_id', 'varchar(36)', (c) => c.notNull().unique())
      .addColumn('oin', 'varchar(20)', notNull)
      .addColumn('product', 'varchar(64)', notNull)
      /** e.g. overzicht-gewijzigd; with the product it makes the CloudEvents type. */
      .addColumn('soort', 'varchar(64)', notNull)
      /** The CloudEvents subject, never personal data (OIB: the month `YYYY-MM`). */
      .addColumn('onderwerp', 'varchar(64)', notNull)
      /** Path under the public URL where the afnemer reads the details with its own token. */
      .addColumn('dataref', 'varchar(512)', notNull)
      /** JSON, no personal data. */
      .addColumn('data', 'text', notNull)
      .addColumn('aangemaakt', 'varchar(32)', notNull)
      .execute()
    await db.schema.createIndex('gebeurtenissen_aangemaakt').on('gebeurtenissen').columns(['aangemaakt']).execute()
  },
}
