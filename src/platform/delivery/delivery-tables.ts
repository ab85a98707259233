import type { Generated } from 'kysely'

export interface AbonnementRow {
  id: string
  oin: string
  url: string
  producten: string
  soorten: string | null
  geheim_versleuteld: string
  aangemaakt: string
  opgezegd: string | null
}
export interface AfleveringRow {
  id: string
  abonnement_id: string
  signaal_id: string
  status: 'wachtend' | 'afgeleverd' | 'dood'
  pogingen: number
  volgende_poging: string | null
  aangemaakt: string
  afgeleverd: string | null
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
