import type { Kysely } from 'kysely'
import type { KnooppuntMigration } from './helpers.js'

/** The portal's "recent activity" lists the ledger lines of one organisation, newest first. */
export const ledgerActorIndex: KnooppuntMigration = {
  async up(db: Kysely<any>) {
    await db.schema.createIndex('ledger_actor').on('ledger').columns(['actor_oin', 'seq']).execute()
  },
}
