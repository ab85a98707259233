import assert from 'node:assert/strict'
import { test } from 'node:test'
import { systemClock } from '../../core/index.js'
import { describeStores } from '../../../test/support/stores.js'
import { appendToOutbox, createInProcessBus, type HubEvent } from './index.js'

const DIAG = 'knooppunt.diagnose.v1'
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

async function waitFor(ok: () => boolean, ms = 5000): Promise<void> {
  const until = Date.now() + ms
  while (!ok()) {
    if (Date.now() > until) throw new Error('timed out')
    await sleep(10)
  }
}

describeStores('in-process bus', (store) => {
  test('a row that commits after a later row is still delivered, and in seq order', {
    skip: store.name === 'sqlite' ? 'SQLite has one writer at a time, so rows commit in seq order' : false,
  }, async () => {
    await using database = await store.open()
    const { db } = database
    const bus = createInProcessBus({ db, clock: systemClock, pollMs: 50 })
    const seen: HubEvent[] = []
    bus.subscribe('c', '*', async (e) => { seen.push(e) })
    await bus.start()
    await using _stopped = { [Symbol.asyncDispose]: () => bus.stop() } // before the database closes

    let commitSlow!: () => void
    const slowMayCommit = new Promise<void>((r) => { commitSlow = r })
    let slowInserted!: () => void
    const inserted = new Promise<void>((r) => { slowInserted = r })
    const slow = db.transaction().execute(async (tx) => {
      await appendToOutbox(tx, systemClock, [{ type: DIAG, data: { n: 'traag' } }]) // takes the lower seq
      slowInserted()
      await slowMayCommit
    })
    await inserted
    try {
      await db.transaction().execute((tx) => appendToOutbox(tx, systemClock, [{ type: DIAG, data: { n: 'snel' } }]))
      bus.notify()
      await sleep(200)
      assert.equal(seen.length, 0, 'the later row waits while the earlier seq may still commit')
    } finally {
      commitSlow() // also when the assertion failed, so the pool can close
      await slow
    }
    await waitFor(() => seen.length === 2)
    assert.deepEqual(seen.map((e) => (e.data as { n: string }).n), ['traag', 'snel'])
  })

  test('consumer names are checked when subscribing, and subscribing after start is refused', async () => {
    await using database = await store.open()
    const bus = createInProcessBus({ db: database.db, clock: systemClock })
    const noop = async () => {}
    assert.throws(() => bus.subscribe('met spatie', '*', noop), { code: 'events.consument-ongeldig' })
    assert.throws(() => bus.subscribe('a.b', '*', noop), { code: 'events.consument-ongeldig' })
    bus.subscribe('ok_naam-1', '*', noop)
    assert.throws(() => bus.subscribe('ok_naam-1', '*', noop), { code: 'events.consument-dubbel' })
    await bus.start()
    assert.throws(() => bus.subscribe('later', '*', noop), { code: 'events.bus-al-gestart' })
    await bus.ping()
    await bus.stop()
  })

  test('the position is stored per consumer, so a restart resumes', async () => {
    await using database = await store.open()
    const { db } = database
    await db.transaction().execute((tx) => appendToOutbox(tx, systemClock, [1, 2, 3].map((n) => ({ type: DIAG, data: { n } }))))
    const first = createInProcessBus({ db, clock: systemClock })
    let count = 0
    first.subscribe('teller', '*', async () => { count++ })
    await first.start()
    await waitFor(() => count === 3)
    await first.stop()
    const row = await db.selectFrom('bus_posities').selectAll().where('consument', '=', 'teller').executeTakeFirstOrThrow()
    const last = await db.selectFrom('outbox').select((eb) => eb.fn.max('seq').as('max')).executeTakeFirstOrThrow()
    assert.equal(Number(row.seq), Number(last.max))
  })
})
