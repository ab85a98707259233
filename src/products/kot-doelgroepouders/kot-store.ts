import { sql } from 'kysely'
import { maandPeriode, type Maand } from '../../core/index.js'
import type { Executor } from '../../platform/tables.js'
import { BRON, PRODUCT, type KotBestandsregel, type KotRegistratie } from './vergelijk-doelgroepouders.js'

/** The Belastingdienst file of one month as the hub holds it, per gemeentecode. */
export interface BestandVanMaand {
  /** False when the hub has no line of that month at all: then nothing is compared (no file is not an empty file). */
  readonly aanwezig: boolean
  /** The deliveries that make up the month's file (one national file, possibly in parts). */
  readonly leveringen: readonly string[]
  perGemeente(gemeentecode: string): readonly KotBestandsregel[]
  /** The gemeentecodes that a delivery has lines for. */
  gemeentenIn(leveringId: string): ReadonlySet<string>
}

interface Velden { periode?: string; gemeentecode?: string; doelgroep?: string }

/** Reads every stored line of the month (all gemeenten) once; the latest version per (parent, gemeente) counts. */
export async function leesBestand(db: Executor, periode: Maand): Promise<BestandVanMaand> {
  const { van, tot } = maandPeriode(periode)
  const rows = await db.selectFrom('feiten').select(['id', 'bsn', 'gegevens', 'levering_id', 'regel', 'vastgelegd'])
    .where('bron', '=', BRON).where('geldig_van', '>=', van).where('geldig_van', '<=', tot).execute()
  const laatste = new Map<string, { id: number; vastgelegd: string; gemeentecode: string; regel: KotBestandsregel }>()
  const leveringen = new Set<string>()
  const gemeentenPerLevering = new Map<string, Set<string>>()
  for (const r of rows) {
    const g = JSON.parse(r.gegevens) as Velden
    if (g.periode !== undefined && g.periode !== periode) continue
    const gemeentecode = g.gemeentecode ?? ''
    leveringen.add(r.levering_id)
    if (!gemeentenPerLevering.has(r.levering_id)) gemeentenPerLevering.set(r.levering_id, new Set())
    gemeentenPerLevering.get(r.levering_id)!.add(gemeentecode)
    const key = `${gemeentecode}|${r.bsn}`
    const eerder = laatste.get(key)
    const id = Number(r.id)
    if (eerder && (eerder.vastgelegd > r.vastgelegd || (eerder.vastgelegd === r.vastgelegd && eerder.id > id))) continue
    laatste.set(key, { id, vastgelegd: r.vastgelegd, gemeentecode, regel: { bsn: r.bsn, doelgroep: g.doelgroep ?? '', leveringId: r.levering_id, regel: Number(r.regel) } })
  }
  const perGemeente = new Map<string, KotBestandsregel[]>()
  for (const v of laatste.values()) {
    if (!perGemeente.has(v.gemeentecode)) perGemeente.set(v.gemeentecode, [])
    perGemeente.get(v.gemeentecode)!.push(v.regel)
  }
  return {
    aanwezig: rows.length > 0,
    leveringen: [...leveringen].sort(),
    perGemeente: (code) => perGemeente.get(code) ?? [],
    gemeentenIn: (leveringId) => gemeentenPerLevering.get(leveringId) ?? new Set(),
  }
}

/** The gemeente's current registrations (indications) overlapping the month, one per parent. */
export async function leesRegistratie(db: Executor, oin: string, periode: Maand): Promise<KotRegistratie[]> {
  const { van, tot } = maandPeriode(periode)
  const rows = await db.selectFrom('populatie_regels')
    .select((eb) => ['bsn', eb.fn.max('referentie').as('referentie')])
    .where('oin', '=', oin).where('product', '=', PRODUCT).where('vervangen', 'is', null)
    .where('ingangsdatum', '<=', tot).where((eb) => eb.or([eb('einddatum', 'is', null), eb('einddatum', '>=', van)]))
    .groupBy('bsn').execute()
  return rows.map((r) => ({ bsn: r.bsn, referentie: r.referentie ?? null }))
}

/** The months a delivery of the Belastingdienst file covers. */
export async function maandenVanLevering(db: Executor, leveringId: string): Promise<Maand[]> {
  const rows = await db.selectFrom('feiten').select(sql<string>`substr(geldig_van, 1, 7)`.as('maand')).distinct()
    .where('bron', '=', BRON).where('levering_id', '=', leveringId).orderBy('maand').execute()
  return rows.map((r) => r.maand as Maand)
}
