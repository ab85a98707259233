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
      const lees = () => db.selectFrom('afleveringen').select(['id', 'status', 'pogingen', 'afgeleverd', 'volgende_poging']).where('abonnement_id', 'in', abonnementen).execute()
      // An attempt is written after its POST returned (in the next group), so the receiver may be ahead of the table.
      await wachtTot(async () => (await lees()).every((r) => r.status === 'afgeleverd'), 20_000, 'every attempt written')
      const rijen = await lees()
      assert.equal(rijen.length, 120)
      assert.ok(rijen.every((r) => r.status === 'afgeleverd' && r.pogingen === 1), JSON.stringify(rijen.filter((r) => r.status !== 'afgeleverd' || r.pogingen !== 1)))
      assert.ok(rijen.every((r) => r.afgeleverd !== null && r.volgende_poging === null), 'delivered rows carry their time and wait for nothing')
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

    test('the population re-check per claimed batch: only the signals whose BSN is still in the population for their period go out', async () => {
      await using ontvanger = await startOntvanger(200)
      const module = createDeliveryModule({ allowPrivateUrls: true, pollMs: 50, concurrency: 32, log: stil })
      await using t = await startTestHub(store, { clock: fixedClock(new Date()), modules: [module] })
      const gemeente = await t.org('Gemeente Utrecht', 'gemeente', { producten: ['samenloop'], rollen: ['inkomen'] })
      const andere = await t.org('Gemeente Zeist', 'gemeente', { producten: ['samenloop'], rollen: ['inkomen'] })
      const res = await t.as(gemeente).inject({ method: 'POST', url: '/api/v1/abonnementen', payload: { url: ontvanger.url, producten: ['samenloop'] } })
      assert.equal(res.statusCode, 201, res.body)
      const abonnement = res.json().id as string
      const { ctx } = t.hub
      // Signals for January 2026, eight of each case, committed together so the worker claims them in one batch.
      const gevallen = {
        open: { ingangsdatum: '2025-01-01' }, eindigtOpEersteDag: { ingangsdatum: '2025-01-01', einddatum: '2026-01-01' },
        begintOpLaatsteDag: { ingangsdatum: '2026-01-31' },
        geen: undefined, eindigdEerder: { ingangsdatum: '2025-01-01', einddatum: '2025-12-31' }, begintLater: { ingangsdatum: '2026-02-01' },
        andereGemeente: 'andere' as const, anderProduct: 'oib' as const,
      }
      const welkom = new Set(['open', 'eindigtOpEersteDag', 'begintOpLaatsteDag'])
      const verwacht = new Map<string, boolean>()
      const signalen: Array<Promise<string>> = []
      for (const [geval, indicatie] of Object.entries(gevallen)) {
        for (let i = 0; i < 8; i++) {
          const bsn = nieuweBsn()
          if (indicatie === 'andere') await zetInPopulatie(ctx, { oin: andere.oin, bsn })
          else if (indicatie === 'oib') await zetInPopulatie(ctx, { oin: gemeente.oin, bsn, product: 'oib' })
          else if (indicatie) await zetInPopulatie(ctx, { oin: gemeente.oin, bsn, ...indicatie })
          signalen.push(maakSignaal(ctx, { oin: gemeente.oin, bsn, periodeVan: '2026-01-01', periodeTot: '2026-01-31' }).then((id) => { verwacht.set(id, welkom.has(geval)); return id }))
        }
      }
      await Promise.all(signalen)
      const { db } = ctx.database
      const lees = () => db.selectFrom('afleveringen').select(['signaal_id', 'status', 'reden']).where('abonnement_id', '=', abonnement).execute()
      await wachtTot(async () => { const r = await lees(); return r.length === 64 && r.every((a) => a.status !== 'wachtend') }, 20_000, 'alle afleveringen afgehandeld')
      for (const a of await lees()) {
        if (verwacht.get(a.signaal_id)) assert.equal(a.status, 'afgeleverd', a.signaal_id)
        else assert.deepEqual([a.status, a.reden], ['dood', 'toegang-vervallen'])
      }
      const ontvangen = ontvanger.ontvangen.map((o) => JSON.parse(o.body).subject as string).sort()
      assert.deepEqual(ontvangen, [...verwacht].filter(([, ja]) => ja).map(([id]) => id).sort())
    })
  })
}
