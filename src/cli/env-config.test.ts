import assert from 'node:assert/strict'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { test } from 'node:test'
import { AppError, fixedClock } from '../core/index.js'
import { maakSignaal, nieuweBsn, wachtTot, zetInPopulatie } from '../../test/support/delivery-fixtures.js'
import { startTestHub } from '../../test/support/test-hub.js'
import { configFromEnv } from './env-config.js'
import { hubModules } from './hub-options.js'

test('KNOOPPUNT_WEBHOOK_GELIJKTIJDIG: read as a whole number 1–1000, left out = the default', () => {
  assert.equal(configFromEnv({ KNOOPPUNT_WEBHOOK_GELIJKTIJDIG: '96' }, 'demo').webhookConcurrency, 96)
  assert.equal(configFromEnv({}, 'demo').webhookConcurrency, undefined)
  for (const fout of ['0', '1001', '1.5', 'veel']) {
    assert.throws(() => configFromEnv({ KNOOPPUNT_WEBHOOK_GELIJKTIJDIG: fout }, 'demo'), (e: unknown) =>
      e instanceof AppError && e.code === 'configuratie.ongeldig' && e.invalidParams.some((p) => p.name === 'KNOOPPUNT_WEBHOOK_GELIJKTIJDIG'), fout)
  }
})

test('the served hub sends at most webhookConcurrency webhooks at once', async () => {
  // A receiver that answers after 100 ms and counts the requests it holds at the same time.
  let open = 0
  let hoogste = 0
  let ontvangen = 0
  const server = createServer((req, res) => {
    open++
    hoogste = Math.max(hoogste, open)
    req.resume()
    req.on('end', () => setTimeout(() => { open--; ontvangen++; res.writeHead(204).end() }, 100))
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  try {
    const config = { mode: 'test' as const, publicUrl: 'http://localhost:8080', webhookConcurrency: 2 }
    await using t = await startTestHub('sqlite', { clock: fixedClock(new Date()), modules: hubModules(config), config })
    const gemeente = await t.org('Gemeente Utrecht', 'gemeente', { producten: ['samenloop'], rollen: ['inkomen'] })
    const ab = await t.as(gemeente).inject({ method: 'POST', url: '/api/v1/abonnementen', payload: { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, producten: ['samenloop'] } })
    assert.equal(ab.statusCode, 201, ab.body)
    for (let i = 0; i < 6; i++) {
      const bsn = nieuweBsn()
      await zetInPopulatie(t.hub.ctx, { oin: gemeente.oin, bsn })
      await maakSignaal(t.hub.ctx, { oin: gemeente.oin, bsn })
    }
    await wachtTot(() => ontvangen === 6, 10_000, 'zes webhooks')
    assert.equal(hoogste, 2)
  } finally {
    server.closeAllConnections()
    await new Promise<void>((r) => server.close(() => r()))
  }
})
