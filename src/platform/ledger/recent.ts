import type { Executor } from '../tables.js'
import type { LedgerLine, LedgerStatus } from './ledger.js'

/** A ledger line without anything that points to the data subject: safe to show to the acting organisation. */
export type RecentLine = Omit<LedgerLine, 'parentSpanId'>

/**
 * The newest `limit` lines where `actorOin` acted, newest first. Walks the ledger backwards by sequence number, so
 * for an active organisation it stops after a few rows. (An index on (actor_oin, seq) makes it cheap for every
 * organisation; until then a quiet organisation costs a scan.)
 *
 * @example await recentLines(db, '00000001001234567000', 20)
 */
export async function recentLines(db: Executor, actorOin: string, limit = 20): Promise<RecentLine[]> {
  const rows = await db.selectFrom('ledger')
    .select(['seq', 'id', 'trace_id', 'span_id', 'activiteit', 'verwerkingsactiviteit', 'product', 'actor_oin', 'gestart', 'beeindigd', 'status'])
    .where('actor_oin', '=', actorOin).orderBy('seq', 'desc').limit(Math.max(1, Math.min(limit, 500))).execute()
  return rows.map((r) => ({
    seq: Number(r.seq), id: r.id, traceId: r.trace_id, spanId: r.span_id, activiteit: r.activiteit,
    verwerkingsactiviteit: r.verwerkingsactiviteit, product: r.product, actorOin: r.actor_oin,
    gestart: r.gestart, beeindigd: r.beeindigd, status: r.status as LedgerStatus,
  }))
}

/** `recentLines` bound to a database, in the shape the portal asks for (`PortalLedger`). */
export const createRecentLedger = (db: Executor) => ({
  recent: (actorOin: string, limit: number) => recentLines(db, actorOin, limit),
})
