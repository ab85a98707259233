import { sql, type Kysely } from 'kysely'
import type { KnooppuntMigration } from './helpers.js'

/**
 * The ledger's per-subject index keyed by the first 16 hex characters (64 bits) of the HMAC reference instead of all
 * 64. Every ledger line — one per data subject per processing, millions in a batch run — inserts into this index at
 * a random place; with a quarter of the key bytes it has a quarter of the pages, so a transaction dirties fewer of
 * them. Inzage looks up the prefix and compares the whole reference (and decrypts) as before. An expression index,
 * so the rows and the hash chain are unchanged.
 */
export const ledgerBetrokkeneKort: KnooppuntMigration = {
  async up(db: Kysely<any>) {
    await sql`create index ledger_betrokkene_kort on ledger (substr(betrokkene_ref, 1, 16), seq)`.execute(db)
    await db.schema.dropIndex('ledger_betrokkene').ifExists().execute()
  },
}
