import type { Kysely } from 'kysely'
import { notNull, type KnooppuntMigration } from './helpers.js'

/**
 * Portal sessions in the store, so a logged-in browser survives a restart of the hub (and any instance can serve
 * it). Only the SHA-256 of the session id is kept: a copy of the table does not let anyone take over a session.
 */
export const portaalSessies: KnooppuntMigration = {
  async up(db: Kysely<any>) {
    await db.schema.createTable('portaal_sessies')
      /** SHA-256 (hex) of the 256-bit random session id; the id itself exists only in the sealed cookie. */
      .addColumn('id_hash', 'varchar(64)', (c) => c.primaryKey())
      .addColumn('gebruiker_id', 'varchar(64)', notNull)
      .addColumn('aangemaakt', 'varchar(32)', notNull)
      .addColumn('laatst_gezien', 'varchar(32)', notNull)
      /** The earlier of idle and absolute expiry (ISO UTC); the retention job deletes rows past it. */
      .addColumn('verloopt', 'varchar(32)', notNull)
      .execute()
    await db.schema.createIndex('portaal_sessies_verloopt').on('portaal_sessies').columns(['verloopt']).execute()
  },
}
