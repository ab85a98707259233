/**
 * Times `generate` for a given size (default 1,000,000 inwoners) and reports wall time, peak RSS and row counts.
 * Run: node --import tsx bench/synth/generate-bench.ts [inwoners] [uitmap]
 */
import { rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { generate } from '../../src/synth/index.js'

const inwoners = Number(process.argv[2] ?? 1_000_000)
const uit = process.argv[3] ?? join(tmpdir(), `knooppunt-synth-bench-${process.pid}`)
let piek = 0
const meet = setInterval(() => { piek = Math.max(piek, process.memoryUsage().rss) }, 100)
const start = process.hrtime.bigint()
const manifest = await generate({ seed: 42, inwoners, uit, overschrijf: true })
const ms = Number(process.hrtime.bigint() - start) / 1e6
clearInterval(meet)
piek = Math.max(piek, process.memoryUsage().rss)
const som = (prefix: string): number => manifest.bestanden.filter((b) => b.naam.startsWith(prefix)).reduce((s, b) => s + b.regels, 0)
const bytes = manifest.bestanden.reduce((s, b) => s + b.bytes, 0)
console.log(`inwoners ${inwoners}: ${(ms / 1000).toFixed(1)} s, piek RSS ${Math.round(piek / 2 ** 20)} MiB, ${Math.round(bytes / 2 ** 20)} MiB in ${manifest.bestanden.length} bestanden`)
for (const b of manifest.bestanden.filter((x) => !x.naam.startsWith('populatie-'))) console.log(`  ${b.naam.padEnd(44)} ${String(b.regels).padStart(10)}`)
console.log(`  ${'populatie-samenloop-*.csv (342)'.padEnd(44)} ${String(som('populatie-samenloop')).padStart(10)}`)
console.log(`  ${'populatie-kot-doelgroepouders-*.csv (342)'.padEnd(44)} ${String(som('populatie-kot')).padStart(10)}`)
if (!process.argv[3]) await rm(uit, { recursive: true, force: true })
