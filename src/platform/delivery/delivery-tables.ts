import type { Generated } from 'kysely'

/** What a subscription's events carry in `data`: the whole signal, or only non-personal attributes and `dataref`. */
export type AbonnementInhoud = 'volledig' | 'verwijzing'
export type AfleveringStatus = 'wachtend' | 'afgeleverd' | 'dood'
/** Why a delivery became a dead letter. */
export type DoodReden = 'pogingen-op' | 'toegang-vervallen' | 'abonnement-opgezegd' | 'signaal-verwijderd' | 'gebeurtenis-verwijderd'
/** What a delivery delivers: a signal (with personal data) or a notice without personal data (migration 0008). */
export type OnderwerpSoort = 'signaal' | 'gebeurtenis'

export interface AbonnementRow {
  id: string
  oin: string
  url: string
  producten: string
  soorten: string | null
  geheim_versleuteld: string
  aangemaakt: string
  opgezegd: string | null
  /** Added by migration 0003-delivery-dode-brieven. */
  inhoud: AbonnementInhoud
}
export interface AfleveringRow {
  id: string
  abonnement_id: string
  /** The id of what is delivered: a signal id, or a `gebeurtenissen` id when `onderwerp` is `gebeurtenis`. */
  signaal_id: string
  /** Added by migration 0008-delivery-gebeurtenissen (default `signaal`). */
  onderwerp: OnderwerpSoort
  status: AfleveringStatus
  /** Attempts in the current series (reset by a resend); every attempt ever made is in `afleverpogingen`. */
  pogingen: number
  /** When the worker may try next; while a worker sends, its lease end (a crashed sender's row comes back then). */
  volgende_poging: string | null
  aangemaakt: string
  afgeleverd: string | null
  /** Added by migration 0003-delivery-dode-brieven; set when `status` is `dood`. */
  reden: DoodReden | null
  /**
   * Ledger lines written ahead for sends not yet claimed, minus one per claim (migration 0014): a claimed send that
   * carries a BSN and finds this below 0 writes its line before the POST.
   */
  vooraf_vastgelegd: number
}
export interface AfleverpogingRow {
  seq: Generated<number>
  aflevering_id: string
  tijdstip: string
  http_status: number | null
  fout: string | null
  duur_ms: number
}
/** A notice without personal data that subscriptions receive, e.g. "the OIB overview of 2026-01 changed" (migration 0008). */
export interface GebeurtenisRow {
  id: string
  bron_event_id: string
  oin: string
  product: string
  soort: string
  /** The CloudEvents subject (OIB: `YYYY-MM`); never personal data. */
  onderwerp: string
  /** Path under the hub's public URL, e.g. `/api/v1/oib/overzichten?periode=2026-01`. */
  dataref: string
  /** JSON text, no personal data. */
  data: string
  aangemaakt: string
}
export interface DeliveryTables {
  abonnementen: AbonnementRow
  afleveringen: AfleveringRow
  afleverpogingen: AfleverpogingRow
  gebeurtenissen: GebeurtenisRow
}
