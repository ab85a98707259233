import { newOrderedId } from '../../core/index.js'
import type { Clock } from '../../core/index.js'
import { insertRows } from '../../adapters/store/bulk-insert.js'
import type { Executor } from '../tables.js'
import type { HubEvent, NewEvent } from './event.js'
import { assertRegisteredEventType } from './event-types.js'

/**
 * Writes events to the outbox inside the caller's transaction, so an event exists exactly when its state change
 * committed. Never publish to the bus directly: the relay (NATS) or dispatcher (in-process) reads the outbox.
 */
export async function appendToOutbox(tx: Executor, clock: Clock, events: readonly NewEvent[]): Promise<void> {
  if (events.length === 0) return
  const time = clock.now().toISOString()
  const rows = events.map((e) => {
    assertRegisteredEventType(e.type)
    return { id: newOrderedId(), type: e.type, data: JSON.stringify(e.data), trace_id: e.traceId ?? null, aangemaakt: time, doorgegeven: null }
  })
  // Chunked (by insertRows) so a large batch stays under SQLite's and PostgreSQL's bound-parameter limits.
  await insertRows(tx, 'outbox', ['id', 'type', 'data', 'trace_id', 'aangemaakt', 'doorgegeven'], rows)
}

/** Reads committed outbox rows after `afterSeq`, oldest first. */
export async function readOutbox(db: Executor, afterSeq: number, limit: number, types?: readonly string[]): Promise<HubEvent[]> {
  let q = db.selectFrom('outbox').selectAll().where('seq', '>', afterSeq).orderBy('seq').limit(limit)
  if (types && types.length) q = q.where('type', 'in', types)
  const rows = await q.execute()
  return rows.map(toHubEvent)
}

export function toHubEvent(r: { seq: number; id: string; type: string; data: string; trace_id: string | null; aangemaakt: string }): HubEvent {
  return { seq: Number(r.seq), id: r.id, type: r.type, data: JSON.parse(r.data) as unknown, traceId: r.trace_id ?? undefined, time: r.aangemaakt }
}
