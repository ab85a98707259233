import type { Generated, Kysely, Transaction } from 'kysely'
import type { Tables } from '../../platform/tables.js'

/** One version of a gemeente's or waterschap's kwijtschelding norms; a later PUT with the same date replaces it. */
export interface KwsNormRow {
  id: Generated<number>
  oin: string
  geldig_van: string
  /** JSON of `KwsNormInstellingen` (amounts in cents). */
  instellingen: string
  vastgelegd: string
  /** Set when a later PUT for the same `geldig_van` replaced this version; history is kept. */
  vervangen: string | null
}

/** A queued or finished check: one BSN or a whole batch (`soort` toetsing | verlenging). */
export interface KwsToetsingRow {
  id: string
  oin: string
  soort: 'toetsing' | 'verlenging'
  /** wachtend | bezig | gereed */
  status: string
  aantal: number
  verwerkt: number
  aangemaakt: string
  gereed: string | null
  /** A worker holds the toetsing until this time; after it another worker may take it over. */
  geclaimd_tot: string | null
  trace_id: string
  /** Retention: the toetsing and its results are deleted after this date. */
  bewaren_tot: string
}

/** One BSN of a toetsing, with its result once processed. */
export interface KwsToetsingRegelRow {
  toetsing_id: string
  regel: number
  bsn: string
  peildatum: string
  aanslag_cent: number | null
  /** wachtend | gereed | fout */
  status: string
  /** JSON of the result record (before the output guard), or null while waiting. */
  resultaat: string | null
}

/** A type alias, not an interface: Kysely's `withTables` needs an index-compatible record. */
export type KwsTables = {
  kws_normen: KwsNormRow
  kws_toetsingen: KwsToetsingRow
  kws_toetsing_regels: KwsToetsingRegelRow
}

export type KwsDb = Kysely<Tables & KwsTables>
export type KwsExecutor = KwsDb | Transaction<Tables & KwsTables>
