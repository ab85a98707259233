/**
 * Bulk API benchmark: beslagvrije voet calculations per second through `POST /api/v1/beslagvrije-voet/berekeningen/_bulk`
 * (a real HTTP server on localhost, a real token, the output guard on every line), beside the in-process figure over
 * the same inputs. Target: ≥ 50,000 calculations/s through the API. Run:
 *   node --import tsx bench/regels/bulk-api.bench.ts [aantal]        (default 100,000 lines)
 */
import { request } from 'node:http'
import { oinFrom } from '../../src/core/index.js'
import { berekenBvvAntwoord, beslagvrijeVoetRoutes } from '../../src/products/beslagvrije-voet/index.js'
import { benchClient, startBenchHub } from '../support/bench-hub.js'

const N = Number(process.argv[2] ?? 100_000)
const PEILDATA = ['2024-01-01', '2024-07-01', '2025-01-01', '2025-07-01', '2026-01-01']
const LEEFSITUATIES = ['alleenstaande', 'alleenstaande-ouder', 'gehuwd-zonder-kinderen', 'gehuwd-met-kinderen']

let seed = 42
const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31)
const invoer = Array.from({ length: N }, () => ({
  peildatum: PEILDATA[Math.floor(rnd() * PEILDATA.length)]!,
  leefsituatie: LEEFSITUATIES[Math.floor(rnd() * LEEFSITUATIES.length)]!,
  woonadresBekend: false,
  bijstand: rnd() < 0.5,
  inkomenPerMaandCent: Math.floor(rnd() * 400_000),
  belastbaarJaarinkomenCent: 0,
  eigenInkomenNietBeslagenCent: Math.floor(rnd() * 20_000),
}))
const ndjson = invoer.map((i) => JSON.stringify(i)).join('\n') + '\n'
const KOLOMMEN = Object.keys(invoer[0]!) as Array<keyof (typeof invoer)[number]>
const csv = [KOLOMMEN.join(';'), ...invoer.map((i) => KOLOMMEN.map((k) => String(i[k])).join(';'))].join('\n') + '\n'

/** POSTs the body and reads the answer as it streams back; returns the answer lines counted and the seconds taken. */
function post(url: URL, token: string, type: string, body: string): Promise<{ regels: number; s: number; status: number }> {
  return new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint()
    const req = request(url, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': type } }, (res) => {
      let regels = 0
      res.on('data', (d: Buffer) => { for (let i = d.indexOf(10); i !== -1; i = d.indexOf(10, i + 1)) regels++ })
      res.on('end', () => resolve({ regels, s: Number(process.hrtime.bigint() - t0) / 1e9, status: res.statusCode ?? 0 }))
    })
    req.on('error', reject)
    // Write in 64 KB pieces, as a client streaming a file would.
    for (let i = 0; i < body.length; i += 65_536) req.write(body.slice(i, i + 65_536))
    req.end()
  })
}

function inProcess(spoor: boolean): number {
  const t0 = process.hrtime.bigint()
  let som = 0
  for (const i of invoer) som += berekenBvvAntwoord(i, { spoor }).beslagvrijeVoetCent
  if (som < 0) throw new Error('onmogelijk')
  return N / (Number(process.hrtime.bigint() - t0) / 1e9)
}

async function main() {
  const b = await startBenchHub({ modules: [beslagvrijeVoetRoutes] })
  const base = b.url
  try {
    const token = await benchClient(b, { oin: oinFrom('00000001', 998), naam: 'Bench deurwaarder', soort: 'schuldeiser', producten: ['beslagvrije-voet'], scopes: ['beslagvrije-voet'], rollen: ['beslaglegger'] })
    const url = (q: string) => new URL(`/api/v1/beslagvrije-voet/berekeningen/_bulk${q}`, base)

    inProcess(false) // warm-up of the rules
    await post(url('?berekening=false'), token, 'application/x-ndjson', ndjson.slice(0, ndjson.indexOf('\n', 100_000) + 1)) // warm-up of the route
    const runs = [
      ['API NDJSON zonder uitleg', await post(url('?berekening=false'), token, 'application/x-ndjson', ndjson)],
      ['API CSV', await post(url(''), token, 'text/csv', csv)],
      ['API NDJSON met uitleg', await post(url(''), token, 'application/x-ndjson', ndjson)],
    ] as const
    const zonder = inProcess(false)
    const met = inProcess(true)

    const fmt = (n: number) => Math.round(n).toLocaleString('nl-NL').padStart(12)
    console.log(`Bulk beslagvrije voet, ${N.toLocaleString('nl-NL')} regels (${(ndjson.length / 1e6).toFixed(1)} MB NDJSON)`)
    for (const [naam, r] of runs) {
      const verwacht = naam === 'API CSV' ? N + 1 : N
      console.log(`  ${naam.padEnd(28)} ${fmt(N / r.s)} /s   (${r.s.toFixed(2)} s, status ${r.status}, ${r.regels === verwacht ? 'alle antwoorden' : `FOUT: ${r.regels} antwoordregels`})`)
    }
    console.log(`  ${'in-process zonder uitleg'.padEnd(28)} ${fmt(zonder)} /s   (valideren + rekenen, zelfde invoer)`)
    console.log(`  ${'in-process met uitleg'.padEnd(28)} ${fmt(met)} /s`)
    const api = N / runs[0][1].s
    console.log(`  doel API ≥ 50.000 /s: ${api >= 50_000 ? 'gehaald' : 'NIET gehaald'}`)
  } finally {
    await b.close()
  }
}

await main()
