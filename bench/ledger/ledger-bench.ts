/**
 * Ledger append throughput on SQLite and PostgreSQL: lines per second in batches (a delivery) and one line per
 * transaction (an API call), plus the verify speed. Run: DATABASE_URL=… npx tsx bench/ledger/ledger-bench.ts
 */
import { performance } from 'node:perf_hooks'
import { completeBsn, fixedClock, newSpanId, newTraceId, type Bsn } from '../../src/core/index.js'
import { createKeyring, generateMasterKey } from '../../src/platform/keyring/index.js'
import { createLedger, type Verwerking } from '../../src/platform/ledger/index.js'
import { openTestDatabase } from '../../test/support/stores.js'

const bsns: Bsn[] = []
for (let i = 10_000_000; bsns.length < 10_000; i++) { const b = completeBsn(String(i)); if (b) bsns.push(b) }
const line = (i: number): Verwerking => ({ trace: { traceId: newTraceId(), spanId: newSpanId() }, activiteit: 'bench', verwerkingsactiviteit: 'bench.verwerken', product: 'samenloop', betrokkene: bsns[i % bsns.length]!, actorOin: '00000001000000999000' })

async function run(kind: 'sqlite' | 'postgres') {
  await using database = await openTestDatabase(kind)
  const ledger = createLedger({ db: database.db, clock: fixedClock('2026-11-28T00:00:00Z'), keyring: createKeyring(generateMasterKey()) })
  const batchTotal = 50_000
  let t = performance.now()
  for (let i = 0; i < batchTotal; i += 1000) await database.db.transaction().execute((tx) => ledger.record(tx, Array.from({ length: 1000 }, (_, j) => line(i + j))))
  const batchRate = batchTotal / ((performance.now() - t) / 1000)
  const singles = 2_000
  t = performance.now()
  for (let i = 0; i < singles; i++) await database.db.transaction().execute((tx) => ledger.record(tx, [line(i)]))
  const singleRate = singles / ((performance.now() - t) / 1000)
  t = performance.now()
  const v = await ledger.verify()
  const verifyRate = (batchTotal + singles) / ((performance.now() - t) / 1000)
  console.log(`  ${kind.padEnd(8)}: batch ${batchRate.toFixed(0)} lines/s · one per transaction ${singleRate.toFixed(0)} lines/s · verify ${verifyRate.toFixed(0)} lines/s (${v.ok ? 'intact' : 'BROKEN'})`)
}

console.log('Ledger append benchmark')
await run('sqlite')
if (process.env.DATABASE_URL) await run('postgres')
else console.log('  postgres: skipped (set DATABASE_URL)')
