/**
 * A 1 GB source delivery streamed over real HTTP into a listening hub: the file is generated on the fly and never
 * exists whole, in the sender or in the hub. Prints lines/s and the hub's peak RSS (which must stay flat).
 *
 *   node --import tsx bench/intake/large-file-bench.ts [--gb 1]
 */
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { Readable } from 'node:stream'
import { createHub } from '../../src/app.js'
import { hubModules } from '../../src/cli/hub-options.js'
import { completeBsn, oinFrom } from '../../src/core/index.js'

const gb = Number(process.argv[process.argv.indexOf('--gb') + 1]) || 1
const targetBytes = gb * 1024 ** 3
const HEADER = 'bsn;periode;inkomstenverhoudingId;loonheffingennummer;werkgeverNaam;soortInkomen;brutoloonCent;loonheffingCent;uren\n'

function* lines(): Generator<string> {
  let sent = HEADER.length
  yield HEADER
  for (let i = 0; sent < targetBytes; i++) {
    let chunk = ''
    for (let j = 0; j < 1000; j++) {
      const n = 10_000_000 + ((i * 1000 + j) % 80_000_000)
      const bsn = completeBsn(String(n)) ?? '123456782'
      chunk += `${bsn};2025-${String((j % 12) + 1).padStart(2, '0')};IKV${i}-${j};123456789L01;Bench B.V.;loon;${250000 + j};${50000 + j};120\n`
    }
    sent += chunk.length
    yield chunk
  }
}

const dataDir = mkdtempSync(join(tmpdir(), 'kp-large-'))
const hub = await createHub({
  mode: 'test', dataDir, host: '127.0.0.1', port: 0, publicUrl: 'http://localhost:8080', masterKeyHex: randomBytes(32).toString('hex'),
  logLevel: 'silent', rateLimitPerMinute: 0, bodyLimitBytes: 1 << 20, oidc: { mode: 'embedded' },
}, { modules: hubModules({ mode: 'test', publicUrl: 'http://localhost:8080' }) })
const oin = oinFrom('00000001', 500000001)
await hub.ctx.access.registreerOrganisatie({ oin, naam: 'UWV', soort: 'bron' })
await hub.ctx.access.machtigBron(oin, ['uwv-polis'])
const c = await hub.ctx.access.maakClient({ oin, naam: 'bench', scopes: [], rollen: ['bron'] })
const token = (await hub.ctx.tokens.issue({ clientId: c.clientId, oin, scopes: [] })).accessToken
const url = await hub.listen()

let peak = 0
const sampler = setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss) }, 100)
const startRss = process.memoryUsage().rss
const t0 = performance.now()
const res = await fetch(`${url}/api/v1/bronnen/uwv-polis/leveringen`, {
  method: 'POST', body: Readable.toWeb(Readable.from(lines())) as ReadableStream, duplex: 'half',
  headers: { 'content-type': 'text/csv', 'levering-id': 'groot-1', authorization: `Bearer ${token}` },
} as RequestInit)
const answer = (await res.json()) as { aantalRegels: number; geaccepteerd: number }
const s = (performance.now() - t0) / 1000
clearInterval(sampler)
console.log(`1 delivery of ${gb} GB streamed over HTTP: status ${res.status}, ${answer.aantalRegels} lines, ${answer.geaccepteerd} accepted`)
console.log(`  ${s.toFixed(1)} s, ${(answer.aantalRegels / s).toFixed(0)} lines/s, ${(targetBytes / 1024 / 1024 / s).toFixed(1)} MiB/s`)
console.log(`  RSS at start ${(startRss / 1048576).toFixed(0)} MiB, peak ${(peak / 1048576).toFixed(0)} MiB (sender and hub in one process)`)
await hub.close()
rmSync(dataDir, { recursive: true, force: true })
