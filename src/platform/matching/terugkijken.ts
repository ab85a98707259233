import { datumVan, newSpanId, newTraceId, overlaps, type Bsn, type Datum, type TraceContext } from '../../core/index.js'
import { appendToOutbox, type NewEvent } from '../events/index.js'
import { slaSignalenOp } from '../signals/index.js'
import type { Executor } from '../tables.js'
import type { Feit, Indicatie, KandidaatSignaal, SignaalRegel } from './feit.js'
import { gemeentecodeCijfers } from './huidige-indicaties.js'
import { feitVanRij, ledgerRegels, type MatchDeps, type MatchResultaat } from './match-levering.js'
import { matchFeiten } from './match-feiten.js'

/** The event a population write commits when it adds or changes indications; the consumer looks back with it. */
export const INDICATIES_VASTGELEGD = 'knooppunt.indicaties.vastgelegd.v1'

/**
 * What that event carries: no BSN, only where the new rows are. The rows of `populatie_regels` with
 * `naId < id <= totId` for this (afnemer, product) were written by one upload, mutation file or vooraf-toets.
 */
export interface NieuweIndicaties {
  readonly oin: string
  readonly product: string
  readonly naId: number
  readonly totId: number
}

/** The highest `populatie_regels.id` this transaction sees (the primary key: one index lookup). */
export async function hoogsteIndicatieId(db: Executor): Promise<number> {
  const r = await db.selectFrom('populatie_regels').select((eb) => eb.fn.max('id').as('m')).executeTakeFirst()
  return Number(r?.m ?? 0)
}

/**
 * The outbox event for the rows a population write added after `naId` (read inside the same transaction, so it
 * commits with them). Returns nothing when the write added no rows (only ended some, or changed nothing).
 */
export async function indicatiesVastgelegdEvent(tx: Executor, oin: string, product: string, naId: number, traceId?: string): Promise<NewEvent | undefined> {
  const r = await tx.selectFrom('populatie_regels').select((eb) => eb.fn.max('id').as('m'))
    .where('oin', '=', oin).where('product', '=', product).where('id', '>', naId).executeTakeFirst()
  const totId = Number(r?.m ?? 0)
  if (!(totId > naId)) return undefined
  const data: NieuweIndicaties = { oin, product, naId, totId }
  return { type: INDICATIES_VASTGELEGD, data, traceId }
}

export interface TerugkijkOpties {
  /** Indication rows per chunk: one fact query and one transaction per chunk (default 2,000). */
  readonly chunk?: number
  readonly trace?: TraceContext | undefined
}

interface NieuweRij { readonly id: number; readonly indicatie: Indicatie; readonly vastgelegd: string }

/**
 * Look-back: matches the facts the hub already holds against indications that were just added or changed, with
 * the same pure rules as {@link matchLevering}, so the outcome is what it would have been had each fact arrived
 * afterwards. Only facts whose retention (`bewaren_tot`) has not passed are read — a bronkopie (recent polis
 * months) or a fact kept for another indication — and only those whose validity overlaps a new indication of
 * the same BSN. An indication whose period lies within the row it replaced (an einddatum set, a new referentie)
 * is skipped: every fact in it was matched already. Per chunk, in one transaction: the new signals (deduplicated
 * on (afnemer, product, soort, key, content) as always, so nothing is signalled twice), one ledger line per
 * (afnemer, BSN) that matched, one `knooppunt.signaal.aangemaakt.v1` per new signal. Running it twice is harmless.
 */
export async function kijkTerug(deps: MatchDeps, ref: NieuweIndicaties, regels: readonly SignaalRegel[], opties: TerugkijkOpties = {}): Promise<MatchResultaat> {
  const eigen = regels.filter((r) => r.product === ref.product)
  const totaal = { feiten: 0, kandidaten: 0, nieuw: 0, correcties: 0 }
  if (eigen.length === 0) return totaal
  const bronnen = [...new Set(eigen.map((r) => r.bron))]
  const trace = opties.trace ?? { traceId: newTraceId(), spanId: newSpanId() }
  const vandaag = datumVan(deps.clock.now())
  const { db } = deps.database
  const chunk = opties.chunk ?? 2_000
  for (let naId = ref.naId; naId < ref.totId;) {
    const rijen = await nieuweRijen(db, ref, naId, chunk)
    if (rijen.length === 0) break
    naId = rijen[rijen.length - 1]!.id
    const indicaties = await zonderBekendePeriode(db, ref, rijen)
    if (indicaties.length === 0) continue
    const feiten = await bewaardeFeiten(db, bronnen, indicaties, vandaag)
    totaal.feiten += feiten.length
    const kandidaten = matchFeiten(feiten, indicaties, eigen)
    totaal.kandidaten += kandidaten.length
    if (kandidaten.length === 0) continue
    const nieuw = await legVast(deps, kandidaten, trace)
    totaal.nieuw += nieuw.length
    totaal.correcties += nieuw.filter((s) => s.correctie).length
  }
  if (totaal.nieuw > 0) deps.bus.notify()
  return totaal
}

/** The still-current rows of the reference after `naId`, oldest first, with the afnemer's gemeentecode. */
async function nieuweRijen(db: Executor, ref: NieuweIndicaties, naId: number, limiet: number): Promise<NieuweRij[]> {
  const rows = await db.selectFrom('populatie_regels as p')
    .leftJoin('organisaties as o', 'o.oin', 'p.oin')
    .select(['p.id', 'p.oin', 'p.product', 'p.bsn', 'p.ingangsdatum', 'p.einddatum', 'p.vastgelegd', 'o.gemeentecode'])
    .where('p.oin', '=', ref.oin).where('p.product', '=', ref.product)
    .where('p.id', '>', naId).where('p.id', '<=', ref.totId).where('p.vervangen', 'is', null)
    .orderBy('p.id').limit(limiet).execute()
  return rows.map((r) => ({
    id: Number(r.id), vastgelegd: r.vastgelegd,
    indicatie: {
      oin: r.oin, product: r.product, bsn: r.bsn as Bsn,
      periode: { van: r.ingangsdatum as Datum, tot: (r.einddatum || undefined) as Datum | undefined },
      gemeentecode: gemeentecodeCijfers(r.gemeentecode),
    },
  }))
}

/**
 * Drops rows whose period lies within the row they replaced (same BSN and ingangsdatum, replaced at the moment the
 * new row was written): ending or re-referencing an indication brings no fact into view that was not seen before.
 */
async function zonderBekendePeriode(db: Executor, ref: NieuweIndicaties, rijen: readonly NieuweRij[]): Promise<Indicatie[]> {
  const tijden = [...new Set(rijen.map((r) => r.vastgelegd))]
  const bsns = [...new Set(rijen.map((r) => r.indicatie.bsn))]
  const vorige = await db.selectFrom('populatie_regels').select(['bsn', 'ingangsdatum', 'einddatum', 'vervangen'])
    .where('oin', '=', ref.oin).where('product', '=', ref.product).where('vervangen', 'in', tijden).where('bsn', 'in', bsns).execute()
  const ruimer = new Map<string, Array<string | null>>()
  for (const v of vorige) {
    const k = `${v.bsn}|${v.ingangsdatum}|${v.vervangen}`
    ruimer.set(k, [...(ruimer.get(k) ?? []), v.einddatum])
  }
  return rijen.filter((r) => {
    const eind = r.indicatie.periode.tot
    const oud = ruimer.get(`${r.indicatie.bsn}|${r.indicatie.periode.van}|${r.vastgelegd}`) ?? []
    return !oud.some((e) => e === null || (eind !== undefined && eind <= e))
  }).map((r) => r.indicatie)
}

/** Stored facts of these sources about these BSNs, retention not passed, overlapping one of the BSN's new indications; oldest first. */
async function bewaardeFeiten(db: Executor, bronnen: readonly string[], indicaties: readonly Indicatie[], vandaag: Datum): Promise<Feit[]> {
  const perBsn = new Map<string, Indicatie[]>()
  for (const i of indicaties) perBsn.set(i.bsn, [...(perBsn.get(i.bsn) ?? []), i])
  const rows = await db.selectFrom('feiten')
    .select(['id', 'bron', 'bsn', 'sleutel', 'geldig_van', 'geldig_tot', 'gegevens', 'levering_id', 'regel'])
    .where('bron', 'in', [...bronnen]).where('bsn', 'in', [...perBsn.keys()]).where('bewaren_tot', '>=', vandaag)
    .orderBy('id').execute()
  const uit: Feit[] = []
  for (const r of rows) {
    const periode = { van: r.geldig_van as Datum, tot: (r.geldig_tot ?? undefined) as Datum | undefined }
    if (!(perBsn.get(r.bsn) ?? []).some((i) => overlaps(periode, i.periode))) continue
    uit.push(feitVanRij(r))
  }
  return uit
}

/** One transaction: new signals, one ledger line per (afnemer, product, BSN) that matched, an event per new signal. */
async function legVast(deps: MatchDeps, kandidaten: readonly KandidaatSignaal[], trace: TraceContext) {
  const { db, dialect } = deps.database
  return db.transaction().execute(async (tx) => {
    const opgeslagen = await slaSignalenOp(tx, dialect, deps.clock, kandidaten)
    await deps.ledger.record(tx, ledgerRegels(kandidaten, () => trace))
    await appendToOutbox(tx, deps.clock, opgeslagen.map((s) => ({
      type: 'knooppunt.signaal.aangemaakt.v1', data: { signaalId: s.id, oin: s.oin, product: s.product, soort: s.soort }, traceId: trace.traceId,
    })))
    return opgeslagen
  })
}
