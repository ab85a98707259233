import assert from 'node:assert/strict'
import { test } from 'node:test'
import { nextDelayMs, RETRY_SCHEDULE_MS } from './retry-schedule.js'

test('the schedule spans at least 24 hours and grows', () => {
  const total = RETRY_SCHEDULE_MS.reduce((a, b) => a + b, 0)
  assert.ok(total >= 24 * 3600_000, `schedule covers ${total / 3600_000} h`)
  for (let i = 1; i < RETRY_SCHEDULE_MS.length; i++) assert.ok(RETRY_SCHEDULE_MS[i]! >= RETRY_SCHEDULE_MS[i - 1]!)
})

test('jitter stays within its bounds; after the last wait there is none', () => {
  assert.equal(nextDelayMs(1, RETRY_SCHEDULE_MS, 0.1, () => 0.5), 30_000)
  assert.equal(nextDelayMs(1, RETRY_SCHEDULE_MS, 0.1, () => 0), 27_000)
  assert.equal(nextDelayMs(1, RETRY_SCHEDULE_MS, 0.1, () => 1), 33_000)
  assert.equal(nextDelayMs(RETRY_SCHEDULE_MS.length + 1, RETRY_SCHEDULE_MS, 0.1), undefined)
})
