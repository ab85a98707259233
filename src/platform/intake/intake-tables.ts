import type { Generated } from 'kysely'

export interface LeveringRow {
  bron: string
  levering_id: string
  oin: string
  sha256: string
  status: 'in-behandeling' | 'verwerkt' | 'mislukt'
  aantal_regels: number
  geaccepteerd: number
  opgeslagen: number
  afgewezen: string
  ontvangen: string
  /** When processing finished; while `in-behandeling`, the last sign of life of the running delivery (or null). */
  verwerkt: string | null
}
export interface FeitRow {
  id: Generated<number>
  bron: string
  bsn: string
  sleutel: string
  geldig_van: string
  geldig_tot: string | null
  gegevens: string
  inhoud_hash: string
  levering_id: string
  regel: number
  vastgelegd: string
  bewaren_tot: string
}
export interface IntakeTables { leveringen: LeveringRow; feiten: FeitRow }
