import { PostgresAdapter, sql } from 'kysely'
import { AppError } from '../../core/index.js'
import type { Clock } from '../../core/index.js'
import type { Db } from '../tables.js'
import type { Bus, EventHandler, HubEvent } from './event.js'
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
  readonly types: readonly string[] | '*'
  readonly handler: EventHandler
  /** Last seq handled (or skipped as not matching); mirrors `bus_posities`. */
  pos: number
  savedPos: number
  failures: number
  retryTimer: NodeJS.Timeout | undefined
  active: Promise<void> | undefined
}

/**
 * The embedded bus: drains the outbox to each registered durable consumer in seq order, keeping each consumer's
 * position in `bus_posities`, so a restart resumes where it stopped (at least once: a crash between handling and
 * saving the position hands the last events again). A failing handler is retried with backoff and holds up only its
 * own consumer. Single instance per database: several processes draining one database would each deliver every
 * event (use the NATS bus to run more than one hub instance).
 *
 * @example
 * const bus = createInProcessBus({ db, clock: systemClock })
 * bus.subscribe('signalen', ['knooppunt.diagnose.v1'], async (e) => { … })
 * await bus.start()
 */
export function createInProcessBus(deps: InProcessBusDeps): Bus {
  const { db, pollMs = 1000, batchSize = 200, retry = { baseMs: 250, maxMs: 30_000 }, log } = deps
  const consumers = new Map<string, Consumer>()
  const horizon = createOutboxHorizon(db)
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
      } while (pumpAgain && running)
    })().finally(() => { pumping = undefined })
  }

  function wake(c: Consumer): void {
    if (!running || c.active || c.retryTimer || c.pos >= horizon.seq) return
    c.active = drain(c).finally(() => {
      c.active = undefined
      wake(c) // the horizon may have moved while this drain was finishing
    })
  }

  async function drain(c: Consumer): Promise<void> {
    try {
      while (running && c.pos < horizon.seq) {
        const upTo = horizon.seq
        const batch = await readRange(db, c.pos, upTo, batchSize, c.types)
        for (const event of batch) {
          if (!running) break
          await c.handler(event)
          c.pos = event.seq
          c.failures = 0
        }
        // A short batch means nothing else for this consumer up to `upTo`: skip the other types' rows too.
        if (running && batch.length < batchSize) c.pos = Math.max(c.pos, upTo)
        await savePosition(c)
      }
    } catch (err) {
      c.failures++
      const delay = Math.min(retry.maxMs, retry.baseMs * 2 ** (c.failures - 1))
      log?.warn({ err, consumer: c.name, seq: c.pos, attempt: c.failures, retryInMs: delay }, 'bus: handler mislukt, opnieuw na backoff')
      await savePosition(c).catch(() => {})
      if (running) c.retryTimer = setTimeout(() => { c.retryTimer = undefined; wake(c) }, delay)
    }
  }

  async function savePosition(c: Consumer): Promise<void> {
    if (c.pos === c.savedPos) return
    await db.updateTable('bus_posities').set({ seq: c.pos }).where('consument', '=', c.name).execute()
    c.savedPos = c.pos
  }

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

  return {
    subscribe(name, types, handler) {
      assertConsumerName(name)
      if (running) throw new AppError('internal', 'events.bus-al-gestart', `subscribe na start: ${name}`)
      if (consumers.has(name)) throw new AppError('internal', 'events.consument-dubbel', `consument bestaat al: ${name}`)
      consumers.set(name, { name, types, handler, pos: 0, savedPos: 0, failures: 0, retryTimer: undefined, active: undefined })
    },
    notify() { pump() },
    async start() {
      if (running) return
      await loadPositions()
      running = true
      pollTimer = setInterval(pump, pollMs)
      pollTimer.unref()
      pump()
    },
    async stop() {
      running = false
      clearInterval(pollTimer)
      for (const c of consumers.values()) { clearTimeout(c.retryTimer); c.retryTimer = undefined }
      await pumping
      await Promise.all([...consumers.values()].map((c) => c.active))
    },
    async ping() { await sql`select 1`.execute(db) },
  }
}

/** Matching events with `afterSeq < seq <= upTo`, oldest first. */
async function readRange(db: Db, afterSeq: number, upTo: number, limit: number, types: readonly string[] | '*'): Promise<HubEvent[]> {
  let q = db.selectFrom('outbox').selectAll().where('seq', '>', afterSeq).where('seq', '<=', upTo).orderBy('seq').limit(limit)
  if (types !== '*') q = types.length ? q.where('type', 'in', types) : q.where(sql<boolean>`1 = 0`)
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
function createOutboxHorizon(db: Db) {
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
    reset(to: number) { seq = to; waiting = undefined; settledUpTo = to },
    /**
     * Moves `seq` over the settled rows of one chunk: 'more' when the chunk was full, 'gap' while a gap waits for
     * older transactions, 'done' when the visible outbox is covered.
     */
    async advance(): Promise<'more' | 'gap' | 'done'> {
      if (waiting) await gapsSettled()
      const rows = await db.selectFrom('outbox').select('seq').where('seq', '>', seq).orderBy('seq').limit(CHUNK).execute()
      for (const { seq: s } of rows) {
        const next = Number(s)
        if (next !== seq + 1 && postgres && next > settledUpTo) {
          if (!waiting) {
            // Taken after the read: every transaction that could still fill the gap started before this snapshot.
            const r = await sql<{ xmax: string }>`select pg_snapshot_xmax(pg_current_snapshot())::text as xmax`.execute(db)
            waiting = { xmax: r.rows[0]!.xmax, upTo: Number(rows[rows.length - 1]!.seq) }
          }
          return 'gap'
        }
        seq = next
      }
      return rows.length === CHUNK ? 'more' : 'done'
    },
  }
}
