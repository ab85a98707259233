/**
 * Many signals at once through the batch planning consumer and the worker's grouped attempt writes: every signal
 * arrives once per subscription, every attempt is recorded, and every BSN sent has its own ledger line.
 */
import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { fixedClock, type Bsn } from '../../src/core/index.js'
import { createDeliveryModule } from '../../src/platform/delivery/index.js'
import { startTestHub, testStores } from '../support/test-hub.js'
import { maakSignaal, nieuweBsn, startOntvanger, wachtTot, zetInPopulatie } from '../support/delivery-fixtures.js'

const stil = { warn() {}, error() {} }

for (const store of testStores()) {
  describe(`webhooks in batches [${store}]`, () => {
    test('60 signals at once, two subscriptions: each delivered once per subscription, each attempt and ledger line written', async () => {
      await using ontvanger = await startOntvanger(200)
      const module = createDeliveryModule({ allowPrivateUrls: true, pollMs: 50, concurrency: 8, log: stil })
      await using t = await startTestHub(store, { clock: fixedClock(new Date()), modules: [module] })
      const gemeente = await t.org('Gemeente Utrecht', 'gemeente', { producten: ['samenloop'], rollen: ['inkomen'] })
      const abonnementen: string[] = []
      for (const pad of ['a', 'b']) {
        const res = await t.as(gemeente).inject({ method: 'POST', url: '/api/v1/abonnementen', payload: { url: `${ontvanger.url}/${pad}`, producten: ['samenloop'] } })
        assert.equal(res.statusCode, 201, res.body)
        abonnementen.push(res.json().id)
      }
      const bsns = Array.from({ length: 60 }, () => nieuweBsn())
      for (const bsn of bsns) await zetInPopulatie(t.hub.ctx, { oin: gemeente.oin, bsn })
      // Events committed faster than the planning consumer takes them: its turns are batches.
      const signalen = await Promise.all(bsns.map((bsn, i) => maakSignaal(t.hub.ctx, { oin: gemeente.oin, bsn }, { eventTweeKeer: i % 10 === 0 })))

      await wachtTot(() => ontvanger.ontvangen.length >= 120, 20_000, '120 webhooks')
      await new Promise((r) => setTimeout(r, 200))
      assert.equal(ontvanger.ontvangen.length, 120, 'once per signal per subscription, also for the events sent twice')
      const perPad = (pad: string) => ontvanger.ontvangen.filter((o) => o.url.endsWith(`/${pad}`)).map((o) => JSON.parse(o.body).subject as string).sort()
      assert.deepEqual(perPad('a'), [...signalen].sort())
      assert.deepEqual(perPad('b'), [...signalen].sort())

      const { db } = t.hub.ctx.database
      const lees = () => db.selectFrom('afleveringen').select(['id', 'status', 'pogingen']).where('abonnement_id', 'in', abonnementen).execute()
      // An attempt is written after its POST returned (in the next group), so the receiver may be ahead of the table.
      await wachtTot(async () => (await lees()).every((r) => r.status === 'afgeleverd'), 20_000, 'every attempt written')
      const rijen = await lees()
      assert.equal(rijen.length, 120)
      assert.ok(rijen.every((r) => r.status === 'afgeleverd' && r.pogingen === 1), JSON.stringify(rijen.filter((r) => r.status !== 'afgeleverd' || r.pogingen !== 1)))
      const pogingen = await db.selectFrom('afleverpogingen').select(['aflevering_id', 'http_status']).where('aflevering_id', 'in', rijen.map((r) => r.id)).execute()
      assert.equal(pogingen.length, 120)
      assert.ok(pogingen.every((p) => p.http_status === 200))
      for (const bsn of bsns.slice(0, 10)) {
        const regels = (await t.hub.ctx.ledger.inzage(bsn as Bsn)).filter((l) => l.activiteit === 'webhook-afleveren')
        assert.equal(regels.length, 2, 'one ledger line per send (two subscriptions)')
        assert.ok(regels.every((l) => l.status === 'ok' && l.actorOin === gemeente.oin), JSON.stringify(regels))
      }
      assert.equal((await t.hub.ctx.ledger.verify()).ok, true, 'the chain holds with grouped appends')
    })
  })
}
