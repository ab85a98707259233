/**
 * Samenloop event-driven benchmark (issue 4): source events into a running hub, each one through the whole chain —
 *
 *   POST /bronnen/uwv-polis/gebeurtenissen (fact stored, ledger, outbox) → bus → samenloop matching (signal, ledger,
 *   outbox) → bus → delivery planning → webhook worker (guard, CloudEvent, Standard Webhooks signature, POST, ledger)
 *   → a local node:http receiver
 *
 * — at a fixed pace (default 500 events/s for 60 s, at most 64 requests in flight), and prints p50/p99 from "201
 * arrived" to "webhook arrived", the send rate achieved, delivered/expected, the backlog drain time after sending
 * stops, and the same latency split per stage (from the timestamps the hub stored). Beside it, same run, same server:
 * a raw JetStream publish → consume of as many messages at the same pace, and the ratio.
 *
 * The hub runs in a child process (as a served hub would), so the load generator and the receiver do not share its
 * event loop; the child reports its own CPU time and event-loop delay over the sending window. Every module of a
 * served hub is registered (`hubModules`), so OIB and KOT consume the same fact events as samenloop does.
 *
 * Store: SQLite file by default, PostgreSQL (a fresh schema, dropped afterwards) with DATABASE_URL. Bus: NATS
 * JetStream when NATS_URL is set — on a stream and subject prefix of its own, deleted afterwards, so a hub or test
 * on the same server is not disturbed — else the in-process bus. The raw peer uses NATS_URL or nats://127.0.0.1:4222.
 *
 *   [DATABASE_URL=postgres://…] [NATS_URL=nats://127.0.0.1:4222] node --import tsx bench/samenloop/event-bench.ts
 *     [--per-seconde 500] [--seconden 60] [--populatie 10000] [--in-vlucht 64] [--uitloop 120] [--profiel <dir>]
 *
 * `--alleen-intake` registers no bus consumers: only the HTTP intake runs (token, client, fact + ledger + outbox), so
 * its CPU time per event can be read from the hub's CPU share and the accepted rate; no webhooks arrive (use
 * `--uitloop 1`).
 * `--webhook-gelijktijdig N` runs the webhook worker with at most N sends in flight (KNOOPPUNT_WEBHOOK_GELIJKTIJDIG;
 *   default 32).
 * `--zonder-raw` skips the raw JetStream peer (for A/B runs of the hub alone).
 * `--profiel <dir>` writes a V8 CPU profile of the hub process to that folder (open it in Chrome DevTools).
 * `--sql-tijden` times every statement the hub runs and prints the statements that took the most time while sending:
 * on SQLite the time on the event loop (prepare and run), on PostgreSQL the round trip of each query (several run at
 * once, so the shares can add up to more than 100 %) and the wait for a pooled connection.
 */
import { fork, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { Agent, createServer, request } from 'node:http'
import { cpus, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { monitorEventLoopDelay, performance } from 'node:perf_hooks'
import { fileURLToPath } from 'node:url'
import { AckPolicy, connect, DeliverPolicy, StorageType } from 'nats'
import pg from 'pg'
import SqliteDatabase from 'better-sqlite3'
import { Webhook } from 'standardwebhooks'
import { pgTestSchema } from '../../test/support/pg-schema.js'
import { createHub } from '../../src/app.js'
import { hubModules } from '../../src/cli/hub-options.js'
import type { HubConfig } from '../../src/config.js'
import { completeBsn } from '../../src/core/index.js'
import { benchOrganisaties } from '../support/bench-organisaties.js'

const arg = (name: string, fallback: number) => Number(process.argv[process.argv.indexOf(`--${name}`) + 1]) || fallback
const PER_SECONDE = arg('per-seconde', 500)
const SECONDEN = arg('seconden', 60)
const POPULATIE = arg('populatie', 10_000)
const IN_VLUCHT = arg('in-vlucht', 64)
const UITLOOP_S = arg('uitloop', 120)
const AANTAL = PER_SECONDE * SECONDEN
/** Only the HTTP intake (no bus consumers, so no signals or webhooks): its CPU per event on its own. */
const ALLEEN_INTAKE = process.argv.includes('--alleen-intake')
/** Webhook sends in flight at most (the delivery module's `concurrency`); 0 = the served hub's default (32). */
const WEBHOOK_GELIJKTIJDIG = arg('webhook-gelijktijdig', 0)
/** Skip the raw JetStream peer (A/B runs of the hub alone). */
const ZONDER_RAW = process.argv.includes('--zonder-raw')
/** The month every event's wage is for: recent, so the fact is within retention and inside the indication. */
const PERIODE = '2026-10'
const run = randomBytes(3).toString('hex')
/** Wall-clock milliseconds with sub-ms resolution, comparable across the two processes and with the hub's ISO times. */
const nu = () => performance.timeOrigin + performance.now()

/** What the hub process tells the load process once it listens. */
interface Klaar { type: 'klaar'; hubUrl: string; bronToken: string; secret: string; bsns: string[]; store: string; bus: string }
/**
 * Per signal, the hub's own timestamps (ms since epoch) of each stage: the signal row, its outbox event written and
 * relayed to the bus (`outbox.aangemaakt`, `outbox.doorgegeven`), the planning consumer's turn that took it (start and
 * end, bench instrumentation), the delivery row and the first attempt.
 */
interface Stadium {
  ikv: string; signaal: number; signaalEvent?: number; signaalDoorgegeven?: number; planningStart?: number
  aflevering?: number; poging?: number; pogingen: number; mislukt: number
}
/**
 * Per delivery (event), the hub's own timestamps: intake stamped (`leveringen.ontvangen`), its group's transaction
 * began (`leveringen.verwerkt`), its fact event written to the outbox and relayed (`doorgegeven`: after JetStream's
 * ack of the relay round, so an upper bound), and the samenloop matching turn that took it (start, end after commit).
 */
interface Levering { ontvangen: number; verwerkt?: number; event?: number; doorgegeven?: number; matchStart?: number; matchEind?: number }
interface Meting { type: 'meting'; cpuMs: number; wandMs: number; lusP99: number; lusMax: number }
/** The hub's CPU time from the start of sending until every webhook arrived (work left at the end counts too). */
interface CpuTot { type: 'cpu-tot'; cpuMs: number; wandMs: number }
interface Stadia { type: 'stadia'; stadia: Stadium[]; leveringen: Record<string, Levering>; fouten: Record<string, number> }

const ms = (iso: string | null | undefined) => (iso ? Date.parse(iso) : undefined)

// ───────────────────────────── hub process ─────────────────────────────

/** Per SQL text: prepares, runs, total and longest time (ms). SQLite runs statements synchronously on the event loop. */
const sqlTijden = new Map<string, { prepare: number; prepareMs: number; runs: number; runMs: number; maxMs: number }>()
let sqlMeten = false

/** Wraps better-sqlite3's prepare and the statement methods Kysely uses, to time each statement by its SQL text. */
function meetSql(): void {
  const proto = SqliteDatabase.prototype as unknown as { prepare(sql: string): Record<string, unknown> }
  const prepare = proto.prepare
  proto.prepare = function (this: unknown, sql: string) {
    const t0 = performance.now()
    const stmt = prepare.call(this, sql)
    const key = sql.replace(/\s+/g, ' ').slice(0, 160)
    const e = sqlTijden.get(key) ?? { prepare: 0, prepareMs: 0, runs: 0, runMs: 0, maxMs: 0 }
    if (sqlMeten) { e.prepare++; e.prepareMs += performance.now() - t0; sqlTijden.set(key, e) }
    for (const m of ['all', 'run', 'get']) {
      const f = stmt[m] as (...a: unknown[]) => unknown
      stmt[m] = (...a: unknown[]) => {
        const t1 = performance.now()
        try { return f.apply(stmt, a) } finally {
          if (sqlMeten) { const d = performance.now() - t1; e.runs++; e.runMs += d; e.maxMs = Math.max(e.maxMs, d); sqlTijden.set(key, e) }
        }
      }
    }
    return stmt
  }
}

/**
 * PostgreSQL: wraps pg's `Client.query` (what Kysely's driver calls) to time each statement by its SQL text, round
 * trip included, and `Pool.connect` to time the wait for a pooled connection.
 */
function meetPgSql(): void {
  const proto = pg.Client.prototype as unknown as { query(...a: unknown[]): unknown }
  const query = proto.query
  proto.query = function (this: unknown, ...a: unknown[]) {
    const r = query.apply(this, a)
    const tekst = typeof a[0] === 'string' ? a[0] : (a[0] as { text?: string } | undefined)?.text
    if (!sqlMeten || typeof tekst !== 'string' || !(r instanceof Promise)) return r
    const t0 = performance.now()
    const key = tekst.replace(/\s+/g, ' ').replace(/(\$\d+, )+\$\d+/g, '$…').slice(0, 160)
    const e = sqlTijden.get(key) ?? { prepare: 0, prepareMs: 0, runs: 0, runMs: 0, maxMs: 0 }
    sqlTijden.set(key, e)
    const klaar = () => { const d = performance.now() - t0; e.runs++; e.runMs += d; e.maxMs = Math.max(e.maxMs, d) }
    r.then(klaar, klaar)
    return r
  }
  const pool = pg.Pool.prototype as unknown as { connect(...a: unknown[]): unknown }
  const connect = pool.connect
  pool.connect = function (this: unknown, ...a: unknown[]) {
    const r = connect.apply(this, a)
    if (!sqlMeten || !(r instanceof Promise)) return r
    const t0 = performance.now()
    const e = sqlTijden.get('(wait for a pooled connection)') ?? { prepare: 0, prepareMs: 0, runs: 0, runMs: 0, maxMs: 0 }
    sqlTijden.set('(wait for a pooled connection)', e)
    const klaar = () => { const d = performance.now() - t0; e.runs++; e.runMs += d; e.maxMs = Math.max(e.maxMs, d) }
    r.then(klaar, klaar)
    return r
  }
}

/** The hub, composed by `createHub` with a NATS stream of its own, instrumented through `onContext`. */
async function hubProces(receiverUrl: string): Promise<void> {
  const send = (m: unknown) => process.send!(m)
  const dataDir = mkdtempSync(join(tmpdir(), 'kp-event-bench-'))
  const databaseUrl = process.env.DATABASE_URL || undefined
  const natsUrl = process.env.NATS_URL || undefined
  const pgSchema = databaseUrl ? await pgTestSchema(databaseUrl, 'bench_evt') : undefined
  const schema = pgSchema?.schema
  const stream = `KBENCH_EVT_HUB_${run}`
  const config: HubConfig = {
    mode: 'test', dataDir, databaseUrl, databaseSchema: schema, natsUrl, natsStream: stream, host: '127.0.0.1', port: 0, publicUrl: 'http://localhost:8080',
    masterKeyHex: randomBytes(32).toString('hex'), logLevel: 'silent', webhookConcurrency: WEBHOOK_GELIJKTIJDIG || undefined, rateLimitPerMinute: 0, bodyLimitBytes: 1 << 20, oidc: { mode: 'embedded' },
  }
  if (process.argv.includes('--sql-tijden')) { if (databaseUrl) meetPgSql(); else meetSql() }
  // Time measured inside the hub: each bus consumer's handler, and each ledger append (on PostgreSQL that includes
  // waiting for the ledger head's row lock, which serialises every writer of ledger lines).
  const duur = new Map<string, number[]>()
  let duurMeten = false
  const timed = async <T>(naam: string, f: () => Promise<T>): Promise<T> => {
    const t0 = performance.now()
    try { return await f() } finally { if (duurMeten) { const l = duur.get(naam) ?? []; l.push(performance.now() - t0); duur.set(naam, l) } }
  }
  // When a batch consumer's turn took each event (first start, last end), by the event's own key (the delivery of a
  // fact event, the signal of a signal event): the bus hop and the queue before a turn, and the turn itself.
  const beurten = new Map<string, { start: number; eind: number }>()
  const beurtSleutel = (consument: string, data: unknown) => {
    const d = data as { leveringId?: string; signaalId?: string }
    return `${consument}\u0000${d.leveringId ?? d.signaalId ?? ''}`
  }
  const hub = await createHub(config, {
    modules: hubModules(config),
    onContext(ctx) {
      if (ALLEEN_INTAKE) { ctx.bus.subscribe = () => {}; ctx.bus.subscribeBatch = () => {}; return }
      const subscribe = ctx.bus.subscribe.bind(ctx.bus)
      ctx.bus.subscribe = (name, types, handler) => subscribe(name, types, (e) => timed(`bus consumer ${name}`, () => handler(e)))
      // Batch consumers: the time per turn, and how many events a turn took.
      const subscribeBatch = ctx.bus.subscribeBatch.bind(ctx.bus)
      ctx.bus.subscribeBatch = (name, types, handler, options) => subscribeBatch(name, types, async (events) => {
        if (duurMeten) { const l = duur.get(`  events per turn of ${name}`) ?? []; l.push(events.length); duur.set(`  events per turn of ${name}`, l) }
        const start = nu()
        await timed(`bus consumer ${name} (per turn)`, () => handler(events))
        const eind = nu()
        for (const e of events) { const k = beurtSleutel(name, e.data); beurten.set(k, { start: beurten.get(k)?.start ?? start, eind }) }
      }, options)
      const record = ctx.ledger.record.bind(ctx.ledger)
      ctx.ledger.record = (tx, lines) => timed('ledger.record (in a transaction)', () => record(tx, lines))
    },
  })
  const { database } = hub.ctx
  const http = hub.http
  const hubUrl = await hub.listen()

  // A gemeente with its samenloop population and one webhook subscription; a source (UWV) with a client.
  const { gemeenteToken: gToken, bronToken: bronToken } = await benchOrganisaties(hub.ctx)

  const bsns: string[] = []
  for (let i = 30_000_000; bsns.length < POPULATIE; i++) { const b = completeBsn(String(i)); if (b) bsns.push(b) }
  const auth = { authorization: `Bearer ${gToken}` }
  const pop = await http.inject({ method: 'PUT', url: '/api/v1/populaties/samenloop', headers: { ...auth, 'content-type': 'text/csv' },
    payload: `bsn;ingangsdatum;einddatum;referentie\n${bsns.map((b) => `${b};2026-01-01;;`).join('\n')}\n` })
  if (pop.statusCode !== 200) throw new Error(`populatie: ${pop.statusCode} ${pop.body}`)
  const ab = await http.inject({ method: 'POST', url: '/api/v1/abonnementen', headers: auth, payload: { url: receiverUrl, producten: ['samenloop'] } })
  if (ab.statusCode !== 201) throw new Error(`abonnement: ${ab.statusCode} ${ab.body}`)
  const secret = (ab.json() as { secret: string }).secret

  let cpu0 = process.cpuUsage()
  let wand0 = nu()
  const lus = monitorEventLoopDelay({ resolution: 10 })
  process.on('message', async (m: { type: string }) => {
    if (m.type === 'meet-start') { cpu0 = process.cpuUsage(); wand0 = nu(); lus.reset(); lus.enable(); sqlMeten = true; duurMeten = true }
    if (m.type === 'meet-stop') {
      lus.disable()
      sqlMeten = false
      duurMeten = false
      const wandS = (nu() - wand0) / 1000
      console.log('hub-internal durations while sending (calls/s, mean, p99, busy share of the wall time):')
      for (const [naam, l] of [...duur].sort()) {
        const q = kwantielen(l)
        const som = l.reduce((a, b) => a + b, 0)
        if (naam.startsWith('  events per turn')) console.log(`  ${naam.trim().padEnd(44)} mean ${(som / l.length).toFixed(1)}  p99 ${f1(q.p99)}  max ${f1(q.max)}`)
        else console.log(`  ${naam.padEnd(44)} ${(l.length / wandS).toFixed(0).padStart(5)}/s  mean ${(som / l.length).toFixed(1)} ms  p99 ${f1(q.p99)} ms  busy ${(som / wandS / 10).toFixed(0)} %`)
      }
      if (sqlTijden.size) {
        const wand = nu() - wand0
        const top = [...sqlTijden].sort((a, b) => (b[1].runMs + b[1].prepareMs) - (a[1].runMs + a[1].prepareMs)).slice(0, 15)
        const som = [...sqlTijden.values()].reduce((n, e) => n + e.runMs + e.prepareMs, 0)
        const runs = [...sqlTijden].filter(([k]) => !k.startsWith('(')).reduce((n, [, e]) => n + e.runs, 0)
        console.log(`SQL while sending: ${(som / wand * 100).toFixed(0)} % of the wall time (${sqlTijden.size} statements, ${runs} runs = ${(runs / Math.max(1, (m as { geaccepteerd?: number }).geaccepteerd ?? 0)).toFixed(1)} per accepted event)`)
        for (const [sql, e] of top) console.log(`  ${((e.runMs + e.prepareMs) / wand * 100).toFixed(1).padStart(5)} %  runs ${String(e.runs).padStart(6)}  mean ${(e.runMs / Math.max(1, e.runs)).toFixed(2)} ms  max ${e.maxMs.toFixed(0)} ms  prepare ${e.prepareMs.toFixed(0)} ms  ${sql}`)
      }
      const c = process.cpuUsage(cpu0)
      send({ type: 'meting', cpuMs: (c.user + c.system) / 1000, wandMs: nu() - wand0, lusP99: lus.percentile(99) / 1e6, lusMax: lus.max / 1e6 } satisfies Meting)
    }
    if (m.type === 'cpu-tot') {
      const c = process.cpuUsage(cpu0)
      send({ type: 'cpu-tot', cpuMs: (c.user + c.system) / 1000, wandMs: nu() - wand0 } satisfies CpuTot)
    }
    if (m.type === 'analyse') {
      const { db } = database
      const signalen = await db.selectFrom('signalen').select(['id', 'gegevens', 'aangemaakt']).where('soort', '=', 'inkomsten').execute()
      const afleveringen = await db.selectFrom('afleveringen').select(['id', 'signaal_id', 'aangemaakt']).execute()
      const pogingen = await db.selectFrom('afleverpogingen').select(['aflevering_id', 'tijdstip', 'http_status', 'fout']).orderBy('seq').execute()
      const fouten: Record<string, number> = {}
      for (const p of pogingen) if (p.fout) fouten[p.fout] = (fouten[p.fout] ?? 0) + 1
      const leveringen = await db.selectFrom('leveringen').select(['levering_id', 'ontvangen', 'verwerkt']).where('bron', '=', 'uwv-polis').execute()
      const outbox = await db.selectFrom('outbox').select(['type', 'data', 'aangemaakt', 'doorgegeven'])
        .where('type', 'in', ['knooppunt.feiten.vastgelegd.v1', 'knooppunt.signaal.aangemaakt.v1']).execute()
      const events = new Map(outbox.map((o) => {
        const d = JSON.parse(o.data) as { leveringId?: string; signaalId?: string }
        return [d.leveringId ?? d.signaalId ?? '', { event: ms(o.aangemaakt)!, doorgegeven: ms(o.doorgegeven) }]
      }))
      const beurt = (consument: string, id: string) => beurten.get(`${consument}\u0000${id}`)
      const perSignaal = new Map(afleveringen.map((a) => [a.signaal_id, a]))
      const perAflevering = new Map<string, { eerste: string; n: number; mislukt: number }>()
      for (const p of pogingen) {
        const e = perAflevering.get(p.aflevering_id) ?? { eerste: p.tijdstip, n: 0, mislukt: 0 }
        e.n++
        if (p.http_status === null || p.http_status >= 300) e.mislukt++
        perAflevering.set(p.aflevering_id, e)
      }
      const stadia = signalen.map((s): Stadium => {
        const a = perSignaal.get(s.id)
        const p = a ? perAflevering.get(a.id) : undefined
        const e = events.get(s.id)
        return { ikv: String((JSON.parse(s.gegevens) as { inkomstenverhoudingId: string }).inkomstenverhoudingId), signaal: ms(s.aangemaakt)!,
          signaalEvent: e?.event, signaalDoorgegeven: e?.doorgegeven, planningStart: beurt('webhook-afleveringen', s.id)?.start,
          aflevering: ms(a?.aangemaakt), poging: ms(p?.eerste), pogingen: p?.n ?? 0, mislukt: p?.mislukt ?? 0 }
      })
      const perLevering = Object.fromEntries(leveringen.map((l): [string, Levering] => {
        const e = events.get(l.levering_id)
        const b = beurt('samenloop-matching', l.levering_id)
        return [l.levering_id, { ontvangen: ms(l.ontvangen)!, verwerkt: ms(l.verwerkt), event: e?.event, doorgegeven: e?.doorgegeven, matchStart: b?.start, matchEind: b?.eind }]
      }))
      send({ type: 'stadia', stadia, leveringen: perLevering, fouten } satisfies Stadia)
    }
    if (m.type === 'stop') {
      await hub.close()
      if (natsUrl) { const nc = await connect({ servers: natsUrl }); await (await nc.jetstreamManager()).streams.delete(stream).catch(() => false); await nc.close() }
      await pgSchema?.drop()
      rmSync(dataDir, { recursive: true, force: true })
      process.exit(0)
    }
  })
  send({ type: 'klaar', hubUrl, bronToken, secret, bsns, store: databaseUrl ? 'PostgreSQL' : 'SQLite (file)', bus: natsUrl ? 'NATS JetStream' : 'in-process' } satisfies Klaar)
}

// ───────────────────────────── load process ─────────────────────────────

function vraag<T extends { type: string }>(child: ChildProcess, bericht: { type: string; geaccepteerd?: number }, antwoord: T['type']): Promise<T> {
  return new Promise((resolve) => {
    const luister = (m: T) => { if (m.type === antwoord) { child.off('message', luister); resolve(m) } }
    child.on('message', luister)
    if (bericht.type) child.send(bericht)
  })
}

/** Quantiles of a list of numbers (ms), NaN when empty. */
function kwantielen(xs: number[]) {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b)
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? NaN
  return { n: s.length, p50: at(0.5), p99: at(0.99), max: s[s.length - 1] ?? NaN }
}
const f1 = (x: number) => (Number.isFinite(x) ? x.toFixed(1) : '–')

/**
 * Offers `aantal` jobs at `perSeconde`, never more than `inVlucht` at once. Returns when every job has finished.
 * A 5 ms timer releases what is due by now, so a late tick catches up instead of drifting.
 */
function gepaceerd(aantal: number, perSeconde: number, inVlucht: number, job: (i: number) => Promise<void>): Promise<{ start: number; eind: number; volOpgehouden: number; gestart: number }> {
  return new Promise((resolve) => {
    const start = nu()
    // A hub slower than the pace would stretch the run without end: after twice the planned time, start nothing new.
    const uiterlijk = start + (2 * aantal / perSeconde) * 1000
    let gestart = 0
    let klaar = 0
    let bezig = 0
    let volOpgehouden = 0
    const einde = () => { clearInterval(timer); resolve({ start, eind: nu(), volOpgehouden, gestart }) }
    const tick = () => {
      if (nu() > uiterlijk) { aantal = gestart; if (klaar === aantal) einde(); return }
      const due = Math.min(aantal, Math.floor(((nu() - start) / 1000) * perSeconde) + 1)
      while (gestart < due && bezig < inVlucht) {
        const i = gestart++
        bezig++
        job(i).finally(() => {
          bezig--
          if (++klaar === aantal) einde()
        })
      }
      if (gestart < due) volOpgehouden++
    }
    const timer = setInterval(tick, 5)
    tick()
  })
}

/** The hub chain: events at the pace, webhooks back; stage timings from the hub's own rows. */
async function hubRun() {
  const ontvangen: number[] = new Array(AANTAL).fill(NaN)
  let dubbel = 0
  let ongeldig = 0
  let laatste = 0
  let voorbeeld = ''
  let webhook: Webhook | undefined
  const receiver = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const t = nu()
      const body = Buffer.concat(chunks).toString('utf8')
      try { webhook!.verify(body, req.headers as Record<string, string>) } catch { ongeldig++ }
      const ikv = (JSON.parse(body) as { data: { gegevens: { inkomstenverhoudingId: string } } }).data.gegevens.inkomstenverhoudingId
      const i = Number(ikv.split('-')[2])
      if (Number.isNaN(ontvangen[i]!)) { ontvangen[i] = t; laatste = t } else dubbel++
      voorbeeld ||= body
      res.writeHead(204).end()
    })
  })
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r))
  const port = (receiver.address() as { port: number }).port

  const profiel = process.argv.indexOf('--profiel')
  const execArgv = profiel > 0 ? [...process.execArgv, '--cpu-prof', '--cpu-prof-dir', process.argv[profiel + 1]!] : process.execArgv
  const child = fork(fileURLToPath(import.meta.url), ['--hub', `http://127.0.0.1:${port}/webhooks`, ...process.argv.slice(2)], { stdio: 'inherit', execArgv })
  const klaar = await vraag<Klaar>(child, { type: '' }, 'klaar')
  webhook = new Webhook(klaar.secret)
  const hub = new URL(klaar.hubUrl)
  const agent = new Agent({ keepAlive: true, maxSockets: IN_VLUCHT })
  const verstuurd: number[] = new Array(AANTAL).fill(NaN)
  const geaccepteerd: number[] = new Array(AANTAL).fill(NaN)
  const leveringId: string[] = new Array(AANTAL)
  let fouten = 0
  let eersteFout = ''

  const post = (i: number) => new Promise<void>((resolve) => {
    const body = JSON.stringify({
      bsn: klaar.bsns[i % klaar.bsns.length], periode: PERIODE, inkomstenverhoudingId: `IKV-${run}-${i}`, loonheffingennummer: '001234567L01',
      werkgeverNaam: 'Bakkerij Bench', soortInkomen: 'loon', brutoloonCent: 100_000 + i, loonheffingCent: 10_000, uren: 80,
    })
    verstuurd[i] = nu()
    const req = request({ host: hub.hostname, port: hub.port, path: '/api/v1/bronnen/uwv-polis/gebeurtenissen', method: 'POST', agent,
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), authorization: `Bearer ${klaar.bronToken}` } }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8')
        if (res.statusCode === 201) { geaccepteerd[i] = nu(); leveringId[i] = (JSON.parse(text) as { leveringId: string }).leveringId } else { fouten++; eersteFout ||= `${res.statusCode} ${text.slice(0, 200)}` }
        resolve()
      })
    })
    req.on('error', (err) => { fouten++; eersteFout ||= err.message; resolve() })
    req.end(body)
  })

  const load0 = loadavg()
  child.send({ type: 'meet-start' })
  const venster = await gepaceerd(AANTAL, PER_SECONDE, IN_VLUCHT, post)
  const meting = await vraag<Meting>(child, { type: 'meet-stop', geaccepteerd: geaccepteerd.filter((t) => !Number.isNaN(t)).length }, 'meting')
  const aantalOk = geaccepteerd.filter((t) => !Number.isNaN(t)).length
  const geleverd = () => ontvangen.filter((t) => !Number.isNaN(t)).length
  const uitloopTot = nu() + UITLOOP_S * 1000
  while (geleverd() < aantalOk && nu() < uitloopTot) await new Promise((r) => setTimeout(r, 50))
  const cpuTot = await vraag<CpuTot>(child, { type: 'cpu-tot' }, 'cpu-tot')
  const load1 = loadavg()
  const { stadia, leveringen, fouten: pogingFouten } = await vraag<Stadia>(child, { type: 'analyse' }, 'stadia')
  child.send({ type: 'stop' })
  await new Promise((r) => child.once('exit', r))
  agent.destroy()
  receiver.close()

  // Per event: client times and the hub's stage times (joined on the inkomstenverhoudingId).
  const perIkv = new Map(stadia.map((s) => [s.ikv, s]))
  const lat = { totaal: [] as number[], http: [] as number[], intake: [] as number[], matching: [] as number[], planning: [] as number[], worker: [] as number[], verzenden: [] as number[] }
  // The chain stage by stage, each from one timestamp to the next (both present), in the order an event passes them.
  const keten = KETEN.map((naam) => ({ naam, xs: [] as number[] }))
  for (let i = 0; i < AANTAL; i++) {
    if (Number.isNaN(geaccepteerd[i]!)) continue
    lat.http.push(geaccepteerd[i]! - verstuurd[i]!)
    if (!Number.isNaN(ontvangen[i]!)) lat.totaal.push(ontvangen[i]! - geaccepteerd[i]!)
    const s = perIkv.get(`IKV-${run}-${i}`)
    const l = leveringen[leveringId[i]!]
    const ontv = l?.ontvangen
    if (ontv !== undefined) lat.intake.push(ontv - verstuurd[i]!)
    const punten: Array<number | undefined> = [verstuurd[i], ontv, l?.verwerkt, l?.event, l?.doorgegeven, l?.matchStart, s?.signaal, s?.signaalEvent,
      l?.matchEind, s?.signaalDoorgegeven, s?.planningStart, s?.aflevering, s?.poging, Number.isNaN(ontvangen[i]!) ? undefined : ontvangen[i]]
    KETEN.forEach((_, k) => { const a = punten[k]; const b = punten[k + 1]; if (a !== undefined && b !== undefined) keten[k]!.xs.push(b - a) })
    if (!s) continue
    if (ontv !== undefined) lat.matching.push(s.signaal - ontv)
    if (s.aflevering !== undefined) lat.planning.push(s.aflevering - s.signaal)
    if (s.aflevering !== undefined && s.poging !== undefined) lat.worker.push(s.poging - s.aflevering)
    if (s.poging !== undefined && !Number.isNaN(ontvangen[i]!)) lat.verzenden.push(ontvangen[i]! - s.poging)
  }
  return {
    klaar, venster, meting, cpuTot, load0, load1, aantalOk, fouten, eersteFout, dubbel, ongeldig, voorbeeld,
    pogingFouten, geleverd: geleverd(), signalen: stadia.length, mislukt: stadia.reduce((n, s) => n + s.mislukt, 0),
    uitloopMs: geleverd() >= aantalOk ? laatste - venster.eind : NaN, lat, keten,
    verzonden: (aantalOk / ((venster.eind - venster.start) / 1000)),
  }
}

/**
 * The chain's stages, in order: stage k runs from timestamp k to timestamp k + 1 of an event (see `punten` in
 * hubRun): 0 sent, 1 intake stamped, 2 its group's transaction began, 3 fact event written to the outbox, 4 relayed
 * to the bus, 5 matching turn began, 6 signal row made, 7 signal event written, 8 matching turn ended (committed),
 * 9 signal event relayed, 10 planning turn began, 11 delivery row made, 12 first send attempt, 13 webhook received.
 */
const KETEN: readonly string[] = [
  'send → intake stamped (HTTP, auth)',
  'intake stamped → group transaction began',
  'group began → fact event written (facts, ledger)',
  'fact event written → relayed (commit, relay round)',
  'relayed → matching turn began (NATS, queue)',
  'matching turn began → signal row (reads, lock)',
  'signal row → signal event written (ledger)',
  'signal event written → matching turn ended (commit)',
  'matching turn ended → signal event relayed',
  'signal event relayed → planning turn began',
  'planning turn began → delivery row',
  'delivery row → first send attempt (worker)',
  'send attempt → webhook received',
]

/** Raw JetStream at the same pace: publish (awaiting the ack, at most `IN_VLUCHT` in flight) → durable pull consumer. */
async function rawRun(payload: string) {
  const nc = await connect({ servers: process.env.NATS_URL || 'nats://127.0.0.1:4222' })
  const stream = `KBENCH_EVT_RAW_${run}`
  const subject = `kbevtraw${run}.bericht`
  const jsm = await nc.jetstreamManager()
  try {
    await jsm.streams.add({ name: stream, subjects: [`kbevtraw${run}.>`], storage: StorageType.File })
    await jsm.consumers.add(stream, { durable_name: 'bench', ack_policy: AckPolicy.Explicit, deliver_policy: DeliverPolicy.All, max_ack_pending: 1000 })
    const js = nc.jetstream()
    const messages = await (await js.consumers.get(stream, 'bench')).consume({ max_messages: 256 })
    const verstuurd: number[] = new Array(AANTAL).fill(NaN)
    const latenties: number[] = []
    let laatste = 0
    const consuming = (async () => {
      for await (const m of messages) {
        const t = nu()
        const i = (JSON.parse(m.string()) as { i: number }).i
        latenties.push(t - verstuurd[i]!)
        laatste = t
        m.ack()
        if (latenties.length === AANTAL) break
      }
    })()
    const venster = await gepaceerd(AANTAL, PER_SECONDE, IN_VLUCHT, async (i) => {
      verstuurd[i] = nu()
      await js.publish(subject, JSON.stringify({ i, payload }), { msgID: `${run}-${i}` })
    })
    const uitloopTot = nu() + UITLOOP_S * 1000
    while (latenties.length < AANTAL && nu() < uitloopTot) await new Promise((r) => setTimeout(r, 50))
    messages.stop()
    await consuming
    return { ...kwantielen(latenties), ontvangen: latenties.length, verzonden: AANTAL / ((venster.eind - venster.start) / 1000), uitloopMs: laatste - venster.eind, version: nc.info?.version ?? '?' }
  } finally {
    await jsm.streams.delete(stream).catch(() => false)
    await nc.close()
  }
}

async function main() {
  console.log(`Samenloop event bench: ${PER_SECONDE} events/s × ${SECONDEN} s = ${AANTAL} events, ≤ ${IN_VLUCHT} in flight, population ${POPULATIE}; ${cpus().length} × ${cpus()[0]?.model.trim()}, Node ${process.version}`)
  const h = await hubRun()
  const raw = ZONDER_RAW ? undefined : await rawRun(h.voorbeeld)
  const t = kwantielen(h.lat.totaal)
  const rij = (naam: string, xs: number[]) => { const q = kwantielen(xs); console.log(`    ${naam.padEnd(44)} p50 ${f1(q.p50).padStart(8)} ms   p99 ${f1(q.p99).padStart(8)} ms   max ${f1(q.max).padStart(8)} ms`) }
  console.log(`hub — store ${h.klaar.store}, bus ${h.klaar.bus}; load average ${h.load0.map((x) => x.toFixed(1)).join(' ')} → ${h.load1.map((x) => x.toFixed(1)).join(' ')}`)
  console.log(`  offered ${h.venster.gestart}/${AANTAL} (sending stops after ${2 * SECONDEN} s); accepted (201): ${h.aantalOk} (errors ${h.fouten}${h.eersteFout ? `, first: ${h.eersteFout}` : ''}); send rate achieved ${h.verzonden.toFixed(0)}/s; pacing held back by the in-flight bound in ${h.venster.volOpgehouden} ticks of 5 ms`)
  console.log(`  webhooks delivered: ${h.geleverd}/${h.aantalOk} (signals ${h.signalen}, duplicates ${h.dubbel}, bad signatures ${h.ongeldig}, failed attempts ${h.mislukt})`)
  for (const [fout, n] of Object.entries(h.pogingFouten)) console.log(`    failed attempt ×${n}: ${fout}`)
  console.log(`  accepted → webhook received: p50 ${f1(t.p50)} ms, p99 ${f1(t.p99)} ms, max ${f1(t.max)} ms`)
  console.log(`  backlog drain after the last 201: ${Number.isFinite(h.uitloopMs) ? `${(h.uitloopMs / 1000).toFixed(1)} s` : `not drained within ${UITLOOP_S} s`}`)
  console.log(`  hub process while sending: CPU ${(h.meting.cpuMs / h.meting.wandMs * 100).toFixed(0)} % of one core (${(h.meting.cpuMs / Math.max(1, h.aantalOk)).toFixed(2)} ms CPU per accepted event), event-loop delay p99 ${f1(h.meting.lusP99)} ms, max ${f1(h.meting.lusMax)} ms`)
  console.log(`  hub process from the first send until the last webhook (or the end of the drain wait): ${(h.cpuTot.cpuMs / 1000).toFixed(1)} s CPU in ${(h.cpuTot.wandMs / 1000).toFixed(1)} s = ${(h.cpuTot.cpuMs / Math.max(1, h.aantalOk)).toFixed(2)} ms CPU per accepted event`)
  console.log('  per stage (hub timestamps, ms resolution):')
  rij('send → 201 (HTTP, auth, fact + ledger + outbox)', h.lat.http)
  rij('send → intake time stamped (leveringen)', h.lat.intake)
  rij('intake → signal made (bus + matching queue)', h.lat.matching)
  rij('signal → delivery planned (bus + planning)', h.lat.planning)
  rij('planned → first send attempt (worker claim)', h.lat.worker)
  rij('send attempt → received (sign, POST)', h.lat.verzenden)
  console.log('  the chain stage by stage (hub timestamps, ms resolution; "relayed" = the relay round\'s JetStream ack):')
  for (const { naam, xs } of h.keten) rij(naam, xs)
  if (!raw) return
  console.log(`raw JetStream ${raw.version} publish → consume, same pace, same payload size: ${raw.ontvangen}/${AANTAL}, send rate ${raw.verzonden.toFixed(0)}/s, p50 ${f1(raw.p50)} ms, p99 ${f1(raw.p99)} ms, drain ${(raw.uitloopMs / 1000).toFixed(1)} s`)
  console.log(`ratio hub/raw latency: p50 ${(t.p50 / raw.p50).toFixed(0)}×, p99 ${(t.p99 / raw.p99).toFixed(0)}×`)
}

const hubArg = process.argv.indexOf('--hub')
if (hubArg > 0) await hubProces(process.argv[hubArg + 1]!)
else await main()
