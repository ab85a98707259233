import { newSpanId, newTraceId, type Bsn, type Clock, type TraceContext } from '../../core/index.js'
import type { Bus } from '../events/index.js'
import { appendToOutbox } from '../events/index.js'
import type { Ledger, Verwerking } from '../ledger/index.js'
import { slaSignalenOp } from '../signals/index.js'
import type { Db, SqlDialect } from '../tables.js'
import type { KandidaatSignaal, SignaalRegel } from './feit.js'
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

/**
 * Matches one stored delivery (or one event, which intake stores as a delivery of one line) against the current
 * indications, and stores the resulting signals. Per chunk, in one transaction: new signals, one ledger line per
 * (afnemer, BSN) that matched, and a `knooppunt.signaal.aangemaakt.v1` outbox event per new signal. Running it
 * twice is harmless: signals are deduplicated on (afnemer, product, soort, key, content).
 */
export async function matchLevering(deps: MatchDeps, bron: string, leveringId: string, regels: readonly SignaalRegel[], opties: MatchOpties = {}): Promise<MatchResultaat> {
  const bronRegels = regels.filter((r) => r.bron === bron)
  const totaal = { feiten: 0, kandidaten: 0, nieuw: 0, correcties: 0 }
  if (bronRegels.length === 0) return totaal
  const producten = [...new Set(bronRegels.map((r) => r.product))]
  const trace = opties.trace ?? { traceId: newTraceId(), spanId: newSpanId() }
  const { db, dialect } = deps.database
  for await (const feiten of leveringFeiten(db, bron, leveringId, opties.chunk)) {
    totaal.feiten += feiten.length
    const indicaties = await huidigeIndicaties(db, producten, feiten.map((f) => f.bsn))
    const kandidaten = matchFeiten(feiten, indicaties, bronRegels)
    totaal.kandidaten += kandidaten.length
    if (kandidaten.length === 0) continue
    const nieuw = await db.transaction().execute(async (tx) => {
      const opgeslagen = await slaSignalenOp(tx, dialect, deps.clock, kandidaten)
      await deps.ledger.record(tx, ledgerRegels(kandidaten, trace))
      await appendToOutbox(tx, deps.clock, opgeslagen.map((s) => ({
        type: 'knooppunt.signaal.aangemaakt.v1', data: { signaalId: s.id, oin: s.oin, product: s.product, soort: s.soort }, traceId: trace.traceId,
      })))
      return opgeslagen
    })
    totaal.nieuw += nieuw.length
    totaal.correcties += nieuw.filter((s) => s.correctie).length
  }
  if (totaal.nieuw > 0) deps.bus.notify()
  return totaal
}

/** One line per (afnemer, product, BSN) that matched: matching is a processing even when the signal existed. */
function ledgerRegels(kandidaten: readonly KandidaatSignaal[], trace: TraceContext): Verwerking[] {
  const gezien = new Map<string, Verwerking>()
  for (const k of kandidaten) {
    const key = `${k.oin}|${k.product}|${k.bsn}`
    if (gezien.has(key)) continue
    gezien.set(key, {
      trace, activiteit: 'signaleren', verwerkingsactiviteit: `${k.product}.signaleren`, product: k.product,
      betrokkene: k.bsn as Bsn, actorOin: k.oin,
    })
  }
  return [...gezien.values()]
}
