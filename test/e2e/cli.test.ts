/**
 * The `knooppunt` command as a user runs it: real processes, real exit codes, one-line errors.
 */
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'

const MAIN = new URL('../../src/cli/main.ts', import.meta.url).pathname

function run(args: string[], env: Record<string, string> = {}, timeoutMs = 60_000): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', MAIN, ...args], { env: { ...process.env, DATABASE_URL: '', NATS_URL: '', LOG_LEVEL: 'silent', ...env }, stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d) => { stdout += d })
    child.stderr.on('data', (d) => { stderr += d })
    const timer = setTimeout(() => { child.kill('SIGKILL'); reject(new Error(`timeout: ${args.join(' ')}\n${stderr}`)) }, timeoutMs)
    child.on('exit', (code) => { clearTimeout(timer); resolve({ code, stdout, stderr }) })
  })
}

test('migrate, then ledger verify: an altered line gives exit 8 naming the line', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'kp-cli-'))
  try {
    const keyHex = 'ab'.repeat(32)
    const env = { KNOOPPUNT_DATA_DIR: dir, KNOOPPUNT_MASTER_KEY: keyHex }
    const m = await run(['migrate'], env)
    assert.equal(m.code, 0, m.stderr)
    assert.match(m.stdout, /uitgevoerd: 0001-foundation/)
    assert.match((await run(['migrate'], env)).stdout, /al bijgewerkt/)
    // Write two ledger lines through the real code path, then alter one directly in the file.
    const { createLedger } = await import('../../src/platform/ledger/index.js')
    const { createKeyring } = await import('../../src/platform/keyring/index.js')
    const { openMigratedDatabase } = await import('../../src/adapters/store/index.js')
    const { completeBsn, systemClock, newTraceId, newSpanId } = await import('../../src/core/index.js')
    const database = await openMigratedDatabase({ kind: 'sqlite', dataDir: dir })
    const key = Buffer.from(keyHex, 'hex')
    const ledger = createLedger({ db: database.db, clock: systemClock, keyring: createKeyring(key) })
    const line = { trace: { traceId: newTraceId(), spanId: newSpanId() }, activiteit: 'cli-test', verwerkingsactiviteit: 'test', product: 'samenloop', betrokkene: completeBsn('12345678')!, actorOin: '00000001000000001000' }
    await database.db.transaction().execute((tx) => ledger.record(tx, [line, line]))
    await database.close()
    const ok = await run(['ledger', 'verify'], env)
    assert.equal(ok.code, 0, ok.stderr)
    assert.match(ok.stdout, /logboek in orde: 2 regels/)
    const raw = new Database(join(dir, 'knooppunt.sqlite'))
    raw.prepare("update ledger set activiteit = 'verzonnen' where seq = 2").run()
    raw.close()
    const bad = await run(['ledger', 'verify'], env)
    assert.equal(bad.code, 8)
    assert.equal(bad.stderr.trim().split('\n').length, 1)
    assert.match(bad.stderr, /logboekregel 2 is gewijzigd.*\[logboek\.keten-verbroken\]/)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
})

test('bad configuration and unknown commands: one line, non-zero exit, no stack trace', async () => {
  const prod = await run(['serve'], { KNOOPPUNT_MODE: 'productie', KNOOPPUNT_MASTER_KEY: '', OIDC_ISSUER: '' })
  assert.equal(prod.code, 2)
  assert.match(prod.stderr, /^knooppunt: configuratie is ongeldig \(OIDC_ISSUER: .*KNOOPPUNT_MASTER_KEY: .*\) \[configuratie\.ongeldig\]\n$/)
  const port = await run(['migrate'], { PORT: 'tachtig' })
  assert.match(port.stderr, /PORT: poort moet een getal/)
  const db = await run(['migrate'], { DATABASE_URL: 'mysql://x' })
  assert.match(db.stderr, /DATABASE_URL: moet met postgres/)
  const unknown = await run(['bestaat-niet'])
  assert.notEqual(unknown.code, 0)
  assert.match(unknown.stderr, /unknown command/)
  for (const r of [prod, port, db, unknown]) assert.ok(!/\n\s+at /.test(r.stderr), 'no stack trace')
  const help = await run(['--help'])
  for (const cmd of ['serve', 'demo', 'migrate', 'ledger', 'generate', 'bvv', 'loonheffing', 'netto']) assert.match(help.stdout, new RegExp(`\\b${cmd}\\b`))
})

test('demo on a busy port says so in one line', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'kp-cli-'))
  const blocker = createServer().listen(0, '127.0.0.1')
  await new Promise((r) => blocker.once('listening', r))
  const port = (blocker.address() as { port: number }).port
  try {
    const r = await run(['demo', '--inwoners', '1000'], { KNOOPPUNT_DATA_DIR: dir, PORT: String(port) }, 120_000)
    assert.equal(r.code, 7, r.stderr)
    assert.match(r.stderr, /de poort is al in gebruik .*PORT=/)
  } finally {
    blocker.close()
    rmSync(dir, { recursive: true, force: true })
  }
})
