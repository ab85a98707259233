import type { Generated } from 'kysely'

/** What a subscription's events carry in `data`: the whole signal, or only non-personal attributes and `dataref`. */
export type AbonnementInhoud = 'volledig' | 'verwijzing'
export type AfleveringStatus = 'wachtend' | 'afgeleverd' | 'dood'
/** Why a delivery became a dead letter. */
export type DoodReden = 'pogingen-op' | 'toegang-vervallen' | 'abonnement-opgezegd' | 'signaal-verwijderd'

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
  signaal_id: string
  status: AfleveringStatus
  /** Attempts in the current series (reset by a resend); every attempt ever made is in `afleverpogingen`. */
  pogingen: number
  /** When the worker may try next; while a worker sends, its lease end (a crashed sender's row comes back then). */
  volgende_poging: string | null
  aangemaakt: string
  afgeleverd: string | null
  /** Added by migration 0003-delivery-dode-brieven; set when `status` is `dood`. */
  reden: DoodReden | null
}
export interface AfleverpogingRow {
  seq: Generated<number>
  aflevering_id: string
  tijdstip: string
  http_status: number | null
  fout: string | null
  duur_ms: number
}
export interface DeliveryTables { abonnementen: AbonnementRow; afleveringen: AfleveringRow; afleverpogingen: AfleverpogingRow }
