import type { Kysely } from 'kysely'
import { notNull, type KnooppuntMigration } from './helpers.js'

/** Which source formats an organisation of kind `bron` may deliver (UWV the polis, RDW the vehicles, …). */
export const bronMachtigingen: KnooppuntMigration = {
  async up(db: Kysely<any>) {
    await db.schema.createTable('bron_machtigingen')
      .addColumn('oin', 'varchar(20)', (c) => c.notNull().references('organisaties.oin'))
      .addColumn('bron', 'varchar(64)', notNull)
      .addColumn('aangemaakt', 'varchar(32)', notNull)
      .addPrimaryKeyConstraint('bron_machtigingen_pk', ['oin', 'bron'])
      .execute()
  },
}
