import type { Generated } from 'kysely'

export interface SignaalRow {
  seq: Generated<number>
  id: string
  oin: string
  product: string
  soort: string
  bsn: string
  sleutel: string
  inhoud_hash: string
  periode_van: string
  periode_tot: string | null
  bronnen: string
  regel_id: string
  regel_versie: string
  /** The explanation, or `UITLEG_OP_LEZEN` ('') when the rule version renders it on read (`signaalUitleg`). */
  uitleg: string
  gegevens: string
  correctie: number
  status: string
  terugmelding: string | null
  aangemaakt: string
}
export interface SignalTables { signalen: SignaalRow }
