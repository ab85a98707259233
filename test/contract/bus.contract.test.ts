/**
 * The bus contract: the same cases against the in-process bus (SQLite and PostgreSQL) and the NATS JetStream bus
 * (real server). NATS is required when CI=true and skipped with a reason when NATS_URL is unset elsewhere.
 * Every NATS case gets a stream and subject prefix of its own, so runs and cases never see each other's messages.
 */
import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import { describe, test } from 'node:test'
import { connect } from 'nats'
import { createNatsBus } from '../../src/adapters/bus/index.js'
import { systemClock } from '../../src/core/index.js'
import { appendToOutbox, createInProcessBus, type Bus, type HubEvent } from '../../src/platform/events/index.js'
import type { Db } from '../../src/platform/tables.js'
import { openTestDatabase, postgresUrl } from '../support/stores.js'

const DIAG = 'knooppunt.diagnose.v1'
const ORG = 'knooppunt.organisatie.gewijzigd.v1'
const RETRY = { baseMs: 20, maxMs: 200 }

interface BusWorld extends AsyncDisposable {
  readonly db: Db
  /** A new bus instance on the shared database (and stream): call twice for two hub instances. */
  bus(): Bus
}
interface BusFixture { readonly name: string; readonly skip?: string; readonly sharesWork: boolean; open(): Promise<BusWorld> }

function natsUrl(): string | undefined {
  const url = process.env.NATS_URL
  if (!url && process.env.CI === 'true') throw new Error('CI=true but NATS_URL is not set: the NATS bus contract must run in CI')
  return url || undefined
}

const runId = randomBytes(4).toString('hex')
let worldNo = 0

function inProcess(kind: 'sqlite' | 'postgres'): BusFixture {
  return {
    name: `in-process, ${kind}`,
    sharesWork: false,
    ...(kind === 'postgres' && !postgresUrl() ? { skip: 'DATABASE_URL is not set' } : {}),
    async open() {
      const database = await openTestDatabase(kind)
      const buses: Bus[] = []
      return {
        db: database.db,
        bus() {
          const b = createInProcessBus({ db: database.db, clock: systemClock, pollMs: 200, retry: RETRY })
          buses.push(b)
          return b
        },
        async [Symbol.asyncDispose]() {
          for (const b of buses) await b.stop()
          await database[Symbol.asyncDispose]()
        },
      }
    },
  }
}

function nats(): BusFixture {
  const url = natsUrl()
  const kind = postgresUrl() ? 'postgres' : 'sqlite'
  return {
    name: `NATS JetStream, ${kind}`,
    sharesWork: true,
    ...(url ? {} : { skip: 'NATS_URL is not set' }),
    async open() {
      const database = await openTestDatabase(kind)
      const n = ++worldNo
      const stream = `KT_${runId}_${n}`
      const subjectPrefix = `kt${runId}.w${n}`
      const buses: Bus[] = []
      return {
        db: database.db,
        bus() {
          const b = createNatsBus({ db: database.db, clock: systemClock, url: url!, stream, subjectPrefix, pollMs: 200, retry: RETRY })
          buses.push(b)
          return b
        },
        async [Symbol.asyncDispose]() {
          for (const b of buses) await b.stop()
          const nc = await connect({ servers: url! })
          const jsm = await nc.jetstreamManager()
          await jsm.streams.delete(stream).catch(() => false)
          await nc.close()
          await database[Symbol.asyncDispose]()
        },
      }
    },
  }
}

/** Commits one transaction with one event per payload. */
async function commit(db: Db, ...events: Array<{ type?: string; n: number }>): Promise<void> {
  await db.transaction().execute((tx) => appendToOutbox(tx, systemClock, events.map((e) => ({ type: e.type ?? DIAG, data: { n: e.n } }))))
}

const numbers = (events: readonly HubEvent[]) => events.map((e) => (e.data as { n: number }).n)
const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i)

async function waitFor(what: string, ok: () => boolean, ms = 10_000): Promise<void> {
  const until = Date.now() + ms
  while (!ok()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 10))
  }
}

/** A subscription that records what it handled. */
function recorder(bus: Bus, name: string, types: readonly string[] | '*' = '*'): HubEvent[] {
  const seen: HubEvent[] = []
  bus.subscribe(name, types, async (e) => { seen.push(e) })
  return seen
}

const fixtures = [inProcess('sqlite'), inProcess('postgres'), nats()]

for (const fx of fixtures) {
  describe(`bus contract [${fx.name}]`, fx.skip ? { skip: fx.skip } : {}, () => {
    test('every event reaches each of two consumers once, in commit order', async () => {
      await using world = await fx.open()
      const bus = world.bus()
      const a = recorder(bus, 'a')
      const b = recorder(bus, 'b')
      await bus.start()
      await commit(world.db, { n: 0 }, { n: 1 }, { n: 2 })
      bus.notify()
      for (const n of range(3, 20)) await commit(world.db, { n })
      bus.notify()
      await waitFor('both consumers', () => a.length >= 20 && b.length >= 20)
      await new Promise((r) => setTimeout(r, 50)) // room for a wrong second delivery to show up
      assert.deepEqual(numbers(a), range(0, 20))
      assert.deepEqual(numbers(b), range(0, 20))
      assert.equal(new Set(a.map((e) => e.id)).size, 20)
      assert.deepEqual(a.map((e) => e.id), b.map((e) => e.id))
      assert.ok(a.every((e, i) => i === 0 || e.seq > a[i - 1]!.seq), 'seq increases')
      assert.ok(a.every((e) => e.type === DIAG && typeof e.time === 'string'))
    })

    test('a consumer gets only the types it subscribed to', async () => {
      await using world = await fx.open()
      const bus = world.bus()
      const diag = recorder(bus, 'diag', [DIAG])
      const org = recorder(bus, 'org', [ORG])
      const both = recorder(bus, 'both', [DIAG, ORG])
      await bus.start()
      await commit(world.db, ...range(0, 10).map((n) => ({ n, type: n % 3 === 0 ? ORG : DIAG })))
      bus.notify()
      await waitFor('all consumers', () => both.length >= 10 && diag.length >= 6 && org.length >= 4)
      await new Promise((r) => setTimeout(r, 50))
      assert.deepEqual(numbers(org), [0, 3, 6, 9])
      assert.deepEqual(numbers(diag), [1, 2, 4, 5, 7, 8])
      assert.deepEqual(numbers(both), range(0, 10))
    })

    test('a handler that throws gets the event again, and does not hold up other consumers', async () => {
      await using world = await fx.open()
      const bus = world.bus()
      let broken = true
      const attempts = new Map<number, number>()
      const done = new Set<number>()
      bus.subscribe('flaky', '*', async (e) => {
        const n = (e.data as { n: number }).n
        attempts.set(n, (attempts.get(n) ?? 0) + 1)
        if (n === 2 && broken) throw new Error('tijdelijk stuk')
        done.add(n)
      })
      const steady = recorder(bus, 'steady')
      await bus.start()
      await commit(world.db, ...range(0, 5).map((n) => ({ n })))
      bus.notify()
      await waitFor('the steady consumer and a retry', () => steady.length === 5 && (attempts.get(2) ?? 0) >= 2)
      assert.deepEqual(numbers(steady), range(0, 5))
      assert.ok(!done.has(2))
      broken = false
      await waitFor('the flaky consumer to catch up', () => done.size === 5)
      assert.deepEqual([...done].sort(), range(0, 5))
      assert.ok(attempts.get(2)! >= 3, 'the failed event came back until it succeeded')
    })

    test('events committed while the bus was stopped arrive after start, and earlier ones do not come back', async () => {
      await using world = await fx.open()
      const first = world.bus()
      const before = recorder(first, 'duurzaam')
      await first.start()
      await commit(world.db, { n: 0 }, { n: 1 }, { n: 2 })
      first.notify()
      await waitFor('the first three', () => before.length === 3)
      await first.stop()

      await commit(world.db, { n: 3 }, { n: 4 })
      await commit(world.db, { n: 5 })
      const second = world.bus()
      const after = recorder(second, 'duurzaam')
      await second.start()
      await waitFor('the events committed while stopped', () => after.length >= 3)
      await new Promise((r) => setTimeout(r, 50))
      assert.deepEqual(numbers(after), [3, 4, 5])
    })

    test('an event written in a transaction that rolls back is never delivered', async () => {
      await using world = await fx.open()
      const bus = world.bus()
      const seen = recorder(bus, 'c')
      await bus.start()
      await assert.rejects(world.db.transaction().execute(async (tx) => {
        await appendToOutbox(tx, systemClock, [{ type: DIAG, data: { n: -1 } }])
        throw new Error('rollback')
      }), /rollback/)
      await commit(world.db, { n: 1 })
      bus.notify()
      await waitFor('the committed event', () => seen.length >= 1)
      await new Promise((r) => setTimeout(r, 100))
      assert.deepEqual(numbers(seen), [1])
    })

    test('stop() waits for a running handler', async () => {
      await using world = await fx.open()
      const bus = world.bus()
      let release!: () => void
      const gate = new Promise<void>((r) => { release = r })
      let started = false
      let finished = false
      bus.subscribe('traag', '*', async () => { started = true; await gate; finished = true })
      await bus.start()
      await commit(world.db, { n: 0 })
      bus.notify()
      await waitFor('the handler to start', () => started)
      let stopped = false
      const stopping = bus.stop().then(() => { stopped = true })
      await new Promise((r) => setTimeout(r, 50))
      assert.equal(stopped, false)
      release()
      await stopping
      assert.equal(finished, true)
    })

    test('two instances with the same consumer name handle each event once between them', fx.sharesWork ? {} : {
      skip: 'the in-process bus is single-instance per database (docs/events.md); use NATS for more instances',
    }, async () => {
      await using world = await fx.open()
      const handled: Array<{ by: string; id: string }> = []
      const buses = ['x', 'y'].map((by) => {
        const bus = world.bus()
        bus.subscribe('gedeeld', '*', async (e) => {
          handled.push({ by, id: e.id })
          await new Promise((r) => setTimeout(r, 1)) // lets the other instance pull meanwhile
        })
        return bus
      })
      await Promise.all(buses.map((b) => b.start()))
      for (const n of range(0, 8)) await commit(world.db, ...range(0, 5).map((i) => ({ n: n * 5 + i })))
      for (const b of buses) b.notify()
      await waitFor('40 events', () => handled.length >= 40)
      await new Promise((r) => setTimeout(r, 200))
      assert.equal(handled.length, 40)
      assert.equal(new Set(handled.map((h) => h.id)).size, 40)
      const left = await world.db.selectFrom('outbox').select('seq').where('doorgegeven', 'is', null).execute()
      assert.equal(left.length, 0, 'every outbox row is marked as passed on')
    })

    test('a batch consumer takes the pending events in turns of at most maxBatch, each once, in commit order', async () => {
      await using world = await fx.open()
      const bus = world.bus()
      const turns: HubEvent[][] = []
      bus.subscribeBatch('partij', [DIAG], async (events) => { turns.push([...events]) }, { maxBatch: 7 })
      const single = recorder(bus, 'enkel', [DIAG])
      // Committed before start: all pending at once, so turns must be batches.
      await commit(world.db, ...range(0, 30).map((n) => ({ n })), { n: 99, type: ORG })
      await bus.start()
      await waitFor('all 30 in turns', () => turns.flat().length >= 30 && single.length >= 30)
      await new Promise((r) => setTimeout(r, 100))
      const all = turns.flat()
      assert.deepEqual(numbers(all), range(0, 30))
      assert.ok(turns.every((t) => t.length >= 1 && t.length <= 7), `turn sizes ${turns.map((t) => t.length)}`)
      assert.ok(turns.some((t) => t.length > 1), `pending events came in batches, not one by one: ${turns.map((t) => t.length)}`)
      assert.ok(turns.length < 30)
      assert.deepEqual(numbers(single), range(0, 30))

      // Later events, one commit each while the consumer is idle, still arrive (a batch does not wait to fill).
      await commit(world.db, { n: 30 })
      bus.notify()
      await waitFor('the event committed while idle', () => turns.flat().length === 31)
      assert.deepEqual(numbers(turns.at(-1)!), [30])
    })

    test('a failure inside a batch: the unacknowledged events come back, the good ones beside the bad one get through', async () => {
      await using world = await fx.open()
      const bus = world.bus()
      let broken = true
      const attempts = new Map<number, number>()
      const succeeded = new Map<number, number>()
      const turnSizes: number[] = []
      bus.subscribeBatch('breekbaar', '*', async (events) => {
        turnSizes.push(events.length)
        for (const e of events) { const n = (e.data as { n: number }).n; attempts.set(n, (attempts.get(n) ?? 0) + 1) }
        if (broken && events.some((e) => (e.data as { n: number }).n === 2)) throw new Error('tijdelijk stuk')
        for (const e of events) { const n = (e.data as { n: number }).n; succeeded.set(n, (succeeded.get(n) ?? 0) + 1) }
      }, { maxBatch: 10 })
      await commit(world.db, ...range(0, 5).map((n) => ({ n })))
      await bus.start()
      await waitFor('the failed turn to come back, and the good events before the bad one to get through', () =>
        (attempts.get(2) ?? 0) >= 3 && succeeded.has(0) && succeeded.has(1))
      assert.ok(turnSizes[0]! > 1, 'the first turn was a batch')
      assert.ok(!succeeded.has(2))
      broken = false
      await waitFor('every event handled', () => succeeded.size === 5)
      await new Promise((r) => setTimeout(r, 100))
      for (const n of range(0, 5)) assert.ok((attempts.get(n) ?? 0) >= 2, `event ${n} of the failed turn came back`)
      assert.deepEqual([...succeeded.keys()].sort(), range(0, 5))
      assert.ok([...succeeded.values()].every((x) => x === 1), 'an acknowledged event is not handed again')
    })

    test('maxBatch is checked when subscribing', async () => {
      await using world = await fx.open()
      const bus = world.bus()
      assert.throws(() => bus.subscribeBatch('nul', '*', async () => {}, { maxBatch: 0 }), { code: 'events.batch-ongeldig' })
      assert.throws(() => bus.subscribeBatch('half', '*', async () => {}, { maxBatch: 1.5 }), { code: 'events.batch-ongeldig' })
    })

    test('ping() answers while started', async () => {
      await using world = await fx.open()
      const bus = world.bus()
      recorder(bus, 'p')
      await bus.start()
      await bus.ping()
    })
  })
}
