/**
 * Samenloop batch benchmark (issue 4): a population of P indications × the polis lines of a synthetic Netherlands.
 *
 *   hub    : population uploads through the API (per gemeente) + the polis delivery through intake (parse, validate,
 *            minimise, store facts, ledger) + matching (signals persisted with ledger lines and outbox events)
 *   DuckDB : the same `inkomsten` signal set computed from the same CSV files in one SQL query
 *   floor  : the same rows as the hub (population, facts, signals, ledger lines with the same crypto, outbox events)
 *            written plainly into a fresh SQLite file, without the hub's framework (`batch-vloer.ts`): what the
 *            obligations cost on their own
 *
 * All three results must be equal (count and checksum). DuckDB runs before and after the hub; the faster run counts.
 * Prints times, the ratios and peak memory.
 *
 *   node --import tsx bench/samenloop/batch-bench.ts [--inwoners 1700000] [--populatie 1000000] [--dir /tmp/kp-bench]
 *     [--sql-tijden]   SQLite: time every statement per stage (prepare and run; `commit` shows the WAL's cost)
 *     [--geen-verify]  skip the ledger hash-chain check after the run
 *     [--geen-vloer]   skip the floor peer
 */
import { createReadStream, existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { DuckDBInstance } from '@duckdb/node-api'
import { parse } from 'csv-parse'
import { createWriteStream } from 'node:fs'
import { randomBytes } from 'node:crypto'
import { loadavg } from 'node:os'
import SqliteDatabase from 'better-sqlite3'
import { generate } from '../../src/synth/index.js'
import { createHub } from '../../src/app.js'
import { hubModules } from '../../src/cli/hub-options.js'
import { newSpanId, newTraceId, oinFrom } from '../../src/core/index.js'
import { BRON_FORMATEN, verwerkLevering } from '../../src/platform/intake/index.js'
import { matchSamenloopLevering } from '../../src/products/samenloop/index.js'
import { pgTestSchema } from '../../test/support/pg-schema.js'
import { controleerVloer, vloer, type VloerResultaat } from './batch-vloer.js'

const arg = (name: string, dflt: string) => { const i = process.argv.indexOf(`--${name}`); return i > 0 ? process.argv[i + 1]! : dflt }
const inwoners = Number(arg('inwoners', '1700000'))
const populatie = Number(arg('populatie', '1000000'))
const dir = arg('dir', `/tmp/kp-bench-${inwoners}`)
const synth = join(dir, 'synth')

let peakRss = 0
/** SQLite: the largest WAL file seen (it must stay bounded however long the run). */
let walBestand: string | undefined
let peakWal = 0
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss)
  if (walBestand) try { peakWal = Math.max(peakWal, statSync(walBestand).size) } catch { /* no WAL right now */ }
}, 200)
const mb = (b: number) => `${(b / 1024 / 1024).toFixed(0)} MiB`
const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`

/** Per stage, per statement text (first 120 characters): runs and milliseconds. Filled only with `--sql-tijden`. */
const sqlTijden = new Map<string, Map<string, { runs: number; ms: number }>>()
let fase = 'opzet'
function meetSql(): void {
  const proto = SqliteDatabase.prototype as unknown as { prepare(sql: string): Record<string, unknown> }
  const prepare = proto.prepare
  const tel = (key: string, ms: number) => {
    const perFase = sqlTijden.get(fase) ?? new Map<string, { runs: number; ms: number }>()
    const e = perFase.get(key) ?? { runs: 0, ms: 0 }
    e.runs++; e.ms += ms
    perFase.set(key, e); sqlTijden.set(fase, perFase)
  }
  proto.prepare = function (this: unknown, sql: string) {
    const key = sql.replace(/\s+/g, ' ').replace(/(\(\?(, \?)*\),? ?)+/g, '(?…) ').slice(0, 120)
    const t0 = performance.now()
    const stmt = prepare.call(this, sql)
    tel(`prepare: ${key}`, performance.now() - t0)
    for (const m of ['all', 'run', 'get', 'iterate']) {
      const f = stmt[m] as (...a: unknown[]) => unknown
      stmt[m] = (...a: unknown[]) => { const t1 = performance.now(); try { return f.apply(stmt, a) } finally { tel(key, performance.now() - t1) } }
    }
    return stmt
  }
}
function toonSqlTijden(): void {
  for (const [f, perFase] of sqlTijden) {
    const som = [...perFase.values()].reduce((n, e) => n + e.ms, 0)
    console.log(`SQL in ${f}: ${secs(som)}`)
    for (const [k, e] of [...perFase].sort((a, b) => b[1].ms - a[1].ms).slice(0, 8)) console.log(`  ${secs(e.ms).padStart(8)} ${String(e.runs).padStart(7)}× ${k}`)
  }
}
if (process.argv.includes('--sql-tijden')) meetSql()

/** Indication period per BSN, deterministic: start in month (bsn mod 12) of 2025, a third of them end after 6 months. */
function periode(bsn: string): { van: string; tot: string } {
  const n = Number(bsn)
  const m = (n % 12) + 1
  const van = `2025-${String(m).padStart(2, '0')}-01`
  if (n % 3 !== 0) return { van, tot: '' }
  const end = new Date(Date.UTC(2025, m - 1 + 6, 0)).toISOString().slice(0, 10)
  return { van, tot: end }
}

/** Writes the population: the first P residents of brp-personen, each indicated by the gemeente they live in. */
async function writePopulation(gemeenteOin: Map<string, string>): Promise<{ file: string; perGemeente: Map<string, string[]> }> {
  const file = join(dir, 'populatie.csv')
  const out = createWriteStream(file)
  out.write('oin;bsn;ingangsdatum;einddatum\n')
  const perGemeente = new Map<string, string[]>()
  let n = 0
  for await (const r of createReadStream(join(synth, 'brp-personen.csv')).pipe(parse({ delimiter: ';', columns: true })) as AsyncIterable<Record<string, string>>) {
    if (n >= populatie) break
    const oin = gemeenteOin.get(r.gemeentecode!)
    if (!oin) continue
    const p = periode(r.bsn!)
    if (!out.write(`${oin};${r.bsn};${p.van};${p.tot}\n`)) await new Promise<void>((res) => out.once('drain', () => res()))
    const lines = perGemeente.get(oin) ?? ['bsn;ingangsdatum;einddatum;referentie']
    lines.push(`${r.bsn};${p.van};${p.tot};`)
    perGemeente.set(oin, lines)
    n++
  }
  await new Promise<void>((res) => out.end(() => res()))
  return { file, perGemeente }
}

async function duckdb(popFile: string): Promise<{ ms: number; count: number; sumBsn: bigint; sumBruto: bigint }> {
  const t0 = performance.now()
  const db = await DuckDBInstance.create(':memory:')
  const c = await db.connect()
  const r = await c.runAndReadAll(`
    WITH pop AS (SELECT * FROM read_csv('${popFile}', delim=';', header=true, columns={'oin':'VARCHAR','bsn':'VARCHAR','ingangsdatum':'DATE','einddatum':'DATE'})),
    polis AS (SELECT * FROM read_csv('${join(synth, 'uwv-polis.csv')}', delim=';', header=true, quote='"', columns={'bsn':'VARCHAR','periode':'VARCHAR','inkomstenverhoudingId':'VARCHAR','loonheffingennummer':'VARCHAR','werkgeverNaam':'VARCHAR','soortInkomen':'VARCHAR','brutoloonCent':'BIGINT','loonheffingCent':'BIGINT','uren':'INTEGER'})),
    signalen AS (
      SELECT DISTINCT pop.oin, polis.bsn, polis.inkomstenverhoudingId, polis.periode, polis.brutoloonCent
      FROM polis JOIN pop ON polis.bsn = pop.bsn
      WHERE polis.soortInkomen = 'loon' AND polis.brutoloonCent > 0
        AND pop.ingangsdatum <= last_day(CAST(polis.periode || '-01' AS DATE))
        AND (pop.einddatum IS NULL OR pop.einddatum >= CAST(polis.periode || '-01' AS DATE)))
    SELECT count(*)::BIGINT, coalesce(sum(CAST(bsn AS BIGINT)), 0)::BIGINT, coalesce(sum(brutoloonCent), 0)::BIGINT FROM signalen`)
  const [count, sumBsn, sumBruto] = r.getRows()[0] as [bigint, bigint, bigint]
  // Its memory back before the floor runs in this process.
  c.closeSync()
  db.closeSync()
  return { ms: performance.now() - t0, count: Number(count), sumBsn, sumBruto }
}

async function main() {
  mkdirSync(dir, { recursive: true })
  if (!existsSync(join(synth, 'manifest.json'))) {
    console.log(`generating ${inwoners} inwoners into ${synth} …`)
    await generate({ seed: 424242, inwoners, uit: synth, overschrijf: true })
  }
  const polisLines = readFileSync(join(synth, 'manifest.json'), 'utf8')
  const polisCount = (JSON.parse(polisLines) as { bestanden: Array<{ naam: string; regels: number }> }).bestanden.find((b) => b.naam === 'uwv-polis.csv')!.regels

  const store = join(dir, `hub-${Date.now()}`)
  const masterKey = randomBytes(32)
  // PostgreSQL: a schema of its own, dropped at the end, so runs one after another each start empty.
  const pgSchema = process.env.DATABASE_URL ? await pgTestSchema(process.env.DATABASE_URL, 'bench_batch') : undefined
  const hub = await createHub({
    mode: 'test', dataDir: store, databaseUrl: process.env.DATABASE_URL || undefined, databaseSchema: pgSchema?.schema, host: '127.0.0.1', port: 0, publicUrl: 'http://localhost:8080',
    masterKeyHex: masterKey.toString('hex'), logLevel: 'silent', rateLimitPerMinute: 0, bodyLimitBytes: 1 << 20, oidc: { mode: 'embedded' },
  }, { modules: hubModules({ mode: 'test', publicUrl: 'http://localhost:8080' }) })
  if (!process.env.DATABASE_URL) walBestand = join(store, 'knooppunt.sqlite-wal')
  // The bus is not started: the benchmark runs intake and matching itself, in sequence, to time each part.
  const { access } = hub.ctx
  const gemeenteOin = new Map<string, string>()
  for (const line of readFileSync(join(synth, 'organisaties.csv'), 'utf8').split('\n').slice(1)) {
    const [oin, naam, soort, code] = line.split(';')
    if (soort !== 'gemeente' || !oin || !code) continue
    gemeenteOin.set(code, oin)
    await access.registreerOrganisatie({ oin: oin as never, naam: naam!, soort: 'gemeente', gemeentecode: code })
    await access.abonneer(oin as never, ['samenloop'], '2020-01-01')
  }
  const uwvOin = oinFrom('00000001', 500000001)
  await access.registreerOrganisatie({ oin: uwvOin, naam: 'UWV', soort: 'bron' })
  await access.machtigBron(uwvOin, [...BRON_FORMATEN.keys()])
  const { file: popFile, perGemeente } = await writePopulation(gemeenteOin)
  const popRows = [...perGemeente.values()].reduce((n, l) => n + l.length - 1, 0)
  console.log(`data: ${popRows} population rows in ${perGemeente.size} gemeenten × ${polisCount} polis lines (${store.includes('hub') && process.env.DATABASE_URL ? 'PostgreSQL' : 'SQLite'})`)

  // --- DuckDB, before the hub: a disturbed run after it (PostgreSQL writing back GBs, the CSV files pushed out of the
  // page cache) once took 30 s instead of 5; the faster of the two runs is DuckDB's time ---
  const dVoor = await duckdb(popFile)

  // --- hub ---
  const tokens = new Map<string, string>()
  for (const oin of perGemeente.keys()) {
    const c = await access.maakClient({ oin: oin as never, naam: 'bench', scopes: ['samenloop'], rollen: ['inkomen'] })
    tokens.set(oin, (await hub.ctx.tokens.issue({ clientId: c.clientId, oin, scopes: ['samenloop'] })).accessToken)
  }
  const load0 = loadavg()[0]!
  // CPU time of the whole process (all threads, user + system) per stage: steadier than wall time on a shared machine.
  const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000 }
  const c0 = cpu()
  const t0 = performance.now()
  fase = 'populations'
  for (const [oin, lines] of perGemeente) {
    const res = await hub.http.inject({ method: 'PUT', url: '/api/v1/populaties/samenloop', payload: lines.join('\n') + '\n', headers: { 'content-type': 'text/csv', authorization: `Bearer ${tokens.get(oin)}` } })
    if (res.statusCode !== 200) throw new Error(`population ${oin}: ${res.statusCode} ${res.body.slice(0, 200)}`)
  }
  const tPop = performance.now()
  const cPop = cpu()
  fase = 'intake'
  const { antwoord } = await verwerkLevering(hub.ctx, {
    bron: 'uwv-polis', formaat: BRON_FORMATEN.get('uwv-polis')!, leveringId: 'bench-1', oin: uwvOin,
    trace: { traceId: newTraceId(), spanId: newSpanId() }, inhoud: createReadStream(join(synth, 'uwv-polis.csv'), { highWaterMark: 1 << 20 }),
  })
  const tIntake = performance.now()
  const cIntake = cpu()
  fase = 'matching'
  const match = await matchSamenloopLevering(hub.ctx, 'uwv-polis', 'bench-1')
  const tMatch = performance.now()
  const cMatch = cpu()
  const hubPeakRss = Math.max(peakRss, process.memoryUsage().rss)
  fase = 'na afloop'
  const load1 = loadavg()[0]!
  const rows = await hub.ctx.database.db.selectFrom('signalen').select(['bsn', 'gegevens']).where('soort', '=', 'inkomsten').execute()
  let sumBsn = 0n
  let sumBruto = 0n
  for (const r of rows) { sumBsn += BigInt(r.bsn); sumBruto += BigInt((JSON.parse(r.gegevens) as { brutoloonCent: number }).brutoloonCent) }
  const hubMs = tMatch - t0
  // The rows the hub wrote, for the floor to match.
  const tel = async (t: 'populatie_regels' | 'feiten' | 'signalen' | 'ledger' | 'outbox') =>
    Number((await hub.ctx.database.db.selectFrom(t).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)
  const hubRijen = { populatie_regels: await tel('populatie_regels'), feiten: await tel('feiten'), signalen: await tel('signalen'), ledger: await tel('ledger'), outbox: await tel('outbox') }
  const register = hub.ctx.register
  // The ledger's hash chain must still verify after the bulk writers (one line per data subject, chained).
  const verify = process.argv.includes('--geen-verify') ? undefined : await hub.ctx.ledger.verify()
  await hub.close()
  await pgSchema?.drop()

  // --- DuckDB, same files, same run ---
  const dNa = await duckdb(popFile)
  const d = dNa.ms <= dVoor.ms ? dNa : dVoor

  // --- floor, same data, same run ---
  let v: (VloerResultaat & ReturnType<typeof controleerVloer>) | undefined
  const vloerDir = join(dir, `vloer-${Date.now()}`)
  if (!process.argv.includes('--geen-vloer') && !process.env.DATABASE_URL) {
    fase = 'vloer'
    const gemeentecode = new Map([...gemeenteOin].map(([code, oin]) => [oin, code]))
    const r = await vloer({ dir: vloerDir, masterKey, register, perGemeente, gemeentecode, polisFile: join(synth, 'uwv-polis.csv'), uwvOin, nu: new Date() })
    v = { ...r, ...controleerVloer(r.file, !process.argv.includes('--geen-verify')) }
  }
  clearInterval(sampler)
  const equal = [dVoor, dNa].every((x) => x.count === rows.length && x.sumBsn === sumBsn && x.sumBruto === sumBruto)
  const vloerEqual = !v || (v.count === d.count && v.sumBsn === d.sumBsn && v.sumBruto === d.sumBruto)
  console.log(`hub    : ${secs(hubMs)} total — populations ${secs(tPop - t0)}, intake ${secs(tIntake - tPop)} (${antwoord.geaccepteerd} lines accepted), matching ${secs(tMatch - tIntake)} (${match.nieuw} new signals of all kinds)`)
  console.log(`hub CPU: ${secs(cMatch - c0)} (user + system, all threads) — populations ${secs(cPop - c0)}, intake ${secs(cIntake - cPop)}, matching ${secs(cMatch - cIntake)}`)
  console.log(`duckdb : ${secs(d.ms)} (the faster of ${secs(dVoor.ms)} before the hub and ${secs(dNa.ms)} after it)`)
  console.log(`inkomsten signals: hub ${rows.length}, duckdb ${d.count}; checksum hub ${sumBsn}/${sumBruto}, duckdb ${d.sumBsn}/${d.sumBruto} → ${equal ? 'EQUAL' : 'DIFFERENT'}`)
  if (v) {
    const rij = (k: keyof typeof hubRijen) => `${k} ${hubRijen[k]}/${v.rijen[k]}`
    console.log(`floor  : ${secs(v.ms)} (CPU ${secs(v.cpuMs)}) — populations ${secs(v.populatieMs)} (CPU ${secs(v.populatieCpuMs)}), polis ${secs(v.ms - v.populatieMs)} (CPU ${secs(v.cpuMs - v.populatieCpuMs)}) — inkomsten signals ${v.count}, checksum ${v.sumBsn}/${v.sumBruto} → ${vloerEqual ? 'EQUAL' : 'DIFFERENT'}${v.ketenOk === undefined ? '' : ` · ledger chain ${v.ketenOk ? 'ok' : 'BROKEN'}`}`)
    console.log(`rows hub/floor: ${(Object.keys(hubRijen) as Array<keyof typeof hubRijen>).map(rij).join(' · ')}`)
  }
  console.log(`ratio hub/duckdb: ${(hubMs / d.ms).toFixed(2)}× (target ≤ 1.5×)${v ? ` · hub/floor ${(hubMs / v.ms).toFixed(2)}× (CPU ${((cMatch - c0) / v.cpuMs).toFixed(2)}×) · floor/duckdb ${(v.ms / d.ms).toFixed(2)}×` : ''}`)
  console.log(`peak RSS ${mb(hubPeakRss)} (hub) · ${mb(peakRss)} (whole run)${walBestand ? ` · largest WAL ${mb(peakWal)}` : ''} · load average ${load0.toFixed(1)} → ${load1.toFixed(1)}`)
  if (verify) console.log(`ledger verify: ${verify.ok ? `ok, ${verify.lines} lines` : `FAILED at seq ${verify.seq} (${verify.problem})`}`)
  if (sqlTijden.size) toonSqlTijden()
  if (process.argv.includes('--opruimen')) { rmSync(store, { recursive: true, force: true }); rmSync(vloerDir, { recursive: true, force: true }) }
  if (!equal || !vloerEqual || (verify && !verify.ok) || v?.ketenOk === false) process.exitCode = 1
}

await main()
