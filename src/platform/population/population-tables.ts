import type { Generated } from 'kysely'

export interface PopulatieRegelRow {
  id: Generated<number>
  oin: string
  product: string
  bsn: string
  ingangsdatum: string
  einddatum: string | null
  referentie: string | null
  herkomst: 'upload' | 'mutatie' | 'aanvraag'
  vastgelegd: string
  vervangen: string | null
}
export interface PopulationTables { populatie_regels: PopulatieRegelRow }
