import type { Kysely } from 'kysely'
import { notNull, withSerialKey, type KnooppuntMigration, type MigrationDialect } from './helpers.js'

/**
 * Populations (afnemersindicaties), source deliveries and facts, signals, and webhook delivery (issue 4).
 * BSNs in these tables are stored as they are: matching 10M facts against 1M indications must be a plain join.
 * The tables live in the hub's own store (encrypted at rest by the platform's disk encryption), are kept only as
 * long as the register allows (retention job), and every processing of a BSN writes a ledger line.
 */
export const werkEnInkomen: KnooppuntMigration = {
  async up(db: Kysely<any>, dialect: MigrationDialect) {
    await withSerialKey(db.schema.createTable('populatie_regels'), dialect, 'id')
      .addColumn('oin', 'varchar(20)', notNull)
      .addColumn('product', 'varchar(64)', notNull)
      .addColumn('bsn', 'varchar(9)', notNull)
      .addColumn('ingangsdatum', 'varchar(10)', notNull)
      .addColumn('einddatum', 'varchar(10)')
      .addColumn('referentie', 'text')
      /** upload | mutatie | aanvraag (vooraf-toets) */
      .addColumn('herkomst', 'varchar(16)', notNull)
      .addColumn('vastgelegd', 'varchar(32)', notNull)
      /** When a later upload or mutation replaced this row; null while current. History is never deleted early. */
      .addColumn('vervangen', 'varchar(32)')
      .execute()
    await db.schema.createIndex('populatie_actueel').on('populatie_regels').columns(['oin', 'product', 'vervangen', 'bsn']).execute()
    await db.schema.createIndex('populatie_bsn').on('populatie_regels').columns(['bsn', 'product']).execute()

    await db.schema.createTable('leveringen')
      .addColumn('bron', 'varchar(64)', notNull)
      .addColumn('levering_id', 'varchar(128)', notNull)
      .addColumn('oin', 'varchar(20)', notNull)
      .addColumn('sha256', 'varchar(64)', notNull)
      .addColumn('status', 'varchar(16)', notNull)
      .addColumn('aantal_regels', 'integer', notNull)
      .addColumn('geaccepteerd', 'integer', notNull)
      .addColumn('opgeslagen', 'integer', notNull)
      /** JSON array of { regel, code, reden } */
      .addColumn('afgewezen', 'text', notNull)
      .addColumn('ontvangen', 'varchar(32)', notNull)
      .addColumn('verwerkt', 'varchar(32)')
      .addPrimaryKeyConstraint('leveringen_pk', ['bron', 'levering_id'])
      .execute()

    await withSerialKey(db.schema.createTable('feiten'), dialect, 'id')
      .addColumn('bron', 'varchar(64)', notNull)
      .addColumn('bsn', 'varchar(9)', notNull)
      /** The source's natural key of the fact, e.g. `<inkomstenverhoudingId>|<periode>` or `<kenteken>|<datumAanvang>`. */
      .addColumn('sleutel', 'text', notNull)
      .addColumn('geldig_van', 'varchar(10)', notNull)
      .addColumn('geldig_tot', 'varchar(10)')
      /** The line's fields as JSON (registered fields only). */
      .addColumn('gegevens', 'text', notNull)
      /** SHA-256 of the normalised fields: the same key with another hash is a correction. */
      .addColumn('inhoud_hash', 'varchar(64)', notNull)
      .addColumn('levering_id', 'varchar(128)', notNull)
      .addColumn('regel', 'integer', notNull)
      .addColumn('vastgelegd', 'varchar(32)', notNull)
      /** Retention: the fact is deleted after this date unless an indication still needs it. */
      .addColumn('bewaren_tot', 'varchar(10)', notNull)
      .execute()
    await db.schema.createIndex('feiten_bsn').on('feiten').columns(['bsn', 'bron']).execute()
    await db.schema.createIndex('feiten_levering').on('feiten').columns(['bron', 'levering_id']).execute()
    await db.schema.createIndex('feiten_sleutel').on('feiten').columns(['bron', 'sleutel']).execute()

    await withSerialKey(db.schema.createTable('signalen'), dialect)
      .addColumn('id', 'varchar(36)', (c) => c.notNull().unique())
      .addColumn('oin', 'varchar(20)', notNull)
      .addColumn('product', 'varchar(64)', notNull)
      .addColumn('soort', 'varchar(32)', notNull)
      .addColumn('bsn', 'varchar(9)', notNull)
      /** Deduplication key within (oin, product, soort), e.g. `<inkomstenverhoudingId>|<periode>`. */
      .addColumn('sleutel', 'text', notNull)
      .addColumn('inhoud_hash', 'varchar(64)', notNull)
      .addColumn('periode_van', 'varchar(10)', notNull)
      .addColumn('periode_tot', 'varchar(10)')
      /** JSON array of { bron, leveringId, regel } */
      .addColumn('bronnen', 'text', notNull)
      .addColumn('regel_id', 'varchar(64)', notNull)
      .addColumn('regel_versie', 'varchar(32)', notNull)
      .addColumn('uitleg', 'text', notNull)
      .addColumn('gegevens', 'text', notNull)
      .addColumn('correctie', 'integer', notNull)
      .addColumn('status', 'varchar(16)', notNull)
      /** JSON { uitkomst, toelichting, door, op } or null */
      .addColumn('terugmelding', 'text')
      .addColumn('aangemaakt', 'varchar(32)', notNull)
      .addUniqueConstraint('signalen_uniek', ['oin', 'product', 'soort', 'sleutel', 'inhoud_hash'])
      .execute()
    await db.schema.createIndex('signalen_afnemer').on('signalen').columns(['oin', 'product', 'seq']).execute()

    await db.schema.createTable('abonnementen')
      .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
      .addColumn('oin', 'varchar(20)', notNull)
      .addColumn('url', 'text', notNull)
      /** JSON arrays */
      .addColumn('producten', 'text', notNull)
      .addColumn('soorten', 'text')
      /** The Standard Webhooks secret (`whsec_…`), encrypted with the keyring. */
      .addColumn('geheim_versleuteld', 'text', notNull)
      .addColumn('aangemaakt', 'varchar(32)', notNull)
      .addColumn('opgezegd', 'varchar(32)')
      .execute()
    await db.schema.createTable('afleveringen')
      .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
      .addColumn('abonnement_id', 'varchar(36)', notNull)
      .addColumn('signaal_id', 'varchar(36)', notNull)
      /** wachtend | afgeleverd | dood */
      .addColumn('status', 'varchar(16)', notNull)
      .addColumn('pogingen', 'integer', notNull)
      .addColumn('volgende_poging', 'varchar(32)')
      .addColumn('aangemaakt', 'varchar(32)', notNull)
      .addColumn('afgeleverd', 'varchar(32)')
      .addUniqueConstraint('afleveringen_uniek', ['abonnement_id', 'signaal_id'])
      .execute()
    await db.schema.createIndex('afleveringen_wachtend').on('afleveringen').columns(['status', 'volgende_poging']).execute()
    await withSerialKey(db.schema.createTable('afleverpogingen'), dialect)
      .addColumn('aflevering_id', 'varchar(36)', notNull)
      .addColumn('tijdstip', 'varchar(32)', notNull)
      .addColumn('http_status', 'integer')
      .addColumn('fout', 'text')
      .addColumn('duur_ms', 'integer', notNull)
      .execute()
    await db.schema.createIndex('afleverpogingen_aflevering').on('afleverpogingen').columns(['aflevering_id', 'seq']).execute()
  },
}
