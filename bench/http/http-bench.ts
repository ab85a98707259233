/**
 * HTTP benchmark: a bare Fastify JSON route (the peer) against the hub's authenticated inzage route, which verifies
 * the JWT, re-reads the client, checks scope and role, and writes a hash-chained ledger line per call.
 * Same machine, same run, same autocannon settings. Run: npx tsx bench/http/http-bench.ts [--seconds 10]
 */
import autocannon from 'autocannon'
import Fastify from 'fastify'
import { completeBsn, oinFrom } from '../../src/core/index.js'
import { benchClient, startBenchHub } from '../support/bench-hub.js'

const seconds = Number(process.argv[process.argv.indexOf('--seconds') + 1]) || 10
const connections = 16

// A pool of distinct BSNs: each request asks about another resident, as real inzage traffic would.
const bsns: string[] = []
for (let i = 20_000_000; bsns.length < 10_000; i++) { const b = completeBsn(String(i)); if (b) bsns.push(b) }
let next = 0
const nextBody = () => JSON.stringify({ bsn: bsns[next++ % bsns.length] })

async function load(url: string, opts: { method?: 'GET' | 'POST'; headers?: Record<string, string> }) {
  const r = await autocannon({ url, connections, duration: seconds, requests: [{ method: opts.method ?? 'GET', headers: opts.headers, setupRequest: (req) => ({ ...req, body: nextBody() }) }] })
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, non2xx: r.non2xx, errors: r.errors }
}

async function main() {
  const bare = Fastify({ logger: false })
  bare.post('/echo', async (req) => ({ ok: true, body: req.body }))
  const bareUrl = await bare.listen({ port: 0, host: '127.0.0.1' })

  const store = process.env.DATABASE_URL ? 'postgres' : 'sqlite'
  const b = await startBenchHub({ databaseUrl: process.env.DATABASE_URL })
  const { hub, url: hubUrl } = b
  const token = await benchClient(b, { oin: oinFrom('00000001', 999), naam: 'Bench beheer', soort: 'beheer', scopes: ['inzage'], rollen: ['privacy-officer'] })

  const peer = await load(`${bareUrl}/echo`, { method: 'POST', headers: { 'content-type': 'application/json' } })
  const ours = await load(`${hubUrl}/api/v1/inzage/_zoek`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` } })
  const lines = await hub.ctx.ledger.count()
  const verify = await hub.ctx.ledger.verify()
  await b.close(); await bare.close()

  console.log(`HTTP benchmark (${seconds}s each, ${connections} connections, store ${store})`)
  console.log(`  bare Fastify POST /echo           : ${peer.rps.toFixed(0)} req/s, p50 ${peer.p50} ms, p99 ${peer.p99} ms`)
  console.log(`  hub POST /api/v1/inzage/_zoek     : ${ours.rps.toFixed(0)} req/s, p50 ${ours.p50} ms, p99 ${ours.p99} ms (non-2xx ${ours.non2xx})`)
  console.log(`  ratio hub/bare throughput          : ${(ours.rps / peer.rps).toFixed(3)}`)
  console.log(`  ledger lines written               : ${lines}, chain ${verify.ok ? 'intact' : 'BROKEN'}`)
}

await main()
