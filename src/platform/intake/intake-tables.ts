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
  verwerkt: string | null
  /** The last batch written while `in-behandeling` (migration 0013); null before the first, and on older rows. */
  bijgewerkt: string | null
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
