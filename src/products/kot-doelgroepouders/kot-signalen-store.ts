import { createHash } from 'node:crypto'
import type { Transaction } from 'kysely'
import type { Bsn, Clock } from '../../core/index.js'
import { appendToOutbox } from '../../platform/events/index.js'
import { slaSignalenOp } from '../../platform/signals/index.js'
import type { SqlDialect, Tables } from '../../platform/tables.js'
import type { KotSignaalKandidaat } from './vergelijk-doelgroepouders.js'

/** SHA-256 of what the signal says (not where it came from): a re-delivered identical file adds nothing. */
export function inhoudHash(k: KotSignaalKandidaat): string {
  return createHash('sha256').update(JSON.stringify([k.soort, k.bsn, k.periode, k.gegevens])).digest('hex')
}

/**
 * Stores the differences through the shared signal store (`slaSignalenOp`: deduplication on afnemer, product,
 * soort, key and content; the same key with other content is a correction; the PostgreSQL write lock that keeps the
 * feed cursor stable) and announces each new one on the outbox (`knooppunt.signaal.aangemaakt.v1`, no BSN), all in
 * the caller's transaction. Returns the ids of the new signals.
 */
export async function bewaarSignalen(tx: Transaction<Tables>, dialect: SqlDialect, clock: Clock, a: {
  readonly oin: string; readonly product: string; readonly kandidaten: readonly KotSignaalKandidaat[]; readonly traceId?: string | undefined
}): Promise<string[]> {
  const nieuw = await slaSignalenOp(tx, dialect, clock, a.kandidaten.map((k) => ({
    oin: a.oin, product: a.product, soort: k.soort, bsn: k.bsn as Bsn, sleutel: k.sleutel, inhoudHash: inhoudHash(k),
    periode: k.periode, bronnen: k.bronnen, regel: k.regel, uitleg: k.uitleg, gegevens: k.gegevens,
  })))
  await appendToOutbox(tx, clock, nieuw.map((s) => ({
    type: 'knooppunt.signaal.aangemaakt.v1', data: { signaalId: s.id, oin: s.oin, product: s.product, soort: s.soort }, traceId: a.traceId,
  })))
  return nieuw.map((s) => s.id)
}
