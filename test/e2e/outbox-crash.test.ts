/**
 * Kill the process between commit and dispatch: the event must still be delivered after a restart.
 * A child process commits a state change and its outbox event in one transaction and is killed with SIGKILL before
 * its bus dispatches anything; a fresh bus on the same store then delivers the event. In-process mode uses a
 * file-based SQLite store; NATS mode uses PostgreSQL and the NATS server (skipped with a reason when not configured,
 * required on CI).
 */
import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, test } from 'node:test'
import { fileURLToPath } from 'node:url'
import { connect } from 'nats'
import { createNatsBus } from '../../src/adapters/bus/index.js'
import { openMigratedDatabase, type StoreConfig } from '../../src/adapters/store/index.js'
import { systemClock } from '../../src/core/index.js'
import { createInProcessBus, type Bus, type HubEvent } from '../../src/platform/events/index.js'
import type { Db } from '../../src/platform/tables.js'
import { pgTestSchema } from '../support/pg-schema.js'
import { postgresUrl } from '../support/stores.js'

const CHILD = fileURLToPath(new URL('./outbox-crash-child.ts', import.meta.url))
const OIN = '00000001234567890000'

function natsUrl(): string | undefined {
  const url = process.env.NATS_URL
  if (!url && process.env.CI === 'true') throw new Error('CI=true but NATS_URL is not set: the NATS crash test must run in CI')
  return url || undefined
}

/** Runs the child until it reports the commit, then kills it with SIGKILL; returns everything it printed. */
async function commitAndKill(config: object): Promise<string> {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, JSON.stringify(config)], { stdio: ['ignore', 'pipe', 'pipe'] })
  let out = ''
  let err = ''
  child.stdout.on('data', (d) => { out += d })
  child.stderr.on('data', (d) => { err += d })
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)))
  const until = Date.now() + 20_000
  while (!out.includes('COMMITTED')) {
    if (child.exitCode !== null || Date.now() > until) {
      child.kill('SIGKILL')
      throw new Error(`child did not commit: ${err || out}`)
    }
    await new Promise((r) => setTimeout(r, 10))
  }
  child.kill('SIGKILL')
  assert.equal(await exited, 'SIGKILL')
  return out
}

/** Starts a fresh bus on the same store and returns the events its consumer receives within a few seconds. */
async function restartAndReceive(bus: Bus): Promise<HubEvent[]> {
  const seen: HubEvent[] = []
  bus.subscribe('crash-test', '*', async (e) => { seen.push(e) })
  await bus.start()
  try {
    const until = Date.now() + 10_000
    while (seen.length === 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 10))
    await new Promise((r) => setTimeout(r, 100)) // room for a wrong second delivery
  } finally {
    await bus.stop()
  }
  return seen
}

async function assertCommittedButNotPassedOn(db: Db): Promise<void> {
  const org = await db.selectFrom('organisaties').select('naam').where('oin', '=', OIN).executeTakeFirst()
  assert.equal(org?.naam, 'Gemeente Crashdorp', 'the state change committed')
  const rows = await db.selectFrom('outbox').select(['type', 'doorgegeven']).execute()
  assert.deepEqual(rows, [{ type: 'knooppunt.organisatie.gewijzigd.v1', doorgegeven: null }], 'its event waits in the outbox')
}

function assertDeliveredOnce(seen: readonly HubEvent[]): void {
  assert.equal(seen.length, 1)
  assert.equal(seen[0]!.type, 'knooppunt.organisatie.gewijzigd.v1')
  assert.deepEqual(seen[0]!.data, { oin: OIN })
}

describe('outbox survives a crash between commit and dispatch', () => {
  test('in-process bus, SQLite file store', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'knooppunt-crash-'))
    try {
      const store: StoreConfig = { kind: 'sqlite', dataDir }
      await (await openMigratedDatabase(store)).close() // migrated up front, so the child starts quickly
      const out = await commitAndKill({ store })
      assert.ok(!out.includes('HANDLED'), 'the child dispatched nothing before it was killed')

      const database = await openMigratedDatabase(store)
      try {
        await assertCommittedButNotPassedOn(database.db)
        assertDeliveredOnce(await restartAndReceive(createInProcessBus({ db: database.db, clock: systemClock })))
      } finally {
        await database.close()
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true })
    }
  })

  const url = natsUrl()
  const dbUrl = postgresUrl()
  const skip = !url ? 'NATS_URL is not set' : !dbUrl ? 'DATABASE_URL is not set' : false
  test('NATS bus, PostgreSQL store', { skip }, async () => {
    const id = randomBytes(4).toString('hex')
    const { schema, drop } = await pgTestSchema(dbUrl!, 'crash')
    const nats = { url: url!, stream: `KT_CRASH_${id}`, subjectPrefix: `ktcrash${id}` }
    try {
      const store: StoreConfig = { kind: 'postgres', url: dbUrl!, schema, poolSize: 2 }
      await (await openMigratedDatabase(store)).close()
      const out = await commitAndKill({ store, nats })
      assert.ok(!out.includes('HANDLED'), 'the child dispatched nothing before it was killed')

      const database = await openMigratedDatabase(store)
      try {
        await assertCommittedButNotPassedOn(database.db)
        assertDeliveredOnce(await restartAndReceive(createNatsBus({ db: database.db, clock: systemClock, ...nats })))
        const left = await database.db.selectFrom('outbox').select('seq').where('doorgegeven', 'is', null).execute()
        assert.equal(left.length, 0, 'the relay marked the row as passed on')
      } finally {
        await database.close()
      }
    } finally {
      await drop()
      const nc = await connect({ servers: url! })
      await (await nc.jetstreamManager()).streams.delete(nats.stream).catch(() => false)
      await nc.close()
    }
  })
})
