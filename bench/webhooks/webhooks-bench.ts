/**
 * Webhook delivery benchmark: signals committed (row + outbox event, as the signal store writes them) → bus consumer
 * plans deliveries → worker signs and POSTs CloudEvents → a local receiver. Prints deliveries/s and the latency from
 * commit to receipt (p50/p99) for a paced load (`--per-seconde` for `--seconden`) and a saturated one (`--burst`).
 *
 * Run: [DATABASE_URL=postgres://…] npx tsx bench/webhooks/webhooks-bench.ts [--per-seconde 500] [--seconden 10] [--burst 5000]
 * Without DATABASE_URL the store is SQLite. Ledger lines are written as in production (one per delivered BSN).
 */
import { performance } from 'node:perf_hooks'
import { createDeliveryModule } from '../../src/platform/delivery/index.js'
import { maakSignaal, nieuweBsn, startOntvanger, wachtTot, zetInPopulatie } from '../../test/support/delivery-fixtures.js'
import { startTestHub } from '../../test/support/test-hub.js'

const arg = (name: string, fallback: number) => Number(process.argv[process.argv.indexOf(`--${name}`) + 1]) || fallback
const PER_SECONDE = arg('per-seconde', 500)
const SECONDEN = arg('seconden', 10)
const BURST = arg('burst', 5000)
const store = process.env.DATABASE_URL ? 'postgres' : 'sqlite'

const ontvanger = await startOntvanger(200)
const t = await startTestHub(store, { modules: [createDeliveryModule({ allowPrivateUrls: true, log: { warn() {}, error() {} } })] })
const { ctx } = t.hub
const gemeente = await t.org('Gemeente Bench', 'gemeente', { producten: ['samenloop'], rollen: ['inkomen'] })
const res = await t.as(gemeente).inject({ method: 'POST', url: '/api/v1/abonnementen', payload: { url: ontvanger.url, producten: ['samenloop'] } })
if (res.statusCode !== 201) throw new Error(res.body)

const bsns = Array.from({ length: 2000 }, nieuweBsn)
for (const bsn of bsns) await zetInPopulatie(ctx, { oin: gemeente.oin, bsn })

const verstuurd = new Map<string, number>()
const latenties: number[] = []
let gezien = 0
const origPush = ontvanger.ontvangen.push.bind(ontvanger.ontvangen)
ontvanger.ontvangen.push = (...items) => {
  for (const o of items) {
    const subject = (JSON.parse(o.body) as { subject: string }).subject
    const t0 = verstuurd.get(subject)
    if (t0 !== undefined) latenties.push(performance.now() - t0)
    gezien++
  }
  return origPush(...items)
}

async function ronde(naam: string, aantal: number, tussenMs: number): Promise<void> {
  latenties.length = 0
  const start = performance.now()
  const basis = gezien
  for (let i = 0; i < aantal; i++) {
    const t0 = performance.now()
    const id = await maakSignaal(ctx, { oin: gemeente.oin, bsn: bsns[i % bsns.length]! })
    verstuurd.set(id, t0)
    const achter = start + (i + 1) * tussenMs - performance.now()
    if (achter > 0) await new Promise((r) => setTimeout(r, achter))
  }
  await wachtTot(() => gezien - basis >= aantal, 120_000, 'alle webhooks')
  const sec = (performance.now() - start) / 1000
  const sorted = latenties.sort((a, b) => a - b)
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!.toFixed(1)
  console.log(`${naam.padEnd(28)} ${aantal} webhooks in ${sec.toFixed(1)} s = ${(aantal / sec).toFixed(0)}/s; commit→ontvangen p50 ${at(0.5)} ms, p99 ${at(0.99)} ms`)
}

console.log(`webhooks-bench [${store}], Node ${process.version}`)
await ronde(`gelijkmatig ${PER_SECONDE}/s`, PER_SECONDE * SECONDEN, 1000 / PER_SECONDE)
await ronde('verzadigd (burst)', BURST, 0)
console.log(`logboekregels: ${await ctx.ledger.count()}`)
await t[Symbol.asyncDispose]()
await ontvanger[Symbol.asyncDispose]()
