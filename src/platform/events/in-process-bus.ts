import { PostgresAdapter, sql } from 'kysely'
import { AppError } from '../../core/index.js'
import type { Clock } from '../../core/index.js'
import type { Db, Executor } from '../tables.js'
import type { BatchHandler, Bus, HubEvent } from './event.js'
import { toHubEvent } from './outbox.js'

/** The subset of a pino logger the bus uses. */
export interface BusLog {
  warn(obj: object, msg: string): void
  error(obj: object, msg: string): void
}

export interface InProcessBusDeps {
  readonly db: Db
  readonly clock: Clock
  /** Safety-net poll interval; `notify()` makes dispatch immediate. Default 1000 ms. */
  readonly pollMs?: number
  /** Outbox rows read per query. Default 200. */
  readonly batchSize?: number
  /** Backoff for a failing handler: `baseMs · 2^(attempt-1)`, capped at `maxMs`. Default 250 ms … 30 s. */
  readonly retry?: { readonly baseMs: number; readonly maxMs: number }
  readonly log?: BusLog
}

/** Durable consumer names: also valid NATS durable names, so a consumer keeps its name when the bus changes. */
const CONSUMER_NAME = /^[A-Za-z0-9_-]{1,128}$/

/** Throws when `name` cannot be used as a durable consumer name (shared rule of both buses). */
export function assertConsumerName(name: string): void {
  if (!CONSUMER_NAME.test(name))
    throw new AppError('internal', 'events.consument-ongeldig', `ongeldige consumentnaam (A-Z, a-z, 0-9, _ en -): ${name}`)
}

interface Consumer {
  readonly name: string
  readonly types: ReadonlySet<string> | '*'
  readonly handler: BatchHandler
  readonly maxBatch: number
  /** Last seq handled (or skipped as not matching); `bus_posities` holds `savedPos`. */
  pos: number
  savedPos: number
  failures: number
  /** After a failed turn, events up to this seq are handed one at a time (the good ones beside a bad one go on). */
  singlyUntil: number
  retryTimer: NodeJS.Timeout | undefined
  active: Promise<void> | undefined
}

/** Events kept in memory for the consumers that have not passed them yet (one outbox read for all consumers). */
const WINDOW_MAX = 10_000
/** A consumer that only skipped (no matching events) writes its position at most this far behind, or on the poll. */
const SKIP_SAVE_EVERY = 1_000

/**
 * The embedded bus: drains the outbox to each registered durable consumer in seq order, keeping each consumer's
 * position in `bus_posities`, so a restart resumes where it stopped (at least once: a crash between handling and
 * saving the position hands the last events again). A failing handler is retried with backoff and holds up only its
 * own consumer. Single instance per database: several processes draining one database would each deliver every
 * event (use the NATS bus to run more than one hub instance).
 *
 * Cost per committed event: the outbox is read once (by the horizon, into an in-memory window all consumers read
 * from), each consumer is woken once per advance and only when an event of its types arrived, and a consumer that
 * only skipped other types' events writes its position lazily (at the next poll, on stop, or every 1,000 seqs).
 *
 * @example
 * const bus = createInProcessBus({ db, clock: systemClock })
 * bus.subscribe('signalen', ['knooppunt.diagnose.v1'], async (e) => { … })
 * await bus.start()
 */
export function createInProcessBus(deps: InProcessBusDeps): Bus {
  const { db, pollMs = 1000, batchSize = 200, retry = { baseMs: 250, maxMs: 30_000 }, log } = deps
  const consumers = new Map<string, Consumer>()
  const window = createEventWindow(WINDOW_MAX)
  const horizon = createOutboxHorizon(db, window)
  let running = false
  let pollTimer: NodeJS.Timeout | undefined
  let pumping: Promise<void> | undefined
  let pumpAgain = false

  /** Advances the horizon, then lets every idle consumer catch up to it. Single-flight; re-runs when asked again. */
  function pump(): void {
    if (!running || consumers.size === 0) return
    if (pumping) { pumpAgain = true; return }
    pumping = (async function runPump() {
      do {
        pumpAgain = false
        try {
          const state = await horizon.advance()
          if (state === 'more') pumpAgain = true
          // An unsettled gap (PostgreSQL) resolves as soon as older writers finish: look again shortly.
          if (state === 'gap' && running) setTimeout(pump, 50).unref()
        } catch (err) {
          log?.error({ err }, 'bus: outbox lezen mislukt')
        }
        for (const c of consumers.values()) wake(c)
        window.trim(Math.min(...[...consumers.values()].map((c) => c.pos)))
      } while (pumpAgain && running)
    })().finally(() => { pumping = undefined })
  }

  function wake(c: Consumer): void {
    if (!running || c.active || c.retryTimer || c.pos >= horizon.seq) return
    // Nothing of this consumer's types in the window up to the horizon: pass it without a turn.
    if (window.covers(c.pos) && !window.hasMatch(c.pos, horizon.seq, c.types)) {
      c.pos = horizon.seq
      if (c.pos - c.savedPos >= SKIP_SAVE_EVERY) positions.save()
      return
    }
    c.active = drain(c).finally(() => {
      c.active = undefined
      wake(c) // the horizon may have moved while this drain was finishing
    })
  }

  async function drain(c: Consumer): Promise<void> {
    let turnEnd = 0
    try {
      while (running && c.pos < horizon.seq) {
        const upTo = horizon.seq
        const events = window.range(c.pos, upTo, c.types, batchSize) ?? await readRange(db, c.pos, upTo, batchSize, c.types)
        for (let i = 0; i < events.length && running;) {
          const turn = events.slice(i, i + (c.pos < c.singlyUntil ? 1 : c.maxBatch))
          turnEnd = turn[turn.length - 1]!.seq
          await c.handler(turn)
          c.pos = turnEnd
          c.failures = 0
          i += turn.length
        }
        // A short read means nothing else for this consumer up to `upTo`: skip the other types' rows too.
        if (running && events.length < batchSize) c.pos = Math.max(c.pos, upTo)
        if (events.length > 0 || c.pos - c.savedPos >= SKIP_SAVE_EVERY) positions.save()
      }
    } catch (err) {
      c.failures++
      c.singlyUntil = Math.max(c.singlyUntil, turnEnd)
      const delay = Math.min(retry.maxMs, retry.baseMs * 2 ** (c.failures - 1))
      log?.warn({ err, consumer: c.name, seq: c.pos, attempt: c.failures, retryInMs: delay }, 'bus: handler mislukt, opnieuw na backoff')
      positions.save()
      if (running) c.retryTimer = setTimeout(() => { c.retryTimer = undefined; wake(c) }, delay)
    }
  }

  const positions = createPositionWriter(db, consumers, log)

  async function loadPositions(): Promise<void> {
    const names = [...consumers.keys()]
    if (names.length === 0) return
    // A consumer seen for the first time starts at the beginning of the outbox, like a new durable NATS consumer.
    await db.insertInto('bus_posities').values(names.map((consument) => ({ consument, seq: 0 })))
      .onConflict((oc) => oc.column('consument').doNothing()).execute()
    const rows = await db.selectFrom('bus_posities').select(['consument', 'seq']).where('consument', 'in', names).execute()
    for (const r of rows) {
      const c = consumers.get(r.consument)
      if (c) c.pos = c.savedPos = Number(r.seq)
    }
    horizon.reset(Math.min(...[...consumers.values()].map((c) => c.pos)))
  }

  function add(name: string, types: readonly string[] | '*', handler: BatchHandler, maxBatch: number): void {
    assertConsumerName(name)
    if (running) throw new AppError('internal', 'events.bus-al-gestart', `subscribe na start: ${name}`)
    if (consumers.has(name)) throw new AppError('internal', 'events.consument-dubbel', `consument bestaat al: ${name}`)
    consumers.set(name, {
      name, types: types === '*' ? '*' : new Set(types), handler, maxBatch, pos: 0, savedPos: 0,
      failures: 0, singlyUntil: 0, retryTimer: undefined, active: undefined,
    })
  }

  return {
    subscribe(name, types, handler) {
      add(name, types, async (events) => { for (const e of events) await handler(e) }, 1)
    },
    subscribeBatch(name, types, handler, options = {}) {
      add(name, types, handler, batchLimit(options.maxBatch))
    },
    notify() { pump() },
    async start() {
      if (running) return
      await loadPositions()
      running = true
      pollTimer = setInterval(() => { positions.save(); pump() }, pollMs)
      pollTimer.unref()
      pump()
    },
    async stop() {
      running = false
      clearInterval(pollTimer)
      for (const c of consumers.values()) { clearTimeout(c.retryTimer); c.retryTimer = undefined }
      await pumping
      await Promise.all([...consumers.values()].map((c) => c.active))
      await positions.flush()
    },
    async ping() { await sql`select 1`.execute(db) },
  }
}

/**
 * Writes consumer positions behind the handlers: one write (one transaction for several consumers) for everything
 * that moved since the last, single-flight, so an older position never lands after a newer one. A handler's events
 * count as handled before their position is written — at least once, as before: a crash in between hands them again.
 */
function createPositionWriter(db: Db, consumers: ReadonlyMap<string, Consumer>, log: BusLog | undefined) {
  let writing: Promise<void> | undefined
  let again = false

  async function writeMoved(): Promise<void> {
    const moved = [...consumers.values()].filter((c) => c.pos !== c.savedPos).map((c) => ({ c, pos: c.pos }))
    if (moved.length === 0) return
    const write = (ex: Executor) => Promise.all(moved.map(({ c, pos }) => ex.updateTable('bus_posities').set({ seq: pos }).where('consument', '=', c.name).execute()))
    if (moved.length === 1) await write(db)
    else await db.transaction().execute(write)
    for (const { c, pos } of moved) c.savedPos = pos
  }

  function save(): void {
    if (writing) { again = true; return }
    writing = (async () => {
      // After the current turn's other consumers: their moves go in the same write.
      await new Promise((r) => setImmediate(r))
      do {
        again = false
        try { await writeMoved() } catch (err) { log?.warn({ err }, 'bus: posities opslaan mislukt'); return }
      } while (again)
    })().finally(() => { writing = undefined })
  }

  return {
    save,
    /** Waits for a running write, then writes what is left (stop). */
    async flush(): Promise<void> {
      await writing
      await writeMoved().catch((err: unknown) => log?.warn({ err }, 'bus: posities opslaan mislukt'))
    },
  }
}

/** The batch size of a `subscribeBatch` consumer (shared rule of both buses). */
export function batchLimit(maxBatch: number | undefined): number {
  const n = maxBatch ?? 100
  if (!Number.isInteger(n) || n < 1 || n > 10_000)
    throw new AppError('internal', 'events.batch-ongeldig', `maxBatch moet een geheel getal van 1 tot 10.000 zijn: ${n}`)
  return n
}

const matches = (types: ReadonlySet<string> | '*', type: string) => types === '*' || types.has(type)

/**
 * Every outbox row with `from < seq <= to`, in seq order, as the horizon passed it: consumers read their events from
 * here instead of each querying the outbox. Trimmed to what the slowest consumer has not passed, and capped: a
 * consumer further behind than the window reads the outbox itself.
 */
function createEventWindow(max: number) {
  let events: HubEvent[] = []
  let head = 0
  let from = 0
  let to = 0

  /** Index of the first event with seq > afterSeq. */
  function firstAfter(afterSeq: number): number {
    let lo = head
    let hi = events.length
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if (events[mid]!.seq <= afterSeq) lo = mid + 1
      else hi = mid
    }
    return lo
  }

  return {
    reset(seq: number) { events = []; head = 0; from = to = seq },
    /** Appends the rows the horizon passed, up to (and including) `upTo`. */
    push(rows: readonly HubEvent[], upTo: number) {
      events.push(...rows)
      to = upTo
      if (events.length - head > max) {
        head = events.length - max
        from = events[head - 1]!.seq
      }
    },
    covers: (afterSeq: number) => afterSeq >= from && afterSeq <= to,
    hasMatch(afterSeq: number, upTo: number, types: ReadonlySet<string> | '*'): boolean {
      for (let i = firstAfter(afterSeq); i < events.length && events[i]!.seq <= upTo; i++) if (matches(types, events[i]!.type)) return true
      return false
    },
    /** This consumer's events in `(afterSeq, upTo]`, at most `limit`; undefined when the window does not cover them. */
    range(afterSeq: number, upTo: number, types: ReadonlySet<string> | '*', limit: number): HubEvent[] | undefined {
      if (afterSeq < from || upTo > to) return undefined
      const uit: HubEvent[] = []
      for (let i = firstAfter(afterSeq); i < events.length && events[i]!.seq <= upTo && uit.length < limit; i++) {
        if (matches(types, events[i]!.type)) uit.push(events[i]!)
      }
      return uit
    },
    /** Drops what every consumer has passed. */
    trim(passed: number) {
      if (!(passed > from)) return
      head = firstAfter(Math.min(passed, to))
      from = Math.min(passed, to)
      if (head > 4096 && head * 2 > events.length) { events = events.slice(head); head = 0 }
    },
  }
}

/** Matching events with `afterSeq < seq <= upTo`, oldest first. */
async function readRange(db: Db, afterSeq: number, upTo: number, limit: number, types: ReadonlySet<string> | '*'): Promise<HubEvent[]> {
  let q = db.selectFrom('outbox').selectAll().where('seq', '>', afterSeq).where('seq', '<=', upTo).orderBy('seq').limit(limit)
  if (types !== '*') q = types.size ? q.where('type', 'in', [...types]) : q.where(sql<boolean>`1 = 0`)
  return (await q.execute()).map(toHubEvent)
}

/**
 * The highest seq below which the outbox is settled: every lower seq is either visible or will never commit.
 *
 * Why: seq numbers are handed out at insert, not at commit. On PostgreSQL a transaction holding seq 10 can commit
 * after one holding seq 11; a reader that moved its position to 11 would skip 10 forever. So a gap is only passed
 * once every transaction that was running when the gap was seen has finished (`pg_current_snapshot`): by then the
 * missing row is either visible or rolled back. SQLite has one writer at a time, so its gaps are settled at once.
 */
function createOutboxHorizon(db: Db, window: ReturnType<typeof createEventWindow>) {
  const CHUNK = 1000
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter
  let seq = 0
  /** Gaps below `upTo` may be skipped once no transaction older than `xmax` is still running. */
  let waiting: { xmax: string; upTo: number } | undefined
  let settledUpTo = 0

  async function gapsSettled(): Promise<boolean> {
    if (!waiting) return false
    const r = await sql<{ done: boolean }>`select pg_snapshot_xmin(pg_current_snapshot()) >= ${waiting.xmax}::xid8 as done`.execute(db)
    if (!r.rows[0]?.done) return false
    settledUpTo = Math.max(settledUpTo, waiting.upTo)
    waiting = undefined
    return true
  }

  return {
    get seq() { return seq },
    reset(to: number) { seq = to; waiting = undefined; settledUpTo = to; window.reset(to) },
    /**
     * Moves `seq` over the settled rows of one chunk: 'more' when the chunk was full, 'gap' while a gap waits for
     * older transactions, 'done' when the visible outbox is covered.
     */
    async advance(): Promise<'more' | 'gap' | 'done'> {
      if (waiting) await gapsSettled()
      // Whole rows: the window hands them to every consumer, so this is the only outbox read on the common path.
      const rows = await db.selectFrom('outbox').selectAll().where('seq', '>', seq).orderBy('seq').limit(CHUNK).execute()
      const passed: HubEvent[] = []
      try {
        for (const row of rows) {
          const next = Number(row.seq)
          if (next !== seq + 1 && postgres && next > settledUpTo) {
            if (!waiting) {
              // Taken after the read: every transaction that could still fill the gap started before this snapshot.
              const r = await sql<{ xmax: string }>`select pg_snapshot_xmax(pg_current_snapshot())::text as xmax`.execute(db)
              waiting = { xmax: r.rows[0]!.xmax, upTo: Number(rows[rows.length - 1]!.seq) }
            }
            return 'gap'
          }
          passed.push(toHubEvent(row))
          seq = next
        }
      } finally {
        window.push(passed, seq)
      }
      return rows.length === CHUNK ? 'more' : 'done'
    },
  }
}
