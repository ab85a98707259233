/**
 * API benchmark: requests per second through `POST /api/v1/loonheffing/_bereken` and `POST /api/v1/netto-inkomen/_bereken`
 * (a served hub on localhost, a real token, role and product checks, the output guard; the answer carries every step),
 * beside a bare Fastify route that echoes the same body (the floor of the HTTP stack) and a bare Fastify route that
 * runs the same calculation without authentication or output guard (what the hub adds on top of the calculation).
 * The load generator (autocannon, 16 connections) runs in a child process of its own, so it does not share the
 * servers' event loop. Each request takes the next of 1,000 different bodies. Run:
 *   node --import tsx bench/regels/netto-api.bench.ts [--seconds 10]
 */
import { fork } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import autocannon from 'autocannon'
import Fastify from 'fastify'
import { oinFrom } from '../../src/core/index.js'
import { berekenLoonheffingAntwoord, berekenNettoAntwoord, nettoInkomenRoutes } from '../../src/products/netto-inkomen/index.js'
import { benchClient, startBenchHub } from '../support/bench-hub.js'

const CONNECTIONS = 16

let seed = 7
const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31)
const jaar = () => 2022 + Math.floor(rnd() * 5)
/** 1,000 loonheffing bodies and 1,000 netto bodies (1–2 lines, half with the withheld amount, half estimated). */
function bodies(soort: 'loonheffing' | 'netto'): string[] {
  seed = soort === 'loonheffing' ? 7 : 11
  return Array.from({ length: 1000 }, () => {
    if (soort === 'loonheffing') return JSON.stringify({ peildatum: `${jaar()}-03-01`, loonPerMaandCent: Math.floor(rnd() * 800_000), loonheffingskorting: rnd() >= 0.2 })
    const regels = Array.from({ length: rnd() < 0.7 ? 1 : 2 }, () => {
      const bruto = Math.floor(rnd() * 600_000)
      return { soortInkomen: 'loon', brutoloonCent: bruto, vakantiebijslagReserveringCent: Math.floor(bruto * 0.08), ...(rnd() < 0.5 ? { loonheffingCent: Math.floor(bruto * 0.2) } : {}) }
    })
    return JSON.stringify({ periode: `${jaar()}-05`, inkomstenverhoudingen: regels })
  })
}

// ---- child process: the load generator ----
if (process.argv[2] === '--last') {
  const [, , , url, soort, seconds, token] = process.argv
  const lijst = bodies(soort as 'loonheffing' | 'netto')
  let i = 0
  const headers: Record<string, string> = { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }
  const r = await autocannon({
    url: url!, connections: CONNECTIONS, duration: Number(seconds),
    requests: [{ method: 'POST', headers, setupRequest: (req) => ({ ...req, body: lijst[i++ % lijst.length] }) }],
  })
  process.send!({ rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, non2xx: r.non2xx, errors: r.errors, totaal: r.requests.total, bytes: r.throughput.average })
  process.exit(0)
}

interface Uitslag { rps: number; p50: number; p99: number; non2xx: number; errors: number; totaal: number; bytes: number }
function last(url: string, soort: 'loonheffing' | 'netto', seconds: number, token = ''): Promise<Uitslag> {
  return new Promise((resolve, reject) => {
    const kind = fork(fileURLToPath(import.meta.url), ['--last', url, soort, String(seconds), token], { execArgv: ['--import', 'tsx'] })
    kind.once('message', (m) => resolve(m as Uitslag))
    kind.once('error', reject)
    kind.once('exit', (code) => { if (code !== 0) reject(new Error(`lastgenerator stopte met ${code}`)) })
  })
}

async function main() {
  const iArg = process.argv.indexOf('--seconds')
  const seconds = iArg > 0 ? Number(process.argv[iArg + 1]) : 10
  const bare = Fastify({ logger: false })
  bare.post('/echo', async (req) => ({ ok: true, body: req.body }))
  bare.post('/loonheffing', async (req) => berekenLoonheffingAntwoord(req.body))
  bare.post('/netto', async (req) => berekenNettoAntwoord(req.body))
  const bareUrl = await bare.listen({ port: 0, host: '127.0.0.1' })

  const store = process.env.DATABASE_URL ? 'postgres' : 'sqlite'
  const b = await startBenchHub({ databaseUrl: process.env.DATABASE_URL, modules: [nettoInkomenRoutes] })
  const { hub, url: hubUrl } = b
  try {
    const token = await benchClient(b, { oin: oinFrom('00000001', 997), naam: 'Bench gemeente', soort: 'gemeente', producten: ['netto-inkomen'], scopes: ['netto-inkomen'], rollen: ['inkomen'] })

    await last(`${hubUrl}/api/v1/loonheffing/_bereken`, 'loonheffing', 2, token) // warm-up
    const runs: Array<[string, Uitslag]> = []
    runs.push(['bare Fastify POST /echo (loonheffing-body)', await last(`${bareUrl}/echo`, 'loonheffing', seconds)])
    runs.push(['bare Fastify + loonheffing, geen auth', await last(`${bareUrl}/loonheffing`, 'loonheffing', seconds)])
    runs.push(['hub POST /api/v1/loonheffing/_bereken', await last(`${hubUrl}/api/v1/loonheffing/_bereken`, 'loonheffing', seconds, token)])
    runs.push(['bare Fastify POST /echo (netto-body)', await last(`${bareUrl}/echo`, 'netto', seconds)])
    runs.push(['bare Fastify + netto, geen auth', await last(`${bareUrl}/netto`, 'netto', seconds)])
    runs.push(['hub POST /api/v1/netto-inkomen/_bereken', await last(`${hubUrl}/api/v1/netto-inkomen/_bereken`, 'netto', seconds, token)])

    console.log(`netto-inkomen API (${seconds} s per regel, ${CONNECTIONS} verbindingen, store ${store}, lastgenerator in eigen proces)`)
    for (const [naam, r] of runs) {
      console.log(`  ${naam.padEnd(42)} ${Math.round(r.rps).toLocaleString('nl-NL').padStart(7)} req/s  p50 ${r.p50} ms  p99 ${r.p99} ms  ${(r.bytes / 1e6).toFixed(1)} MB/s  (non-2xx ${r.non2xx}, fouten ${r.errors})`)
    }
    const rps = Object.fromEntries(runs.map(([n, r]) => [n, r.rps]))
    console.log(`  hub / bare echo: loonheffing ${(rps['hub POST /api/v1/loonheffing/_bereken']! / rps['bare Fastify POST /echo (loonheffing-body)']!).toFixed(2)}, netto ${(rps['hub POST /api/v1/netto-inkomen/_bereken']! / rps['bare Fastify POST /echo (netto-body)']!).toFixed(2)}`)
    console.log(`  ledger-regels: ${await hub.ctx.ledger.count()} (geen BSN, geen regel verwacht)`)
  } finally {
    await b.close(); await bare.close()
  }
}

await main()
