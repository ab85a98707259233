import { tabelGegroeid } from '../../adapters/store/statistiek.js'
import { datumVan, newSpanId, newTraceId, type Bsn, type Clock, type TraceContext } from '../../core/index.js'
import type { Bus } from '../events/index.js'
import { appendToOutbox } from '../events/index.js'
import type { Ledger, Verwerking } from '../ledger/index.js'
import { slaSignalenOp } from '../signals/index.js'
import type { Db, Executor, SqlDialect } from '../tables.js'
import type { Feit, KandidaatSignaal, SignaalRegel } from './feit.js'
import { huidigeIndicaties } from './huidige-indicaties.js'
import { leveringFeiten } from './levering-feiten.js'
import { matchFeiten } from './match-feiten.js'

/** What matching needs of the hub (the HubContext satisfies it). */
export interface MatchDeps {
  readonly database: { readonly db: Db; readonly dialect: SqlDialect }
  readonly clock: Clock
  readonly ledger: Ledger
  readonly bus: Pick<Bus, 'notify'>
}

export interface MatchOpties {
  /** Facts per chunk: one indication query and one transaction per chunk (default 5,000). */
  readonly chunk?: number
  readonly trace?: TraceContext | undefined
}

/** The result of matching one delivery; partial progress stays visible when a later chunk fails and is retried. */
export interface MatchResultaat {
  readonly feiten: number
  /** Signals the rules proposed (before deduplication against the store). */
  readonly kandidaten: number
  /** Signals stored (new); `correcties` of them correct an earlier signal with the same key. */
  readonly nieuw: number
  readonly correcties: number
}

/** One delivery to match, as a `knooppunt.feiten.vastgelegd.v1` event names it. */
export interface TeMatchenLevering {
  readonly bron: string
  readonly leveringId: string
  /** Facts the intake stored for it (the event's `opgeslagen`): small deliveries are read together. Unknown = read alone. */
  readonly opgeslagen?: number | undefined
  /** The trace of the event that announced it: its ledger lines and signal events carry it. */
  readonly trace?: TraceContext | undefined
}

/**
 * Matches one stored delivery (or one event, which intake stores as a delivery of one line) against the current
 * indications, and stores the resulting signals. Per chunk, in one transaction: new signals, one ledger line per
 * (afnemer, BSN) that matched, and a `knooppunt.signaal.aangemaakt.v1` outbox event per new signal. Running it
 * twice is harmless: signals are deduplicated on (afnemer, product, soort, key, content).
 */
export function matchLevering(deps: MatchDeps, bron: string, leveringId: string, regels: readonly SignaalRegel[], opties: MatchOpties = {}): Promise<MatchResultaat> {
  return matchLeveringen(deps, [{ bron, leveringId, trace: opties.trace }], regels, opties)
}

/**
 * Matches several deliveries in one go, as if they came one after another (the facts in delivery order, then line
 * order): the same signals, corrections and ledger lines as `matchLevering` per delivery — the batch = incremental
 * property — but small deliveries (the event path: one fact each) are read with one query, matched against one
 * indication query, and stored in one transaction with one ledger append. Large deliveries are read in chunks as
 * before. Every delivery keeps its own trace: one ledger line per (delivery's trace, afnemer, product, BSN).
 */
export async function matchLeveringen(deps: MatchDeps, leveringen: readonly TeMatchenLevering[], regels: readonly SignaalRegel[], opties: MatchOpties = {}): Promise<MatchResultaat> {
  const totaal = { feiten: 0, kandidaten: 0, nieuw: 0, correcties: 0 }
  const chunk = opties.chunk ?? 5_000
  const standaardTrace = opties.trace ?? { traceId: newTraceId(), spanId: newSpanId() }
  const { db } = deps.database
  const traces = new Map<string, TraceContext>()
  const sleutel = (bron: string, leveringId: string) => `${bron}\u0000${leveringId}`
  let klein: TeMatchenLevering[] = []
  let kleinFeiten = 0

  async function verwerk(feiten: readonly Feit[]): Promise<void> {
    const r = await matchEnBewaar(deps, feiten, regels, (f) => traces.get(sleutel(f.bron, f.leveringId)) ?? standaardTrace)
    totaal.feiten += r.feiten; totaal.kandidaten += r.kandidaten; totaal.nieuw += r.nieuw; totaal.correcties += r.correcties
  }
  async function verwerkKlein(): Promise<void> {
    if (klein.length === 0) return
    const feiten = await feitenVanLeveringen(db, klein)
    klein = []
    kleinFeiten = 0
    for (let i = 0; i < feiten.length; i += chunk) await verwerk(feiten.slice(i, i + chunk))
  }

  for (const l of leveringen) {
    if (!regels.some((r) => r.bron === l.bron)) continue
    const k = sleutel(l.bron, l.leveringId)
    if (!traces.has(k)) traces.set(k, l.trace ?? standaardTrace)
    if (l.opgeslagen !== undefined && l.opgeslagen <= chunk) {
      klein.push(l)
      kleinFeiten += l.opgeslagen
      if (kleinFeiten >= chunk) await verwerkKlein()
      continue
    }
    await verwerkKlein() // keeps delivery order
    for await (const feiten of leveringFeiten(db, l.bron, l.leveringId, chunk)) await verwerk(feiten)
  }
  await verwerkKlein()
  if (totaal.nieuw > 0) deps.bus.notify()
  return totaal
}

/**
 * The facts of small deliveries, in delivery order then line order: one query per source (`levering_id in …`),
 * sorted here, because fact ids of concurrent deliveries need not follow the order their events came in.
 */
async function feitenVanLeveringen(db: Executor, leveringen: readonly TeMatchenLevering[]): Promise<Feit[]> {
  const volgorde = new Map<string, number>()
  const perBron = new Map<string, string[]>()
  for (const l of leveringen) {
    const k = `${l.bron}\u0000${l.leveringId}`
    if (volgorde.has(k)) continue
    volgorde.set(k, volgorde.size)
    perBron.set(l.bron, [...(perBron.get(l.bron) ?? []), l.leveringId])
  }
  const uit: Array<Feit & { readonly id: number }> = []
  for (const [bron, ids] of perBron) {
    for (let i = 0; i < ids.length; i += 1_000) {
      const rows = await db.selectFrom('feiten')
        .select(['id', 'bron', 'bsn', 'sleutel', 'geldig_van', 'geldig_tot', 'gegevens', 'levering_id', 'regel'])
        .where('bron', '=', bron).where('levering_id', 'in', ids.slice(i, i + 1_000)).execute()
      for (const r of rows) uit.push({ ...feitVanRij(r), id: Number(r.id) })
    }
  }
  const plaats = (f: Feit) => volgorde.get(`${f.bron}\u0000${f.leveringId}`)!
  return uit.sort((a, b) => plaats(a) - plaats(b) || a.id - b.id)
}

/** One chunk: indications, rules, and (when something matched) one transaction with signals, ledger and outbox. */
async function matchEnBewaar(deps: MatchDeps, feiten: readonly Feit[], regels: readonly SignaalRegel[], traceVan: (f: Feit) => TraceContext): Promise<MatchResultaat> {
  const { db, dialect } = deps.database
  const bronnen = new Set(feiten.map((f) => f.bron))
  const bronRegels = regels.filter((r) => bronnen.has(r.bron))
  const producten = [...new Set(bronRegels.map((r) => r.product))]
  const indicaties = await huidigeIndicaties(db, producten, feiten.map((f) => f.bsn), datumVan(deps.clock.now()))
  // Per delivery, as if each came alone: matchFeiten drops a candidate that repeats one earlier in its input, and a
  // delivery that repeats an earlier one's line is still a processing with a ledger line of its own. The store
  // de-duplicates across deliveries (`selecteerNieuwe`), so the signals are the same either way.
  const kandidaten = perLeveringGroep(feiten).flatMap((groep) => matchFeiten(groep, indicaties, bronRegels))
  if (kandidaten.length === 0) return { feiten: feiten.length, kandidaten: 0, nieuw: 0, correcties: 0 }
  const perLevering = new Map(feiten.map((f) => [`${f.bron}\u0000${f.leveringId}`, traceVan(f)]))
  const traceVanKandidaat = (k: KandidaatSignaal) => perLevering.get(`${k.bronnen[0]!.bron}\u0000${k.bronnen[0]!.leveringId}`)!
  const nieuw = await db.transaction().execute(async (tx) => {
    const opgeslagen = await slaSignalenOp(tx, dialect, deps.clock, kandidaten)
    await deps.ledger.record(tx, ledgerRegels(kandidaten, traceVanKandidaat))
    // Per new signal, the trace of the delivery it came from (its first source line): when one chunk holds several
    // deliveries, each signal event keeps its own request's trace.
    await appendToOutbox(tx, deps.clock, opgeslagen.map((s) => ({
      type: 'knooppunt.signaal.aangemaakt.v1', data: { signaalId: s.id, oin: s.oin, product: s.product, soort: s.soort },
      traceId: s.bron ? perLevering.get(`${s.bron.bron}\u0000${s.bron.leveringId}`)?.traceId : undefined,
    })))
    return opgeslagen
  })
  tabelGegroeid(db, 'signalen', nieuw.length)
  return { feiten: feiten.length, kandidaten: kandidaten.length, nieuw: nieuw.length, correcties: nieuw.filter((s) => s.correctie).length }
}

/**
 * One line per (trace, afnemer, product, BSN) that matched: matching is a processing even when the signal existed,
 * and each delivery's matching is its own processing (two events about one person in one batch: two lines).
 */
export function ledgerRegels(kandidaten: readonly KandidaatSignaal[], traceVan: (k: KandidaatSignaal) => TraceContext): Verwerking[] {
  const gezien = new Map<string, Verwerking>()
  for (const k of kandidaten) {
    const trace = traceVan(k)
    const key = `${trace.traceId}|${trace.spanId}|${k.oin}|${k.product}|${k.bsn}`
    if (gezien.has(key)) continue
    gezien.set(key, {
      trace, activiteit: 'signaleren', verwerkingsactiviteit: `${k.product}.signaleren`, product: k.product,
      betrokkene: k.bsn as Bsn, actorOin: k.oin,
    })
  }
  return [...gezien.values()]
}

/** A `feiten` row as a fact (as `leveringFeiten` gives them). */
export function feitVanRij(r: { bron: string; bsn: string; sleutel: string; geldig_van: string; geldig_tot: string | null; gegevens: string; levering_id: string; regel: number }): Feit {
  return {
    bron: r.bron, bsn: r.bsn as Bsn, sleutel: r.sleutel, geldigVan: r.geldig_van, geldigTot: r.geldig_tot ?? undefined,
    gegevens: JSON.parse(r.gegevens) as Record<string, unknown>, leveringId: r.levering_id, regel: Number(r.regel),
  }
}

/** Consecutive facts of the same delivery, in order. */
function perLeveringGroep(feiten: readonly Feit[]): Feit[][] {
  const groepen: Feit[][] = []
  for (const f of feiten) {
    const laatste = groepen.at(-1)
    if (laatste && laatste[0]!.leveringId === f.leveringId && laatste[0]!.bron === f.bron) laatste.push(f)
    else groepen.push([f])
  }
  return groepen
}
