import {
  AckPolicy, connect, DeliverPolicy, nanos, RetentionPolicy, StorageType,
  type ConsumerConfig, type ConsumerMessages, type JetStreamClient, type JetStreamManager, type JsMsg, type NatsConnection, type NatsError,
} from 'nats'
import { AppError, type Clock } from '../../core/index.js'
import { assertConsumerName, batchLimit, toHubEvent, type BatchHandler, type Bus, type BusLog, type HubEvent } from '../../platform/events/index.js'
import type { Db } from '../../platform/tables.js'

export interface NatsBusDeps {
  readonly db: Db
  readonly clock: Clock
  /** NATS server(s), e.g. `nats://127.0.0.1:4222` (comma-separated for a cluster). */
  readonly url: string
  /** JetStream stream name. Default `KNOOPPUNT`. */
  readonly stream?: string
  /** Subjects are `<prefix>.<event type>`. Default `knooppunt.events`. */
  readonly subjectPrefix?: string
  /** Safety-net interval of the outbox relay; `notify()` relays at once. Default 1000 ms. */
  readonly pollMs?: number
  /** Outbox rows published per relay round. Default 500. */
  readonly batchSize?: number
  /** Redelivery delay after a handler error: `baseMs · 2^(attempt-1)`, capped at `maxMs`. Default 250 ms … 30 s. */
  readonly retry?: { readonly baseMs: number; readonly maxMs: number }
  /** How long a delivered message may stay unacknowledged before JetStream redelivers it. Default 30 s. */
  readonly ackWaitMs?: number
  /** Deliveries before JetStream gives up on a message (then it stays in the stream for inspection). Default 1000. */
  readonly maxDeliver?: number
  /** Stream retention. Default 7 days. */
  readonly maxAgeMs?: number
  /** JetStream de-duplicates on the event id within this window. Default 2 minutes. */
  readonly duplicateWindowMs?: number
  readonly log?: BusLog
}

interface Subscription {
  readonly name: string
  readonly types: ReadonlySet<string> | '*'
  readonly handler: BatchHandler
  readonly maxBatch: number
  messages?: ConsumerMessages
  loop?: Promise<void>
}

interface Connected { readonly nc: NatsConnection; readonly js: JetStreamClient; readonly jsm: JetStreamManager }

const STREAM_NOT_FOUND = 10059

/**
 * The bus for more than one hub instance: a relay moves committed outbox rows to a JetStream stream (subject per
 * event type, message id = event id so JetStream drops a second publish of the same row), and each `subscribe`
 * consumer is a durable pull consumer with explicit ack. Instances that subscribe with the same consumer name share
 * its work; a handler error naks the message with a delay, so it comes back while later messages go on.
 *
 * @example
 * const bus = createNatsBus({ db, clock: systemClock, url: 'nats://127.0.0.1:4222' })
 * bus.subscribe('signalen', ['knooppunt.diagnose.v1'], async (e) => { … })
 * await bus.start()
 */
export function createNatsBus(deps: NatsBusDeps): Bus {
  const {
    db, clock, url, stream = 'KNOOPPUNT', subjectPrefix = 'knooppunt.events', pollMs = 1000, batchSize = 500,
    retry = { baseMs: 250, maxMs: 30_000 }, ackWaitMs = 30_000, maxDeliver = 1000, maxAgeMs = 7 * 24 * 3600_000,
    duplicateWindowMs = 120_000, log,
  } = deps
  if (!/^[A-Za-z0-9_-]+$/.test(stream)) throw new AppError('invalid', 'events.nats-stream-ongeldig', `ongeldige streamnaam: ${stream}`)
  if (!/^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$/.test(subjectPrefix))
    throw new AppError('invalid', 'events.nats-prefix-ongeldig', `ongeldig subject-prefix: ${subjectPrefix}`)

  const subscriptions = new Map<string, Subscription>()
  let conn: Connected | undefined
  let running = false
  let relayTimer: NodeJS.Timeout | undefined
  let relaying: Promise<void> | undefined
  let relayAgain = false

  const subjectOf = (type: string) => `${subjectPrefix}.${type}`

  /** Rows JetStream acknowledged whose `doorgegeven` is still being written: the next round skips them. */
  const markerend = new Set<number>()
  /** Those writes, oldest first. */
  const markeringen: Array<Promise<void>> = []

  /**
   * Publishes one batch of pending outbox rows; returns how many. Marks rows only after JetStream acknowledged, and
   * without waiting for that write: the next round reads while it runs (one round trip less per round under load),
   * skipping the rows being marked. A failed mark leaves the rows pending, so they are published again, and
   * JetStream drops the second copy (message id = event id), as when the process dies between publish and mark.
   */
  async function relayBatch(js: JetStreamClient): Promise<number> {
    let pending = db.selectFrom('outbox').selectAll().where('doorgegeven', 'is', null)
    if (markerend.size) pending = pending.where('seq', 'not in', [...markerend])
    const rows = await pending.orderBy('seq').limit(batchSize).execute()
    if (rows.length === 0) return 0
    // Issued in seq order over one connection, so the stream keeps outbox order; awaited together for throughput.
    await Promise.all(rows.map((r) => js.publish(subjectOf(r.type), JSON.stringify(toHubEvent(r)), { msgID: r.id })))
    const seqs = rows.map((r) => Number(r.seq))
    for (const seq of seqs) markerend.add(seq)
    const markering: Promise<void> = db.updateTable('outbox').set({ doorgegeven: clock.now().toISOString() }).where('seq', 'in', seqs).execute()
      .then(() => undefined, (err: unknown) => log?.error({ err }, 'bus: doorgegeven markeren mislukt; opnieuw doorgegeven in een volgende ronde'))
      .finally(() => {
        for (const seq of seqs) markerend.delete(seq)
        markeringen.splice(markeringen.indexOf(markering), 1)
      })
    markeringen.push(markering)
    // At most two marks behind: a slow store slows the relay down instead of letting the skip list grow.
    if (markeringen.length > 2) await markeringen[0]
    return rows.length
  }

  /** Single-flight relay; a `notify()` during a round makes it go round again. */
  function relay(): void {
    if (!running || !conn) return
    if (relaying) { relayAgain = true; return }
    const { js } = conn
    relaying = (async function runRelay() {
      do {
        relayAgain = false
        try {
          if ((await relayBatch(js)) === batchSize) relayAgain = true
        } catch (err) {
          log?.error({ err }, 'bus: outbox naar NATS doorgeven mislukt')
          return // the next poll tries again
        }
      } while (relayAgain && running)
    })().finally(() => { relaying = undefined })
  }

  async function ensureStream(jsm: JetStreamManager): Promise<void> {
    try {
      await jsm.streams.info(stream)
    } catch (err) {
      if ((err as NatsError).api_error?.err_code !== STREAM_NOT_FOUND) throw err
      // Two instances starting together may both add it; an identical config is accepted twice.
      await jsm.streams.add({
        name: stream, subjects: [`${subjectPrefix}.>`], storage: StorageType.File, retention: RetentionPolicy.Limits,
        max_age: nanos(maxAgeMs), duplicate_window: nanos(duplicateWindowMs),
      })
    }
  }

  function consumerConfig(sub: Subscription, multiFilter: boolean): Partial<ConsumerConfig> {
    const base = {
      durable_name: sub.name, ack_policy: AckPolicy.Explicit, deliver_policy: DeliverPolicy.All,
      ack_wait: nanos(ackWaitMs), max_deliver: maxDeliver, max_ack_pending: 1000,
    }
    if (sub.types === '*') return { ...base, filter_subject: `${subjectPrefix}.>` }
    const subjects = [...sub.types].map(subjectOf)
    if (subjects.length === 1) return { ...base, filter_subject: subjects[0]! }
    // Servers before 2.10 take one filter: take the whole prefix and skip other types in `handle`.
    return multiFilter ? { ...base, filter_subjects: subjects } : { ...base, filter_subject: `${subjectPrefix}.>` }
  }

  async function ensureConsumer(c: Connected, sub: Subscription): Promise<void> {
    const config = consumerConfig(sub, serverAtLeast(c.nc, 2, 10))
    try {
      await c.jsm.consumers.add(stream, config)
    } catch {
      // It exists with another filter (the subscription changed): update it in place, keeping its position.
      await c.jsm.consumers.update(stream, sub.name, config)
    }
  }

  /** The event of a message, or undefined when the message is not for this consumer (acknowledged or ended here). */
  function eventOf(sub: Subscription, m: JsMsg): HubEvent | undefined {
    let event: HubEvent
    try {
      event = JSON.parse(m.string()) as HubEvent
    } catch (err) {
      log?.error({ err, consumer: sub.name, streamSeq: m.seq }, 'bus: onleesbaar bericht, beëindigd')
      m.term()
      return undefined
    }
    if (sub.types !== '*' && !sub.types.has(event.type)) { m.ack(); return undefined }
    return event
  }

  /** One turn: the handler takes the batch; all acknowledged on success, all back (with backoff) on an error. */
  async function handle(sub: Subscription, batch: ReadonlyArray<{ m: JsMsg; event: HubEvent }>): Promise<void> {
    // Tells JetStream a slow handler is still busy, so the messages are not handed to another instance meanwhile.
    const keepAlive = setInterval(() => { for (const { m } of batch) m.working() }, Math.max(500, ackWaitMs / 2))
    try {
      await sub.handler(batch.map((b) => b.event))
      for (const { m } of batch) m.ack()
    } catch (err) {
      for (const { m, event } of batch) {
        const attempt = m.info.redeliveryCount
        const delay = Math.min(retry.maxMs, retry.baseMs * 2 ** (attempt - 1))
        if (event === batch[0]!.event) log?.warn({ err, consumer: sub.name, seq: event.seq, events: batch.length, attempt, retryInMs: delay }, 'bus: handler mislukt, opnieuw na backoff')
        m.nak(delay)
      }
    } finally {
      clearInterval(keepAlive)
    }
  }

  /**
   * The next turn from the queue: up to `maxBatch` first deliveries, or one redelivered message on its own (it came
   * back after a failed turn: alone, a bad event cannot take the good ones of its old batch down with it again).
   */
  function nextTurn(sub: Subscription, queue: Array<{ m: JsMsg; event: HubEvent }>) {
    if (queue[0]!.m.redelivered) return queue.splice(0, 1)
    let n = 1
    while (n < queue.length && n < sub.maxBatch && !queue[n]!.m.redelivered) n++
    return queue.splice(0, n)
  }

  /**
   * Pulls for one consumer until stopped; reconnects the pull after errors (e.g. missed heartbeats). Messages go into
   * a small queue that a worker empties a turn at a time, so everything that arrived while a turn ran is the next
   * batch; the pull waits while the queue holds a full batch (backpressure, and work left for other instances).
   */
  async function consumeLoop(c: Connected, sub: Subscription): Promise<void> {
    while (running) {
      const queue: Array<{ m: JsMsg; event: HubEvent }> = []
      let arrived: (() => void) | undefined
      let space: (() => void) | undefined
      let pulling = true
      const worker = (async () => {
        for (;;) {
          if (queue.length === 0) {
            if (!pulling) return
            await new Promise<void>((r) => { arrived = r })
            // Woken by the first message of a pull: let the rest of that network read be queued too, so it is one turn.
            await new Promise((r) => setImmediate(r))
            continue
          }
          // Messages already queued when stop() came go back at once instead of after ack_wait.
          if (!running) { for (const { m } of queue.splice(0)) m.nak(); space?.(); continue }
          const turn = nextTurn(sub, queue)
          space?.()
          await handle(sub, turn)
        }
      })()
      try {
        const consumer = await c.js.consumers.get(stream, sub.name)
        sub.messages = await consumer.consume({ max_messages: 256 })
        if (!running) sub.messages.stop() // stop() came while this pull was being set up
        for await (const m of sub.messages) {
          if (!running) { m.nak(); continue }
          const event = eventOf(sub, m)
          if (!event) continue
          queue.push({ m, event })
          arrived?.()
          if (queue.length >= sub.maxBatch) await new Promise<void>((r) => { space = r })
          space = undefined
        }
      } catch (err) {
        if (running) {
          log?.warn({ err, consumer: sub.name }, 'bus: pull consumer onderbroken, opnieuw over 1 s')
          await new Promise((r) => setTimeout(r, 1000))
        }
      } finally {
        pulling = false
        arrived?.()
        await worker
      }
    }
  }

  function add(name: string, types: readonly string[] | '*', handler: BatchHandler, maxBatch: number): void {
    assertConsumerName(name)
    if (running) throw new AppError('internal', 'events.bus-al-gestart', `subscribe na start: ${name}`)
    if (subscriptions.has(name)) throw new AppError('internal', 'events.consument-dubbel', `consument bestaat al: ${name}`)
    subscriptions.set(name, { name, types: types === '*' ? '*' : new Set(types), handler, maxBatch })
  }

  return {
    subscribe(name, types, handler) {
      add(name, types, async (events) => { for (const e of events) await handler(e) }, 1)
    },
    subscribeBatch(name, types, handler, options = {}) {
      add(name, types, handler, batchLimit(options.maxBatch))
    },
    notify() { relay() },
    async start() {
      if (running) return
      const nc = await connect({ servers: url.split(','), name: 'knooppunt' }).catch((err: Error) => {
        throw new AppError('unavailable', 'events.nats-onbereikbaar', `NATS niet bereikbaar op ${url}: ${err.message}`)
      })
      try {
        const c: Connected = { nc, js: nc.jetstream(), jsm: await nc.jetstreamManager() }
        await ensureStream(c.jsm)
        for (const sub of subscriptions.values()) await ensureConsumer(c, sub)
        conn = c
      } catch (err) {
        await nc.close()
        throw new AppError('unavailable', 'events.nats-start-mislukt', `NATS JetStream niet bruikbaar: ${(err as Error).message}`)
      }
      running = true
      for (const sub of subscriptions.values()) sub.loop = consumeLoop(conn, sub)
      relayTimer = setInterval(relay, pollMs)
      relayTimer.unref()
      relay()
    },
    async stop() {
      if (!running || !conn) return
      running = false
      clearInterval(relayTimer)
      for (const sub of subscriptions.values()) sub.messages?.stop()
      await Promise.all([relaying, ...[...subscriptions.values()].map((s) => s.loop)])
      await Promise.all(markeringen)
      const { nc } = conn
      conn = undefined
      // Flushes the last acks and naks before closing; a connection that is already gone has nothing to flush.
      if (!nc.isClosed()) await nc.drain().catch((err: unknown) => log?.warn({ err }, 'bus: NATS-verbinding sluiten mislukt'))
    },
    async ping() {
      if (!conn || conn.nc.isClosed()) throw new AppError('unavailable', 'events.nats-onbereikbaar', 'NATS-verbinding is niet open')
      await withTimeout(conn.nc.flush(), 2000, 'NATS antwoordt niet')
    },
  }
}

function serverAtLeast(nc: NatsConnection, major: number, minor: number): boolean {
  const [ma = 0, mi = 0] = (nc.info?.version ?? '0.0').split('.').map(Number)
  return ma > major || (ma === major && mi >= minor)
}

async function withTimeout<T>(p: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new AppError('unavailable', 'events.nats-onbereikbaar', message)), ms)
  })
  try { return await Promise.race([p, timeout]) } finally { clearTimeout(timer) }
}
