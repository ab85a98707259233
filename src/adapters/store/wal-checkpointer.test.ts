import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test } from 'node:test'
import { fileURLToPath } from 'node:url'
import SqliteDatabase from 'better-sqlite3'
import { sql } from 'kysely'
import { openDatabase, type Database } from './database.js'

const wacht = (ms: number) => new Promise((r) => setTimeout(r, ms))

async function metTabel(dir: string): Promise<Database> {
  const database = openDatabase({ kind: 'sqlite', dataDir: dir })
  await sql`create table if not exists proef (id integer primary key, tekst text not null)`.execute(database.db)
  return database
}

async function schrijf(database: Database, vanaf: number, transacties: number, perTransactie: number): Promise<void> {
  const tekst = 'x'.repeat(1000)
  for (let t = 0; t < transacties; t++) {
    await database.db.transaction().execute(async (tx) => {
      for (let i = 0; i < perTransactie; i++) await sql`insert into proef (id, tekst) values (${vanaf + t * perTransactie + i}, ${tekst})`.execute(tx)
    })
  }
}

test('the background thread copies the WAL into the database file, without the writer checkpointing', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'kp-wal-'))
  t.after(() => rmSync(dir, { recursive: true, force: true }))
  const database = await metTabel(dir)
  const bestand = join(dir, 'knooppunt.sqlite')
  const voor = statSync(bestand).size
  // ~6 MB in 60 commits: far below the writer's own threshold (~200 MB), so only the thread can have copied it.
  await schrijf(database, 0, 60, 100)
  let na = statSync(bestand).size
  for (let i = 0; i < 50 && na < voor + 5_000_000; i++) { await wacht(100); na = statSync(bestand).size }
  assert.ok(na >= voor + 5_000_000, `database file grew from ${voor} to ${na} bytes`)
  await database.close()
  // The writer closed last and checkpointed the rest: no WAL left, every row there.
  assert.equal(existsSync(`${bestand}-wal`), false)
  const weer = new SqliteDatabase(bestand, { readonly: true })
  assert.equal((weer.prepare('select count(*) as n from proef').get() as { n: number }).n, 6000)
  assert.equal(weer.pragma('integrity_check', { simple: true }), 'ok')
  weer.close()
})

test('a reader on another connection sees every commit while the thread checkpoints', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'kp-wal-'))
  t.after(() => rmSync(dir, { recursive: true, force: true }))
  const database = await metTabel(dir)
  const lezer = new SqliteDatabase(join(dir, 'knooppunt.sqlite'), { readonly: true })
  const tel = lezer.prepare('select count(*) as n, coalesce(max(id), -1) as m from proef')
  let vorige = 0
  for (let t = 0; t < 40; t++) {
    await schrijf(database, t * 50, 1, 50)
    const { n, m } = tel.get() as { n: number; m: number }
    // Each commit is visible at once and whole: exactly the rows written so far, never fewer, never a half batch.
    assert.equal(n, (t + 1) * 50)
    assert.equal(m, (t + 1) * 50 - 1)
    assert.ok(n >= vorige)
    vorige = n
    if (t % 10 === 0) await wacht(250) // let the thread run a round while the reader holds no snapshot
  }
  lezer.close()
  await database.close()
})

test('a process killed while writing loses no committed transaction and leaves an intact database', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'kp-wal-'))
  t.after(() => rmSync(dir, { recursive: true, force: true }))
  const module = fileURLToPath(new URL('./database.ts', import.meta.url))
  const script = join(dir, 'schrijver.mts')
  // Commits transactions of 100 rows for ever, printing each committed batch; the test kills it mid-stream.
  writeFileSync(script, `
import { sql } from ${JSON.stringify(import.meta.resolve('kysely'))}
import { openDatabase } from ${JSON.stringify(module)}
const database = openDatabase({ kind: 'sqlite', dataDir: ${JSON.stringify(dir)} })
await sql\`create table if not exists proef (id integer primary key, tekst text not null)\`.execute(database.db)
for (let b = 0; ; b++) {
  await database.db.transaction().execute(async (tx) => {
    for (let i = 0; i < 100; i++) await sql\`insert into proef (id, tekst) values (\${b * 100 + i}, \${'y'.repeat(2000)})\`.execute(tx)
  })
  process.stdout.write(b + '\\n')
}
`)
  const kind = spawn(process.execPath, ['--import', 'tsx', script], { stdio: ['ignore', 'pipe', 'inherit'] })
  let uit = ''
  const gedood = new Promise<void>((resolve) => {
    kind.stdout.on('data', (d: Buffer) => {
      uit += d.toString()
      // Killed mid-stream once the thread has copied part of the WAL into the database file (and more follows).
      if (uit.split('\n').length > 60 && !kind.killed && statSync(join(dir, 'knooppunt.sqlite')).size > 2_000_000) kind.kill('SIGKILL')
    })
    kind.on('exit', () => resolve())
  })
  await gedood
  const gemeld = uit.split('\n').filter((r) => /^\d+$/.test(r)).map(Number)
  const laatste = Math.max(...gemeld)
  assert.ok(laatste >= 50)
  // Reopen as the hub would (with its own checkpoint thread): recovery from the WAL, then check everything.
  const database = openDatabase({ kind: 'sqlite', dataDir: dir })
  const { n, m } = (await sql<{ n: number; m: number }>`select count(*) as n, max(id) as m from proef`.execute(database.db)).rows[0]!
  // Every transaction reported as committed is there, whole; at most the one in flight at the kill is missing.
  assert.ok(m >= laatste * 100 + 99, `max id ${m}, last reported batch ${laatste}`)
  assert.equal(n, m + 1)
  assert.equal(n % 100, 0)
  const check = (await sql<{ integrity_check: string }>`pragma integrity_check`.execute(database.db)).rows[0]!
  assert.equal(check.integrity_check, 'ok')
  await database.close()
})

test('closing stops the thread; an in-memory store has none and still works', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'kp-wal-'))
  try {
    for (let i = 0; i < 3; i++) {
      const database = await metTabel(dir)
      await schrijf(database, i * 10, 1, 10)
      await database.close()
      await database.close() // twice is harmless
    }
    const weer = await metTabel(dir)
    const { n } = (await sql<{ n: number }>`select count(*) as n from proef`.execute(weer.db)).rows[0]!
    assert.equal(n, 30)
    await weer.close()
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
  const geheugen = openDatabase({ kind: 'sqlite-memory' })
  await sql`create table proef (id integer primary key)`.execute(geheugen.db)
  await sql`insert into proef (id) values (1)`.execute(geheugen.db)
  assert.equal((await sql<{ n: number }>`select count(*) as n from proef`.execute(geheugen.db)).rows[0]!.n, 1)
  await geheugen.close()
})
