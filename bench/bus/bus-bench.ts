/**
 * Bus benchmark: events/s and publish→handled latency through the hub's NATS bus (outbox write in a transaction →
 * relay → JetStream → durable pull consumer → handler) beside a raw JetStream publish → consume of the same payloads
 * on the same server, same run. The in-process bus on the same store is printed for reference.
 *
 * Run: NATS_URL=nats://127.0.0.1:4222 [DATABASE_URL=…] npx tsx bench/bus/bus-bench.ts [--events 20000] [--batch 100]
 * Without DATABASE_URL the store is a SQLite file in a temp folder.
 */
import { randomBytes, randomUUID } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { AckPolicy, connect, DeliverPolicy, StorageType, type NatsConnection } from 'nats'
import { pgTestSchema } from '../../test/support/pg-schema.js'
import { createNatsBus } from '../../src/adapters/bus/index.js'
import { openMigratedDatabase, type StoreConfig } from '../../src/adapters/store/index.js'
import { systemClock } from '../../src/core/index.js'
import { appendToOutbox, createInProcessBus, type Bus } from '../../src/platform/events/index.js'
import type { Db } from '../../src/platform/tables.js'

const arg = (name: string, fallback: number) => Number(process.argv[process.argv.indexOf(`--${name}`) + 1]) || fallback
const EVENTS = arg('events', 20_000)
const BATCH = arg('batch', 100)
const TYPE = 'knooppunt.diagnose.v1'
const natsUrl = process.env.NATS_URL ?? 'nats://127.0.0.1:4222'
const databaseUrl = process.env.DATABASE_URL
const id = randomBytes(4).toString('hex')

interface Result { readonly eventsPerSec: number; readonly p50: number; readonly p99: number }
/** How events are offered: `events` in groups of `batch` (one transaction or publish round), `gapMs` between groups. */
interface Load { readonly events: number; readonly batch: number; readonly gapMs: number }

/** As fast as the writer can: throughput. */
const SATURATED: Load = { events: EVENTS, batch: BATCH, gapMs: 0 }
/** One event per transaction every 2 ms: latency when the bus is not the bottleneck. */
const PACED: Load = { events: 1000, batch: 1, gapMs: 2 }

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/** Tracks one run: latencies in ms and when the last event arrived. */
function tracker(expected: number, onDone: () => void) {
  const latencies: number[] = []
  const start = performance.now()
  return {
    seen(sentAt: number) {
      latencies.push(performance.now() - sentAt)
      if (latencies.length === expected) onDone()
    },
    result(): Result {
      const seconds = (performance.now() - start) / 1000
      const sorted = latencies.sort((a, b) => a - b)
      const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN
      return { eventsPerSec: latencies.length / seconds, p50: at(0.5), p99: at(0.99) }
    },
  }
}

/** Raw JetStream: publish batches (awaiting the acks), a durable pull consumer acks every message. */
async function rawJetStream(nc: NatsConnection, load: Load): Promise<Result> {
  const run = randomBytes(2).toString('hex')
  const stream = `KBENCH_RAW_${id}_${run}`
  const prefix = `kbraw${id}${run}`
  const jsm = await nc.jetstreamManager()
  await jsm.streams.add({ name: stream, subjects: [`${prefix}.>`], storage: StorageType.File })
  await jsm.consumers.add(stream, { durable_name: 'bench', ack_policy: AckPolicy.Explicit, deliver_policy: DeliverPolicy.All, max_ack_pending: 1000 })
  const js = nc.jetstream()
  const messages = await (await js.consumers.get(stream, 'bench')).consume({ max_messages: 256 })
  let finish!: () => void
  const finished = new Promise<void>((r) => { finish = r })
  const t = tracker(load.events, finish)
  const consuming = (async () => {
    for await (const m of messages) {
      const e = JSON.parse(m.string()) as { data: { t: number } }
      t.seen(e.data.t)
      m.ack()
    }
  })()
  for (let i = 0; i < load.events; i += load.batch) {
    if (load.gapMs) await sleep(load.gapMs)
    const sentAt = performance.now()
    await Promise.all(Array.from({ length: Math.min(load.batch, load.events - i) }, (_, j) => {
      const msgId = randomUUID()
      const body = JSON.stringify({ seq: i + j + 1, id: msgId, type: TYPE, data: { i: i + j, t: sentAt }, time: new Date().toISOString() })
      return js.publish(`${prefix}.${TYPE}`, body, { msgID: msgId })
    }))
  }
  await finished
  const result = t.result()
  messages.stop()
  await consuming
  await jsm.streams.delete(stream)
  return result
}

/** Through a hub bus: one transaction per batch writes the outbox rows, then `notify()`. */
async function throughBus(db: Db, bus: Bus, load: Load): Promise<Result> {
  let finish!: () => void
  const finished = new Promise<void>((r) => { finish = r })
  let t: ReturnType<typeof tracker> | undefined
  bus.subscribe('bench', [TYPE], async (e) => { t!.seen((e.data as { t: number }).t) })
  await bus.start()
  t = tracker(load.events, finish)
  for (let i = 0; i < load.events; i += load.batch) {
    if (load.gapMs) await sleep(load.gapMs)
    const sentAt = performance.now()
    const events = Array.from({ length: Math.min(load.batch, load.events - i) }, (_, j) => ({ type: TYPE, data: { i: i + j, t: sentAt } }))
    await db.transaction().execute((tx) => appendToOutbox(tx, systemClock, events))
    bus.notify()
  }
  await finished
  const result = t.result()
  await bus.stop()
  return result
}

/** A fresh, migrated store: a schema of its own on PostgreSQL, a temp folder on SQLite. */
async function freshStore(): Promise<{ db: Db; label: string; close(): Promise<void> }> {
  if (databaseUrl) {
    const { schema, drop } = await pgTestSchema(databaseUrl, `bench_${id}`)
    const database = await openMigratedDatabase({ kind: 'postgres', url: databaseUrl, schema, poolSize: 4 })
    return { db: database.db, label: 'PostgreSQL', close: async () => { await database.close(); await drop() } }
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'kp-bus-bench-'))
  const config: StoreConfig = { kind: 'sqlite', dataDir }
  const database = await openMigratedDatabase(config)
  return { db: database.db, label: 'SQLite (file)', close: async () => { await database.close(); rmSync(dataDir, { recursive: true, force: true }) } }
}

const latency = (r: Result) => `latency p50 ${r.p50.toFixed(1)} ms, p99 ${r.p99.toFixed(1)} ms`
const fmt = (r: Result) => `${r.eventsPerSec.toFixed(0).padStart(7)} events/s, latency p50 ${r.p50.toFixed(1)} ms, p99 ${r.p99.toFixed(1)} ms`

/** The hub's NATS bus on a fresh store and stream. */
async function hubNats(nc: NatsConnection, load: Load): Promise<Result> {
  const store = await freshStore()
  const run = randomBytes(2).toString('hex')
  const stream = `KBENCH_HUB_${id}_${run}`
  const bus = createNatsBus({ db: store.db, clock: systemClock, url: natsUrl, stream, subjectPrefix: `kbhub${id}${run}` })
  try {
    return await throughBus(store.db, bus, load)
  } finally {
    await (await nc.jetstreamManager()).streams.delete(stream)
    await store.close()
  }
}

/** The in-process bus on a fresh store. */
async function hubInProcess(load: Load): Promise<Result> {
  const store = await freshStore()
  try {
    return await throughBus(store.db, createInProcessBus({ db: store.db, clock: systemClock }), load)
  } finally {
    await store.close()
  }
}

async function main() {
  const nc = await connect({ servers: natsUrl })
  const version = nc.info?.version ?? '?'
  const raw = await rawJetStream(nc, SATURATED)
  const hub = await hubNats(nc, SATURATED)
  const inProcess = await hubInProcess(SATURATED)
  const rawPaced = await rawJetStream(nc, PACED)
  const hubPaced = await hubNats(nc, PACED)
  const inProcessPaced = await hubInProcess(PACED)
  await nc.close()

  const store = databaseUrl ? 'PostgreSQL' : 'SQLite (file)'
  console.log(`Bus benchmark — NATS ${version}, store ${store}`)
  console.log(`Throughput: ${EVENTS} events, ${BATCH} per transaction / publish round, as fast as possible`)
  console.log(`  raw JetStream publish → consume       : ${fmt(raw)}`)
  console.log(`  hub NATS bus outbox → relay → handler : ${fmt(hub)}`)
  console.log(`  ratio hub/raw throughput              : ${(hub.eventsPerSec / raw.eventsPerSec).toFixed(3)}`)
  console.log(`  (reference) in-process bus            : ${fmt(inProcess)}`)
  console.log(`Latency: ${PACED.events} events, one per transaction / publish every ${PACED.gapMs} ms`)
  console.log(`  raw JetStream publish → consume       : ${latency(rawPaced)}`)
  console.log(`  hub NATS bus outbox → relay → handler : ${latency(hubPaced)}`)
  console.log(`  (reference) in-process bus            : ${latency(inProcessPaced)}`)
}

await main()
