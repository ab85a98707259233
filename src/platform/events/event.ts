/** An internal hub event, as written to the outbox and carried by the bus. */
export interface HubEvent<T = unknown> {
  /** Outbox sequence number: increases with every commit, gives per-consumer order. */
  readonly seq: number
  /** Unique id (UUID); the bus de-duplicates on it (NATS `Nats-Msg-Id`). */
  readonly id: string
  /** Registered event type, e.g. `knooppunt.levering.ontvangen.v1` (see event-types.ts). */
  readonly type: string
  readonly data: T
  readonly traceId?: string | undefined
  /** When the state change committed (ISO UTC). */
  readonly time: string
}

export interface NewEvent<T = unknown> {
  readonly type: string
  readonly data: T
  readonly traceId?: string | undefined
}

export type EventHandler = (event: HubEvent) => Promise<void>

/**
 * Handles up to `maxBatch` events of one consumer in one turn (oldest first), e.g. in one transaction. Resolving
 * acknowledges them all; throwing acknowledges none: each comes back, and the bus then hands the events of the failed
 * turn one at a time, so one bad event does not hold back the good ones beside it (those are acknowledged singly).
 * Like every handler it must be idempotent (at least once).
 */
export type BatchHandler = (events: readonly HubEvent[]) => Promise<void>

export interface BatchOptions {
  /** Most events per turn. Default 100. */
  readonly maxBatch?: number
}

/**
 * The bus port. The outbox table is the truth; a bus only moves committed events to consumers.
 * Delivery is at least once, in outbox order per consumer; a handler that throws gets the event again later.
 */
export interface Bus {
  /** Registers a durable consumer by name for the given event types ('*' = all). Call before `start`. */
  subscribe(consumer: string, types: readonly string[] | '*', handler: EventHandler): void
  /**
   * Like `subscribe`, but the handler takes every pending event (up to `maxBatch`) in one turn: under load a
   * consumer pays its per-turn cost (transaction, ledger append, queries) once per batch instead of once per event.
   * When idle a batch is simply one event, so latency does not wait for a batch to fill.
   */
  subscribeBatch(consumer: string, types: readonly string[] | '*', handler: BatchHandler, options?: BatchOptions): void
  /** A hint that new outbox rows were committed: dispatch soon instead of waiting for the next poll. */
  notify(): void
  start(): Promise<void>
  /** Stops taking new work and waits for running handlers. */
  stop(): Promise<void>
  /** Throws when the bus cannot be reached (used by /health/ready). */
  ping(): Promise<void>
}
