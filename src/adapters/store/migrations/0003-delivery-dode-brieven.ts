import type { Kysely } from 'kysely'
import type { KnooppuntMigration } from './helpers.js'

/**
 * Webhook delivery (issue 4): why a delivery became a dead letter, whether a subscription wants the whole signal or
 * only a reference in its events, and the index behind the per-subscription delivery and dead-letter lists.
 */
export const deliveryDodeBrieven: KnooppuntMigration = {
  async up(db: Kysely<any>) {
    /** pogingen-op | toegang-vervallen | abonnement-opgezegd | signaal-verwijderd; null while not dead. */
    await db.schema.alterTable('afleveringen').addColumn('reden', 'varchar(32)').execute()
    /** volledig (the signal in `data`) | verwijzing (only `dataref` and non-personal attributes). */
    await db.schema.alterTable('abonnementen').addColumn('inhoud', 'varchar(16)', (c) => c.notNull().defaultTo('volledig')).execute()
    await db.schema.createIndex('afleveringen_abonnement').on('afleveringen').columns(['abonnement_id', 'status', 'aangemaakt']).execute()
    await db.schema.createIndex('abonnementen_oin').on('abonnementen').columns(['oin']).execute()
  },
}
