/**
 * Child process of outbox-crash.test.ts. Starts a bus that will not dispatch on its own (its poll interval is an
 * hour and nobody calls notify), commits a state change and its outbox event in one transaction, says so on stdout
 * and waits to be killed. Argument: JSON `{ store: StoreConfig, nats?: { url, stream, subjectPrefix } }`.
 */
import { createNatsBus } from '../../src/adapters/bus/index.js'
import { openMigratedDatabase, type StoreConfig } from '../../src/adapters/store/index.js'
import { systemClock } from '../../src/core/index.js'
import { appendToOutbox, createInProcessBus } from '../../src/platform/events/index.js'

const config = JSON.parse(process.argv[2] ?? '{}') as {
  store: StoreConfig
  nats?: { url: string; stream: string; subjectPrefix: string }
}
const { db } = await openMigratedDatabase(config.store)
const hour = 3_600_000
const bus = config.nats
  ? createNatsBus({ db, clock: systemClock, ...config.nats, pollMs: hour })
  : createInProcessBus({ db, clock: systemClock, pollMs: hour })
bus.subscribe('crash-test', '*', async () => { process.stdout.write('HANDLED\n') })
await bus.start()
await new Promise((r) => setTimeout(r, 100)) // let the start-up round finish on an empty outbox

await db.transaction().execute(async (tx) => {
  const now = systemClock.now().toISOString()
  await tx.insertInto('organisaties').values({ oin: '00000001234567890000', naam: 'Gemeente Crashdorp', soort: 'gemeente', gemeentecode: null, agb_code: null, aangemaakt: now }).execute()
  await appendToOutbox(tx, systemClock, [{ type: 'knooppunt.organisatie.gewijzigd.v1', data: { oin: '00000001234567890000' } }])
})
process.stdout.write('COMMITTED\n')
setInterval(() => {}, hour) // wait for SIGKILL
