import { insertRows } from '../../adapters/store/bulk-insert.js'
import type { Bsn, Datum } from '../../core/index.js'
import { neemtProductAf } from '../access/index.js'
import type { GegevensRegister } from '../register/index.js'
import type { Executor } from '../tables.js'
import type { PopulatieRegelRow } from './population-tables.js'
import type { IndicatieRegel } from './populatie-csv.js'

/** A current indication: one row of a population that no later upload or mutation replaced. */
export interface Indicatie {
  readonly id: number
  readonly oin: string
  readonly product: string
  readonly bsn: Bsn
  readonly ingangsdatum: Datum
  readonly einddatum: Datum | null
  readonly referentie: string | null
  readonly herkomst: PopulatieRegelRow['herkomst']
}

/** What an upload or mutation changed; `aantal` is the number of current indications afterwards. */
export interface PopulatieResultaat {
  readonly aantal: number
  readonly toegevoegd: number
  readonly gewijzigd: number
  readonly beeindigd: number
}

/** A change to apply in one transaction: rows to mark replaced, rows to insert, and the BSNs involved. */
export interface PopulatieWijziging {
  readonly vervang: readonly number[]
  readonly nieuw: readonly Omit<IndicatieRegel, 'regel' | 'actie'>[]
  readonly bsns: ReadonlySet<Bsn>
  readonly telling: Omit<PopulatieResultaat, 'aantal'>
}

/** Problems of a mutation line that only show against the stored population. */
export interface RegelProbleem { readonly regel: number; readonly code: string; readonly reason: string }

const CHUNK = 500
/** BSN lookups: one query per delivery batch (well under SQLite's and PostgreSQL's parameter limits). */
const IN_CHUNK = 2000
const sleutel = (bsn: string, ingang: string) => `${bsn}|${ingang}`
const zelfde = (a: { einddatum: string | null; referentie: string | null }, b: { einddatum: string | null; referentie: string | null }) =>
  a.einddatum === b.einddatum && a.referentie === b.referentie

const toIndicatie = (r: Pick<PopulatieRegelRow, 'oin' | 'product' | 'bsn' | 'ingangsdatum' | 'einddatum' | 'referentie' | 'herkomst'> & { id: number }): Indicatie => ({
  id: Number(r.id), oin: r.oin, product: r.product, bsn: r.bsn as Bsn, ingangsdatum: r.ingangsdatum as Datum,
  einddatum: r.einddatum as Datum | null, referentie: r.referentie, herkomst: r.herkomst,
})

/**
 * The population of one afnemer for products, read and written through one executor (the database or an open
 * transaction).
 *
 * @example const rijen = await populatie(ctx.database.db).actueel(oin, 'samenloop')
 */
export function populatie(db: Executor) {
  return {
    /** Every current indication of an organisation for a product. */
    async actueel(oin: string, product: string): Promise<Indicatie[]> {
      const rows = await db.selectFrom('populatie_regels').selectAll().where('oin', '=', oin).where('product', '=', product)
        .where('vervangen', 'is', null).orderBy('id').execute()
      return rows.map(toIndicatie)
    },

    /** Counts for the GET answer: current, still running, and replaced rows kept as history. Counted in SQL. */
    async tellingen(oin: string, product: string, vandaag: Datum) {
      const basis = db.selectFrom('populatie_regels').where('oin', '=', oin).where('product', '=', product)
      const n = async (q: typeof basis) => Number((await q.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)
      const actueel = basis.where('vervangen', 'is', null)
      const laatst = await basis.select((eb) => [eb.fn.max('vastgelegd').as('v'), eb.fn.max('vervangen').as('w')]).executeTakeFirstOrThrow()
      const tijden = [laatst.v, laatst.w].filter((x): x is string => typeof x === 'string').sort()
      return {
        aantal: await n(actueel),
        lopend: await n(actueel.where((eb) => eb.or([eb('einddatum', 'is', null), eb('einddatum', '>=', vandaag)]))),
        geschiedenis: await n(basis.where('vervangen', 'is not', null)),
        laatstGewijzigd: tijden.at(-1) ?? null,
      }
    },

    /** Applies a change: marks replaced rows (history is never deleted here) and inserts the new ones. */
    async pasToe(oin: string, product: string, w: PopulatieWijziging, herkomst: PopulatieRegelRow['herkomst'], tijd: string): Promise<void> {
      for (let i = 0; i < w.vervang.length; i += CHUNK)
        await db.updateTable('populatie_regels').set({ vervangen: tijd }).where('id', 'in', w.vervang.slice(i, i + CHUNK)).execute()
      const rows = w.nieuw.map((r) => ({ oin, product, bsn: r.bsn, ingangsdatum: r.ingangsdatum, einddatum: r.einddatum, referentie: r.referentie, herkomst, vastgelegd: tijd, vervangen: null }))
      await insertRows(db, 'populatie_regels', ['oin', 'product', 'bsn', 'ingangsdatum', 'einddatum', 'referentie', 'herkomst', 'vastgelegd', 'vervangen'], rows)
    },
  }
}

/**
 * Full replacement: lines identical to a current row stay as they are; the same (bsn, ingangsdatum) with another
 * einddatum or referentie is `gewijzigd` (old row replaced, new row added); current rows absent from the upload are
 * `beeindigd` (replaced, kept as history).
 */
export function vervangingVan(huidig: readonly Indicatie[], regels: readonly IndicatieRegel[]): PopulatieWijziging {
  const bestaand = new Map(huidig.map((r) => [sleutel(r.bsn, r.ingangsdatum), r]))
  const gezien = new Set<string>()
  const vervang: number[] = []
  const nieuw: IndicatieRegel[] = []
  const bsns = new Set<Bsn>()
  let toegevoegd = 0
  let gewijzigd = 0
  for (const r of regels) {
    const k = sleutel(r.bsn, r.ingangsdatum)
    gezien.add(k)
    bsns.add(r.bsn)
    const oud = bestaand.get(k)
    if (oud && zelfde(oud, r)) continue
    if (oud) { vervang.push(oud.id); gewijzigd++ } else toegevoegd++
    nieuw.push(r)
  }
  let beeindigd = 0
  for (const [k, oud] of bestaand) if (!gezien.has(k)) { vervang.push(oud.id); bsns.add(oud.bsn); beeindigd++ }
  return { vervang, nieuw, bsns, telling: { toegevoegd, gewijzigd, beeindigd } }
}

/**
 * Mutations: `toevoegen` adds (or changes) one indication; `beeindigen` gives a current indication with that
 * ingangsdatum its einddatum, keeping the old row as history. Ending an unknown indication is a line problem.
 */
export function mutatiesVan(huidig: readonly Indicatie[], regels: readonly IndicatieRegel[]): { wijziging: PopulatieWijziging; problemen: RegelProbleem[] } {
  const bestaand = new Map(huidig.map((r) => [sleutel(r.bsn, r.ingangsdatum), r]))
  const vervang: number[] = []
  const nieuw: IndicatieRegel[] = []
  const bsns = new Set<Bsn>()
  const problemen: RegelProbleem[] = []
  // The keys of each BSN's current indications, to find an overlap without scanning the whole population per line.
  const sleutelsPerBsn = new Map<string, Set<string>>()
  const onthoud = (bsn: string, k: string) => { const s = sleutelsPerBsn.get(bsn); if (s) s.add(k); else sleutelsPerBsn.set(bsn, new Set([k])) }
  for (const [k, r] of bestaand) onthoud(r.bsn, k)
  let [toegevoegd, gewijzigd, beeindigd] = [0, 0, 0]
  for (const r of regels) {
    const k = sleutel(r.bsn, r.ingangsdatum)
    const oud = bestaand.get(k)
    if (r.actie === 'beeindigen' && !oud) {
      problemen.push({ regel: r.regel, code: 'indicatie-onbekend', reason: 'er is geen actuele indicatie met deze BSN en ingangsdatum om te beëindigen' })
      continue
    }
    // Two current indications of one BSN with overlapping periods: a full upload refuses that as `dubbel`, so must this.
    const overlap = r.actie === 'toevoegen' ? [...sleutelsPerBsn.get(r.bsn) ?? []].map((x) => bestaand.get(x)!).find((o) => o.ingangsdatum !== r.ingangsdatum
      && (o.einddatum === null || r.ingangsdatum <= o.einddatum) && (r.einddatum === null || o.ingangsdatum <= r.einddatum)) : undefined
    if (overlap) {
      problemen.push({ regel: r.regel, code: 'dubbel', reason: `deze BSN heeft al een actuele indicatie met een overlappende periode (ingangsdatum ${overlap.ingangsdatum})` })
      continue
    }
    bsns.add(r.bsn)
    if (oud && zelfde(oud, { einddatum: r.einddatum, referentie: r.actie === 'beeindigen' && r.referentie === null ? oud.referentie : r.referentie })) continue
    if (oud) vervang.push(oud.id)
    const referentie = r.actie === 'beeindigen' && r.referentie === null ? oud!.referentie : r.referentie
    const rij = { ...r, referentie }
    nieuw.push(rij)
    bestaand.set(k, { ...(oud ?? { id: -1, oin: '', product: '', herkomst: 'mutatie' }), ...rij, id: -1 } as Indicatie)
    onthoud(r.bsn, k)
    if (r.actie === 'beeindigen') beeindigd++
    else if (oud) gewijzigd++
    else toegevoegd++
  }
  return { wijziging: { vervang: vervang.filter((id) => id >= 0), nieuw: laatstePerSleutel(nieuw), bsns, telling: { toegevoegd, gewijzigd, beeindigd } }, problemen }
}

/** Two mutations of the same indication in one file: the later one wins. */
function laatstePerSleutel(regels: readonly IndicatieRegel[]): IndicatieRegel[] {
  const m = new Map<string, IndicatieRegel>()
  for (const r of regels) m.set(sleutel(r.bsn, r.ingangsdatum), r)
  return [...m.values()]
}

/**
 * Current indications for a set of BSNs in one or more products, for matching and data minimisation. Ended
 * indications (with an einddatum in the past) are included: a fact about that period still matters. With
 * `afgenomenOp`, only indications of afnemers that take the product on that date (a product that ended stops it).
 *
 * @example const ind = await indicatiesVoor(tx, 'samenloop', ['123456782'])
 */
export async function indicatiesVoor(db: Executor, product: string | readonly string[], bsns: readonly string[], afgenomenOp?: Datum): Promise<Indicatie[]> {
  const producten = typeof product === 'string' ? [product] : [...product]
  if (producten.length === 0 || bsns.length === 0) return []
  const uit: Indicatie[] = []
  const uniek = [...new Set(bsns)]
  for (let i = 0; i < uniek.length; i += IN_CHUNK) {
    let q = db.selectFrom('populatie_regels').selectAll().where('bsn', 'in', uniek.slice(i, i + IN_CHUNK))
      .where('product', 'in', producten).where('vervangen', 'is', null)
    if (afgenomenOp) q = q.where(neemtProductAf('populatie_regels', afgenomenOp))
    uit.push(...(await q.execute()).map(toIndicatie))
  }
  return uit
}

/** The products whose register entry lists this source format in `bronnen`. */
export function productenMetBron(register: GegevensRegister, bron: string): string[] {
  return register.entries.filter((e) => e.bronnen.includes(bron)).map((e) => e.naam).sort()
}

/**
 * The BSNs the hub wants facts about from a source: a current indication (not replaced, not ended before `peildatum`)
 * in any product whose register entry lists that source, of an afnemer that takes that product on `peildatum`.
 * Sorted, distinct.
 *
 * @example const bsns = await gewensteBsns(ctx.database.db, 'uwv-polis', ctx.register)
 */
export async function gewensteBsns(db: Executor, bron: string, register: GegevensRegister, peildatum?: Datum): Promise<Bsn[]> {
  return (await gewenstePerProduct(db, bron, register, peildatum)).map((r) => r.bsn)
}

/** As {@link gewensteBsns}, with for each BSN the first product (by name) that wants it: the basis for its ledger line. */
export async function gewenstePerProduct(db: Executor, bron: string, register: GegevensRegister, peildatum?: Datum): Promise<Array<{ bsn: Bsn; product: string }>> {
  const producten = productenMetBron(register, bron)
  if (producten.length === 0) return []
  let q = db.selectFrom('populatie_regels').select(['bsn', (eb) => eb.fn.min('product').as('product')]).where('product', 'in', producten).where('vervangen', 'is', null)
  if (peildatum) {
    q = q.where((eb) => eb.or([eb('einddatum', 'is', null), eb('einddatum', '>=', peildatum)]))
    // Only for an afnemer that takes the product on `peildatum`: a BSN is not handed to a source for a product ended.
    q = q.where(neemtProductAf('populatie_regels', peildatum))
  }
  const rows = await q.groupBy('bsn').orderBy('bsn').execute()
  return rows.map((r) => ({ bsn: r.bsn as Bsn, product: String(r.product) }))
}

/**
 * Retention of population history: rows replaced, or ended, longer ago than the product's register retention are
 * deleted. Products whose retention is `null` keep their history. Returns the number of rows deleted.
 */
export async function ruimPopulatieOp(db: Executor, register: GegevensRegister, nu: Date): Promise<number> {
  let verwijderd = 0
  for (const e of register.entries) {
    if (e.bewaartermijn.dagen === null) continue
    const grens = new Date(nu.getTime() - e.bewaartermijn.dagen * 86_400_000)
    const grensTijd = grens.toISOString()
    const grensDatum = grensTijd.slice(0, 10)
    const r = await db.deleteFrom('populatie_regels').where('product', '=', e.naam)
      .where((eb) => eb.or([eb('vervangen', '<', grensTijd), eb('einddatum', '<', grensDatum)])).executeTakeFirst()
    verwijderd += Number(r.numDeletedRows)
  }
  return verwijderd
}

/**
 * When an organisation had this BSN registered, per product: from `vastgelegd` until `vervangen` (open while current),
 * as far as the population history still holds it (retention deletes old rows). The inzage reads it to show an
 * afnemer's privacy officer what the hub did with the BSN because of that registration.
 */
export async function registratiesVan(db: Executor, oin: string, bsn: Bsn): Promise<Array<{ product: string; van: string; tot: string | null }>> {
  const rows = await db.selectFrom('populatie_regels').select(['product', 'vastgelegd', 'vervangen']).where('oin', '=', oin).where('bsn', '=', bsn).execute()
  return rows.map((r) => ({ product: r.product, van: r.vastgelegd, tot: r.vervangen }))
}
