import { addDays, addMonths, type Bsn, type Datum } from '../../core/index.js'
import type { Executor } from '../../platform/tables.js'

/** One source fact as the vooraf-toets shows it: its period, where it came from, and its registered fields. */
export interface ActueelFeit {
  readonly periode: { readonly van: string; readonly tot: string | null }
  readonly levering: { readonly leveringId: string; readonly regel: number }
  readonly vastgelegd: string
  readonly gegevens: Readonly<Record<string, unknown>>
}

/** Facts grouped per source; every source the product reads is present, an empty list when nothing is known. */
export type FeitenPerBron = Record<string, ActueelFeit[]>

/** A stored fact row, as far as the vooraf-toets needs it. */
export interface FeitRegel {
  readonly id: number
  readonly bron: string
  readonly sleutel: string
  readonly geldigVan: string
  readonly geldigTot: string | null
  readonly gegevens: string
  readonly leveringId: string
  readonly regel: number
  readonly vastgelegd: string
}

/**
 * How far back the vooraf-toets looks: facts valid at some day in the 12 months up to the peildatum. Bijstand asks
 * about the situation at the aanvraag, and recent income, vehicles sold or a detention that ended shortly before
 * still matter for it; older facts do not (and are mostly gone under the retention rules anyway).
 */
export const VENSTER_MAANDEN = 12

/** The first day of the window for a peildatum. */
export const vensterVan = (peildatum: Datum): Datum => addDays(addMonths(peildatum, -VENSTER_MAANDEN), 1)

/**
 * Chooses the current facts (pure): per (bron, sleutel) only the latest recorded version (a correction replaces the
 * original), then only facts whose validity overlaps the window, and of each fact only the fields `toegestaan`
 * allows (the gegevensregister). Newest period first within a source.
 *
 * @example
 * kiesActueleFeiten(rows, { bronnen: ['uwv-polis'], peildatum: '2026-03-01', toegestaan: (b, v) => v !== 'uren' })
 */
export function kiesActueleFeiten(rows: readonly FeitRegel[], opties: {
  readonly bronnen: readonly string[]
  readonly peildatum: Datum
  readonly toegestaan: (bron: string, veld: string) => boolean
}): FeitenPerBron {
  const laatste = new Map<string, FeitRegel>()
  for (const r of rows) {
    const key = `${r.bron}\u0000${r.sleutel}`
    const eerder = laatste.get(key)
    if (!eerder || r.vastgelegd > eerder.vastgelegd || (r.vastgelegd === eerder.vastgelegd && r.id > eerder.id)) laatste.set(key, r)
  }
  const van = vensterVan(opties.peildatum)
  const uit: FeitenPerBron = Object.fromEntries(opties.bronnen.map((b) => [b, [] as ActueelFeit[]]))
  const gekozen = [...laatste.values()]
    .filter((r) => uit[r.bron] !== undefined && r.geldigVan <= opties.peildatum && (r.geldigTot === null || r.geldigTot >= van))
    .sort((a, b) => (a.geldigVan === b.geldigVan ? a.sleutel.localeCompare(b.sleutel) : b.geldigVan.localeCompare(a.geldigVan)))
  for (const r of gekozen) {
    const velden = JSON.parse(r.gegevens) as Record<string, unknown>
    const gegevens = Object.fromEntries(Object.entries(velden).filter(([veld]) => opties.toegestaan(r.bron, veld)))
    uit[r.bron]!.push({ periode: { van: r.geldigVan, tot: r.geldigTot }, levering: { leveringId: r.leveringId, regel: r.regel }, vastgelegd: r.vastgelegd, gegevens })
  }
  return uit
}

/** Every stored fact about one BSN from the given sources (all versions; `kiesActueleFeiten` picks). */
export async function leesFeitenVanBsn(db: Executor, bsn: Bsn, bronnen: readonly string[]): Promise<FeitRegel[]> {
  if (bronnen.length === 0) return []
  const rows = await db.selectFrom('feiten')
    .select(['id', 'bron', 'sleutel', 'geldig_van', 'geldig_tot', 'gegevens', 'levering_id', 'regel', 'vastgelegd'])
    .where('bsn', '=', bsn).where('bron', 'in', bronnen).execute()
  return rows.map((r) => ({
    id: Number(r.id), bron: r.bron, sleutel: r.sleutel, geldigVan: r.geldig_van, geldigTot: r.geldig_tot,
    gegevens: r.gegevens, leveringId: r.levering_id, regel: Number(r.regel), vastgelegd: r.vastgelegd,
  }))
}
