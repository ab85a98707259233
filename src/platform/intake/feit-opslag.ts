import { createHash } from 'node:crypto'
import { insertRows } from '../../adapters/store/bulk-insert.js'
import { rijenPerSleutel } from '../../adapters/store/per-sleutel.js'
import { addDays, datumVan, type Bsn, type Datum, type TraceContext } from '../../core/index.js'
import type { Ledger, Verwerking } from '../ledger/index.js'
import { indicatiesVoor, productenMetBron } from '../population/index.js'
import type { GegevensRegister, RegisterEntry } from '../register/index.js'
import type { Executor } from '../tables.js'
import type { BronFeit } from './formats/index.js'

/** A validated fact with the line it came from. */
export interface GelezenFeit { readonly regel: number; readonly feit: BronFeit }

export interface OpslagContext {
  readonly register: GegevensRegister
  readonly ledger: Ledger
  readonly bron: string
  readonly leveringId: string
  /** The delivering source organisation: the ledger's actor. */
  readonly actorOin: string
  readonly trace: TraceContext
  readonly nu: Date
  /** BSNs already ledgered in this delivery (one line per BSN per delivery). */
  readonly gelogd: Set<string>
}

/** SHA-256 over everything that makes the fact what it is; the same key with another hash is a correction. */
export function inhoudHash(f: BronFeit): string {
  return createHash('sha256').update(JSON.stringify([f.bsn, f.sleutel, f.geldigVan, f.geldigTot, f.gegevens])).digest('hex')
}

/** The processing activity for keeping a source fact for a product: its matching step, if it names one. */
export function feitActiviteit(entry: RegisterEntry): string {
  const va = entry.verwerkingsactiviteiten
  return (va.find((v) => v.naam.endsWith('.signaleren')) ?? va.find((v) => !v.naam.endsWith('.populatie')) ?? va[0])?.naam ?? entry.naam
}

/**
 * Data minimisation in one place: a fact is stored only when its BSN has a (not replaced) indication whose period
 * overlaps the fact's validity, in a product that reads this source — or when the register declares a bronkopie
 * for this source. The same fact (bron, sleutel, inhoud) is never stored twice. Returns how many were stored.
 */
export async function bewaarFeiten(tx: Executor, c: OpslagContext, feiten: readonly GelezenFeit[]): Promise<number> {
  const { opgeslagen, lijnen } = await bewaarFeitenVanLeveringen(tx, c, [{ leveringId: c.leveringId, actorOin: c.actorOin, trace: c.trace, gelogd: c.gelogd, feiten }])
  await c.ledger.record(tx, lijnen)
  return opgeslagen[0]!
}

/** The facts of one delivery in a group that is stored together (the event path: one fact per delivery). */
export interface LeveringFeiten {
  readonly leveringId: string
  /** The delivering source organisation: the ledger's actor. */
  readonly actorOin: string
  readonly trace: TraceContext
  /** BSNs already ledgered in this delivery (one line per BSN per delivery). */
  readonly gelogd: Set<string>
  readonly feiten: readonly GelezenFeit[]
}

/**
 * `bewaarFeiten` for several deliveries of one source at once, as if they came one after another (delivery order,
 * then line order): one indication query and one duplicate check for all of them. Returns the number stored per
 * delivery and the ledger lines to record (one per BSN per delivery, each with its delivery's trace and actor) —
 * the caller records them in the same transaction, together with whatever else it writes.
 */
export async function bewaarFeitenVanLeveringen(
  tx: Executor, c: Pick<OpslagContext, 'register' | 'bron' | 'nu'>, leveringen: readonly LeveringFeiten[],
): Promise<{ opgeslagen: number[]; lijnen: Verwerking[] }> {
  const opgeslagen = leveringen.map(() => 0)
  const alle = leveringen.flatMap((l, li) => l.feiten.map((g) => ({ g, li })))
  if (alle.length === 0) return { opgeslagen, lijnen: [] }
  const vandaag = datumVan(c.nu)
  const producten = productenMetBron(c.register, c.bron)
  const kopieDagen = Math.max(-1, ...c.register.entries.flatMap((e) => e.bronkopieen.filter((k) => k.bron === c.bron).map((k) => k.bewaartermijnDagen)))
  const kopieProduct = c.register.entries.find((e) => e.bronkopieen.some((k) => k.bron === c.bron))
  const indicaties = await indicatiesVoor(tx, producten, alle.map(({ g }) => g.feit.bsn), vandaag)
  const perBsn = new Map<string, typeof indicaties>()
  for (const i of indicaties) {
    const lijst = perBsn.get(i.bsn)
    if (lijst) lijst.push(i)
    else perBsn.set(i.bsn, [i])
  }
  // A batch has few distinct dates (months) and retention periods: date arithmetic once per value, not per fact.
  const plus = new Map<string, Datum>()
  const plusDagen = (d: Datum, n: number): Datum => {
    const k = `${d}|${n}`
    let uit = plus.get(k)
    if (uit === undefined) { uit = addDays(d, n); plus.set(k, uit) }
    return uit
  }

  // Per fact, without temporary arrays (this runs for every line of deliveries of millions of lines).
  const kandidaten: Array<{ g: GelezenFeit; li: number; hash: string; bewarenTot: Datum; product: RegisterEntry }> = []
  for (const { g, li } of alle) {
    const f = g.feit
    const van = f.geldigVan
    const tot = f.geldigTot ?? undefined
    // The products of the indications whose period overlaps the fact's, distinct, first seen first. The overlap test is
    // core's `overlaps`, written out: two period objects per indication were a measurable part of intake's CPU.
    let eerste: string | undefined
    let dagen = 0
    let gezien: string[] | undefined
    const lijst = perBsn.get(f.bsn)
    if (lijst) for (const i of lijst) {
      const iTot = i.einddatum ?? undefined
      if (!((tot === undefined || i.ingangsdatum <= tot) && (iTot === undefined || van <= iTot))) continue
      if (eerste === undefined) eerste = i.product
      else if (i.product === eerste || gezien?.includes(i.product)) continue
      else (gezien ??= []).push(i.product)
      dagen = Math.max(dagen, c.register.requireProduct(i.product).bewaartermijn.dagen ?? 0)
    }
    // A bronkopie keeps *recent* facts: its retention counts from the end of the fact's validity, so an old polis
    // month about someone in no population is not kept at all.
    const kopieTot = kopieDagen >= 0 ? plusDagen((f.geldigTot ?? f.geldigVan) as Datum, kopieDagen) : undefined
    const kopie = kopieTot !== undefined && kopieTot >= vandaag
    if (eerste === undefined && !kopie) continue
    // Kept until the later of the products' retention (from today) and the bronkopie's.
    const perIndicatie = eerste !== undefined ? plusDagen(vandaag, dagen) : undefined
    const bewarenTot = perIndicatie === undefined ? kopieTot! : kopie && kopieTot! > perIndicatie ? kopieTot! : perIndicatie
    kandidaten.push({ g, li, hash: inhoudHash(f), bewarenTot, product: eerste !== undefined ? c.register.requireProduct(eerste) : kopieProduct! })
  }
  const nieuw = await zonderBekende(tx, c.bron, kandidaten, new Set(leveringen.map((l) => l.leveringId)))
  if (nieuw.length === 0) return { opgeslagen, lijnen: [] }
  const tijd = c.nu.toISOString()
  const rows = nieuw.map(({ g, li, hash, bewarenTot }) => ({
    bron: c.bron, bsn: g.feit.bsn, sleutel: g.feit.sleutel, geldig_van: g.feit.geldigVan, geldig_tot: g.feit.geldigTot,
    gegevens: JSON.stringify(g.feit.gegevens), inhoud_hash: hash, levering_id: leveringen[li]!.leveringId, regel: g.regel, vastgelegd: tijd, bewaren_tot: bewarenTot,
  }))
  await insertRows(tx, 'feiten', ['bron', 'bsn', 'sleutel', 'geldig_van', 'geldig_tot', 'gegevens', 'inhoud_hash', 'levering_id', 'regel', 'vastgelegd', 'bewaren_tot'], rows)
  const lijnen: Verwerking[] = []
  for (const { g, li, product } of nieuw) {
    opgeslagen[li]! += 1
    const l = leveringen[li]!
    if (l.gelogd.has(g.feit.bsn)) continue
    l.gelogd.add(g.feit.bsn)
    lijnen.push({ trace: l.trace, activiteit: 'bronfeit-vastleggen', verwerkingsactiviteit: feitActiviteit(product), product: product.naam, betrokkene: g.feit.bsn as Bsn, actorOin: l.actorOin })
  }
  return { opgeslagen, lijnen }
}

/**
 * Drops facts already stored (same bron, sleutel and content) and repeats within the batch. A fact stored by another
 * delivery that has not completed (still running, or broken off and not yet cleared) does not count: it has not
 * reached matching, and may never.
 */
async function zonderBekende<T extends { g: GelezenFeit; hash: string }>(tx: Executor, bron: string, kandidaten: readonly T[], huidige: ReadonlySet<string>): Promise<T[]> {
  const bekend = new Set<string>()
  const sleutels = [...new Set(kandidaten.map((k) => k.g.feit.sleutel))]
  const rijen = await rijenPerSleutel(tx, 'feiten', ['sleutel', 'inhoud_hash', 'levering_id'], { bron }, 'sleutel', sleutels)
  const anderen = [...new Set(rijen.map((r) => r.levering_id))].filter((id) => !huidige.has(id))
  const onaf = new Set<string>()
  for (let i = 0; i < anderen.length; i += 1_000) {
    const r = await tx.selectFrom('leveringen').select('levering_id').where('bron', '=', bron).where('levering_id', 'in', anderen.slice(i, i + 1_000))
      .where('status', '!=', 'verwerkt').execute()
    for (const { levering_id } of r) onaf.add(levering_id)
  }
  for (const r of rijen) if (!onaf.has(r.levering_id)) bekend.add(`${r.sleutel}\u0000${r.inhoud_hash}`)
  return kandidaten.filter((k) => {
    const id = `${k.g.feit.sleutel}\u0000${k.hash}`
    if (bekend.has(id)) return false
    bekend.add(id)
    return true
  })
}
