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
 * The bus port. The outbox table is the truth; a bus only moves committed events to consumers.
 * Delivery is at least once, in outbox order per consumer; a handler that throws gets the event again later.
 */
export interface Bus {
  /** Registers a durable consumer by name for the given event types ('*' = all). Call before `start`. */
  subscribe(consumer: string, types: readonly string[] | '*', handler: EventHandler): void
  /** A hint that new outbox rows were committed: dispatch soon instead of waiting for the next poll. */
  notify(): void
  start(): Promise<void>
  /** Stops taking new work and waits for running handlers. */
  stop(): Promise<void>
  /** Throws when the bus cannot be reached (used by /health/ready). */
  ping(): Promise<void>
}
