import type { Kysely } from 'kysely'
import type { KnooppuntMigration } from './helpers.js'

/**
 * Webhooks fail closed (issue 4): a send that carries a BSN has its ledger line written before the send, never after.
 * `vooraf_vastgelegd` counts the ledger lines written ahead for sends of this delivery that no worker has claimed
 * yet: planning a delivery writes the line for its first send and sets 1; every claim takes one off. A claim that
 * leaves it below 0 (a retry, a resend, a delivery planned before this migration) must write its own line first.
 */
export const afleveringenVoorafVastgelegd: KnooppuntMigration = {
  async up(db: Kysely<any>) {
    await db.schema.alterTable('afleveringen').addColumn('vooraf_vastgelegd', 'integer', (c) => c.notNull().defaultTo(0)).execute()
  },
}
