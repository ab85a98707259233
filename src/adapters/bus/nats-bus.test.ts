import assert from 'node:assert/strict'
import { test } from 'node:test'
import { systemClock } from '../../core/index.js'
import { openTestDatabase } from '../../../test/support/stores.js'
import { createNatsBus } from './index.js'

test('an unreachable NATS server fails start() and ping() with a stable code', async () => {
  await using database = await openTestDatabase('sqlite')
  const bus = createNatsBus({ db: database.db, clock: systemClock, url: 'nats://127.0.0.1:1' })
  await assert.rejects(bus.ping(), { code: 'events.nats-onbereikbaar' })
  await assert.rejects(bus.start(), { code: 'events.nats-onbereikbaar' })
  await bus.stop()
})

test('stream names and subject prefixes are checked when the bus is created', async () => {
  await using database = await openTestDatabase('sqlite')
  const deps = { db: database.db, clock: systemClock, url: 'nats://127.0.0.1:4222' }
  assert.throws(() => createNatsBus({ ...deps, stream: 'met.punt' }), { code: 'events.nats-stream-ongeldig' })
  assert.throws(() => createNatsBus({ ...deps, subjectPrefix: 'a.>' }), { code: 'events.nats-prefix-ongeldig' })
  assert.throws(() => createNatsBus(deps).subscribe('a b', '*', async () => {}), { code: 'events.consument-ongeldig' })
})
