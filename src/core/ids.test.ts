import assert from 'node:assert/strict'
import { test } from 'node:test'
import { newOrderedId } from './ids.js'

test('newOrderedId: a UUID v7 whose first 48 bits are the time, unique, and sorted by creation millisecond', async () => {
  const voor = Date.now()
  const ids = Array.from({ length: 20_000 }, () => newOrderedId())
  await new Promise((r) => setTimeout(r, 3))
  const later = newOrderedId()
  for (const id of ids) assert.match(id, /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
  assert.equal(new Set(ids).size, ids.length)
  const ms = parseInt(ids[0]!.replace(/-/g, '').slice(0, 12), 16)
  assert.ok(ms >= voor && ms <= Date.now())
  assert.ok(ids.every((id) => id < later), 'an id of a later millisecond sorts after every earlier one')
})
