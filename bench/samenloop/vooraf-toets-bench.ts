/**
 * Vooraf-toets benchmark (issue 4): requests/s and latency of `POST /api/v1/samenloop/vooraf-toets/_zoek` beside a
 * bare Fastify JSON route, same machine, same run, same autocannon settings.
 *
 * The hub holds a small synthetic Netherlands first: `src/synth` generates it, one gemeente puts every resident in
 * its samenloop population (PUT /populaties/samenloop), and a source delivers every file samenloop reads through the
 * intake API (POST /bronnen/{bron}/leveringen). Matching then runs on the bus; the benchmark waits until every
 * consumer has caught up, so the measurement is not disturbed by it. Each request asks about another resident (the
 * same pool), so answers carry real facts; each call reads the facts, writes an aanvraag indication (the first time
 * per resident), a ledger line and, for a new indication, an outbox event — all in one transaction.
 *
 * Run: [DATABASE_URL=postgres://…] node --import tsx bench/samenloop/vooraf-toets-bench.ts [--seconds 10] [--inwoners 5000]
 * Without DATABASE_URL the store is a SQLite file in a temp folder. The bus is in-process.
 */
import { randomBytes } from 'node:crypto'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { cpus, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import autocannon from 'autocannon'
import Fastify from 'fastify'
import { pgTestSchema } from '../../test/support/pg-schema.js'
import { createHub } from '../../src/app.js'
import { hubModules } from '../../src/cli/hub-options.js'
import { generate } from '../../src/synth/index.js'
import { benchOrganisaties } from '../support/bench-organisaties.js'

const arg = (name: string, fallback: number) => Number(process.argv[process.argv.indexOf(`--${name}`) + 1]) || fallback
const seconds = arg('seconds', 10)
const inwoners = arg('inwoners', 5000)
const connections = 16
const PEILDATUM = '2026-11-28'
const databaseUrl = process.env.DATABASE_URL || undefined

async function load(url: string, headers: Record<string, string>, nextBody: () => string) {
  const r = await autocannon({ url, connections, duration: seconds, requests: [{ method: 'POST', headers, setupRequest: (req) => ({ ...req, body: nextBody() }) }] })
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, non2xx: r.non2xx, errors: r.errors }
}

async function main() {
  const tmp = mkdtempSync(join(tmpdir(), 'kp-vooraf-bench-'))
  const synth = join(tmp, 'synth')
  await generate({ seed: 20261128, inwoners, uit: synth, peildatum: '2026-11-01' })
  const bsns = readFileSync(join(synth, 'brp-personen.csv'), 'utf8').split('\n').slice(1).filter(Boolean).map((l) => l.split(';')[0]!)

  const pgSchema = databaseUrl ? await pgTestSchema(databaseUrl, 'bench_vt') : undefined
  const schema = pgSchema?.schema
  const hub = await createHub({
    mode: 'test', dataDir: join(tmp, 'hub'), databaseUrl, databaseSchema: schema, host: '127.0.0.1', port: 0, publicUrl: 'http://localhost:8080',
    masterKeyHex: randomBytes(32).toString('hex'), logLevel: 'silent', rateLimitPerMinute: 0, bodyLimitBytes: 64 << 20, oidc: { mode: 'embedded' },
  }, { modules: hubModules({ mode: 'test', publicUrl: 'http://localhost:8080' }) })
  const { gemeenteToken: gToken, bronToken: bToken } = await benchOrganisaties(hub.ctx)
  const hubUrl = await hub.listen()

  // Data: the population, then every source samenloop reads, through the API.
  const pop = await hub.http.inject({ method: 'PUT', url: '/api/v1/populaties/samenloop', headers: { authorization: `Bearer ${gToken}`, 'content-type': 'text/csv' },
    payload: `bsn;ingangsdatum;einddatum;referentie\n${bsns.map((b) => `${b};2025-01-01;;`).join('\n')}\n` })
  if (pop.statusCode !== 200) throw new Error(`populatie: ${pop.statusCode} ${pop.body}`)
  let geaccepteerd = 0
  for (const bron of hub.ctx.register.requireProduct('samenloop').bronnen) {
    if (!existsSync(join(synth, `${bron}.csv`))) continue
    const res = await hub.http.inject({ method: 'POST', url: `/api/v1/bronnen/${bron}/leveringen`, payload: readFileSync(join(synth, `${bron}.csv`)),
      headers: { authorization: `Bearer ${bToken}`, 'content-type': 'text/csv', 'levering-id': `bench-${bron}` } })
    if (res.statusCode !== 201) throw new Error(`${bron}: ${res.statusCode} ${res.body.slice(0, 300)}`)
    geaccepteerd += (res.json() as { geaccepteerd: number }).geaccepteerd
  }
  // Let matching (and the other consumers) finish before measuring.
  const { db } = hub.ctx.database
  for (const t0 = Date.now(); Date.now() - t0 < 120_000;) {
    const top = await db.selectFrom('outbox').select((e) => e.fn.max('seq').as('seq')).executeTakeFirst()
    const pos = await db.selectFrom('bus_posities').select((e) => e.fn.min('seq').as('seq')).executeTakeFirst()
    if (Number(pos?.seq ?? 0) >= Number(top?.seq ?? 0)) break
    await new Promise((r) => setTimeout(r, 200))
  }
  const feiten = Number((await db.selectFrom('feiten').select((e) => e.fn.countAll().as('n')).executeTakeFirst())?.n ?? 0)

  let next = 0
  const vraag = () => { const bsn = bsns[next++ % bsns.length]!; return JSON.stringify({ bsn, aanvraagReferentie: `AANVR-${bsn}`, peildatum: PEILDATUM }) }
  // What an answer holds, over a sample of residents (before the run, so every indication is new there too).
  let perAntwoord = 0
  let bytes = 0
  const steekproef = 200
  for (let i = 0; i < steekproef; i++) {
    const res = await hub.http.inject({ method: 'POST', url: '/api/v1/samenloop/vooraf-toets/_zoek', payload: vraag(), headers: { authorization: `Bearer ${gToken}`, 'content-type': 'application/json' } })
    if (res.statusCode !== 200) throw new Error(`vooraf-toets: ${res.statusCode} ${res.body.slice(0, 300)}`)
    perAntwoord += Object.values((res.json() as { feiten: Record<string, unknown[]> }).feiten).reduce((n, l) => n + l.length, 0)
    bytes += res.body.length
  }
  next = 0

  const bare = Fastify({ logger: false })
  bare.post('/echo', async (req) => ({ ok: true, body: req.body }))
  const bareUrl = await bare.listen({ port: 0, host: '127.0.0.1' })
  const load0 = loadavg()
  const peer = await load(`${bareUrl}/echo`, { 'content-type': 'application/json' }, vraag)
  next = 0
  const ours = await load(`${hubUrl}/api/v1/samenloop/vooraf-toets/_zoek`, { 'content-type': 'application/json', authorization: `Bearer ${gToken}` }, vraag)
  const load1 = loadavg()
  const lines = await hub.ctx.ledger.count()
  await hub.close(); await bare.close()
  await pgSchema?.drop()
  rmSync(tmp, { recursive: true, force: true })

  console.log(`Vooraf-toets benchmark (${seconds} s each, ${connections} connections, store ${databaseUrl ? 'PostgreSQL' : 'SQLite (file)'}); ${cpus().length} × ${cpus()[0]?.model.trim()}, Node ${process.version}`)
  console.log(`  data: ${bsns.length} residents in the population, ${geaccepteerd} source lines delivered, ${feiten} facts stored; an answer holds ${(perAntwoord / steekproef).toFixed(1)} facts, ${(bytes / steekproef / 1024).toFixed(1)} KiB (mean of ${steekproef})`)
  console.log(`  load average ${load0.map((x) => x.toFixed(1)).join(' ')} → ${load1.map((x) => x.toFixed(1)).join(' ')}`)
  console.log(`  bare Fastify POST /echo                  : ${peer.rps.toFixed(0)} req/s, p50 ${peer.p50} ms, p99 ${peer.p99} ms`)
  console.log(`  hub POST /samenloop/vooraf-toets/_zoek   : ${ours.rps.toFixed(0)} req/s, p50 ${ours.p50} ms, p99 ${ours.p99} ms (non-2xx ${ours.non2xx}, errors ${ours.errors})`)
  console.log(`  ratio hub/bare throughput                 : ${(ours.rps / peer.rps).toFixed(3)}`)
  console.log(`  ledger lines written                      : ${lines}`)
}

await main()
