import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { Webhook } from 'standardwebhooks'
import { fixedClock, passesElfproef, type Bsn } from '../../src/core/index.js'
import { createDeliveryModule, TOEGANG_CACHE_MS } from '../../src/platform/delivery/index.js'
import { planGebeurtenis } from '../../src/platform/delivery/delivery-consumer.js'
import { toHubEvent } from '../../src/platform/events/index.js'
import { intakeModule } from '../../src/platform/intake/index.js'
import { populatieModule } from '../../src/platform/population/index.js'
import { oibModule } from '../../src/products/oib/index.js'
import { startTestHub, testStores, type TestHub, type TestOrg } from '../support/test-hub.js'
import { nieuweBsn, startOntvanger, wachtTot } from '../support/delivery-fixtures.js'

const stil = { warn() {}, error() {} }
const csv = (payload: string, extra: Record<string, string> = {}) => ({ payload, headers: { 'content-type': 'text/csv', ...extra } })
const KOP = 'bsn;periode;inkomstenverhoudingId;loonheffingennummer;werkgeverNaam;soortInkomen;brutoloonCent;loonheffingCent;uren'

async function opzet(store: 'sqlite' | 'postgres') {
  const clock = fixedClock('2026-02-10T08:00:00Z')
  const webhooks = createDeliveryModule({ allowPrivateUrls: true, pollMs: 20, log: stil })
  const t = await startTestHub(store, { clock, modules: [populatieModule, intakeModule, oibModule, webhooks] })
  const utrecht = await t.org('Gemeente Utrecht', 'gemeente', { producten: ['oib'], rollen: ['inkomen'] })
  const amersfoort = await t.org('Gemeente Amersfoort', 'gemeente', { producten: ['oib'], rollen: ['inkomen'] })
  const uwv = await t.org('UWV', 'bron', { rollen: ['bron'] })
  const bsn = { klant: nieuweBsn(), ander: nieuweBsn(), amersfoorter: nieuweBsn() }
  await populatie(t, utrecht, `${bsn.klant};2025-06-01;;OIB-9`)
  await populatie(t, amersfoort, `${bsn.amersfoorter};2025-06-01;;AMF-1`)
  return { t, clock, utrecht, amersfoort, uwv, bsn }
}

async function populatie(t: TestHub, org: TestOrg, regel: string) {
  const res = await t.as(org).inject({ method: 'PUT', url: '/api/v1/populaties/oib', ...csv(`bsn;ingangsdatum;einddatum;referentie\n${regel}\n`) })
  assert.equal(res.statusCode, 200, res.body)
}

async function abonneer(t: TestHub, org: TestOrg, url: string) {
  const res = await t.as(org).inject({ method: 'POST', url: '/api/v1/abonnementen', payload: JSON.stringify({ url, producten: ['oib'] }), headers: { 'content-type': 'application/json' } })
  assert.equal(res.statusCode, 201, res.body)
  return res.json() as { id: string; secret: string }
}

async function lever(t: TestHub, uwv: TestOrg, leveringId: string, regels: string[], status = 201) {
  const res = await t.as(uwv).inject({ method: 'POST', url: '/api/v1/bronnen/uwv-polis/leveringen', ...csv(`${[KOP, ...regels].join('\n')}\n`, { 'levering-id': leveringId }) })
  assert.equal(res.statusCode, status, res.body)
  return res.json() as { geaccepteerd: number }
}

const afleveringen = (t: TestHub, abonnementId: string) =>
  t.hub.ctx.database.db.selectFrom('afleveringen').selectAll().where('abonnement_id', '=', abonnementId).orderBy('aangemaakt').execute()
const gewijzigd = (t: TestHub) =>
  t.hub.ctx.database.db.selectFrom('outbox').selectAll().where('type', '=', 'knooppunt.oib.overzicht-gewijzigd.v1').orderBy('seq').execute()
const rust = () => new Promise((r) => setTimeout(r, 300))

for (const store of testStores()) {
  describe(`webhooks for OIB [${store}]`, () => {
    test('a polis delivery sends one signed CloudEvent per changed month, without a BSN or amounts; identical deliveries send nothing', async () => {
      await using ontvanger = await startOntvanger(200)
      await using andere = await startOntvanger(200)
      const { t, utrecht, amersfoort, uwv, bsn } = await opzet(store)
      await using _ = t
      const { id, secret } = await abonneer(t, utrecht, ontvanger.url)
      const amf = await abonneer(t, amersfoort, andere.url)

      const regels = [
        `${bsn.klant};2026-01;IKV-77;802850844L01;Bakkerij BV;loon;187654;21234;96`,
        `${bsn.klant};2026-01;UWV-78;802850844L02;UWV;zw;45678;3456;0`,
        `${bsn.ander};2026-01;IKV-79;802850844L01;Bakkerij BV;loon;100000;10000;40`,
      ]
      await lever(t, uwv, 'polis-2026-01', regels)
      await wachtTot(() => ontvanger.ontvangen.length >= 1, 5000, 'webhook ontvangen')
      await rust()
      assert.equal(ontvanger.ontvangen.length, 1, 'one event for (Utrecht, 2026-01), though two income relations changed')

      const { headers, body } = ontvanger.ontvangen[0]!
      const event = new Webhook(secret).verify(body, headers as Record<string, string>) as Record<string, unknown>
      assert.throws(() => new Webhook(amf.secret).verify(body, headers as Record<string, string>), 'another subscription\'s secret does not verify')
      const [aflevering] = await afleveringen(t, id)
      assert.deepEqual(event, {
        specversion: '1.0', id: aflevering!.id, source: 'urn:nld:oin:00000001900000001000:systeem:knooppunt',
        type: 'nl.knooppunt.oib.overzicht-gewijzigd', subject: '2026-01', time: event.time, datacontenttype: 'application/json',
        dataref: 'http://localhost:8080/api/v1/oib/overzichten?periode=2026-01', data: { periode: '2026-01' },
      })
      assert.equal(headers['webhook-id'], aflevering!.id)
      assert.equal(headers['content-type'], 'application/cloudevents+json; charset=utf-8')
      const alles = body + JSON.stringify(headers)
      for (const b of Object.values(bsn)) assert.ok(!alles.includes(b), 'no BSN anywhere in the request')
      // A standalone 9-digit number (not a run inside a random hex or base64 id, which can pass the 11-proef by chance).
      for (const m of alles.matchAll(/(?<![0-9A-Za-z+/=_-])\d{9}(?![0-9A-Za-z+/=_-])/g)) assert.ok(!passesElfproef(m[0]), `BSN-shaped number in the request: ${m[0]}`)
      for (const bedrag of ['187654', '45678', '21234']) assert.ok(!alles.includes(bedrag), 'no amounts')

      // The afnemer reads the month through dataref with its own token; that read is ledgered, the notice is not.
      const gelezen = await t.as(utrecht).inject({ method: 'GET', url: '/api/v1/oib/overzichten?periode=2026-01' })
      assert.equal(gelezen.json().overzichten[0].bsn, bsn.klant)
      assert.deepEqual((await t.hub.ctx.ledger.inzage(bsn.klant as Bsn)).filter((l) => l.activiteit === 'webhook-afleveren'), [])

      const lijst = (await t.as(utrecht).inject({ method: 'GET', url: `/api/v1/abonnementen/${id}/afleveringen` })).json()
      assert.deepEqual(lijst.afleveringen.map((a: Record<string, unknown>) => [a.status, a.signaalId, a.onderwerp]), [
        ['afgeleverd', null, { soort: 'gebeurtenis', id: aflevering!.signaal_id, type: 'nl.knooppunt.oib.overzicht-gewijzigd', subject: '2026-01' }],
      ])

      // The same delivery again (same Levering-Id), and the same lines under a new Levering-Id: nothing new is stored,
      // so no month changed and nothing is sent.
      await lever(t, uwv, 'polis-2026-01', regels, 200)
      await lever(t, uwv, 'polis-2026-01-bis', regels)
      await rust()
      assert.equal(ontvanger.ontvangen.length, 1)
      assert.equal((await gewijzigd(t)).length, 1)
      assert.equal((await afleveringen(t, id)).length, 1)

      // Amersfoort's client is not in the delivery: its subscription gets nothing.
      assert.equal(andere.ontvangen.length, 0)
      assert.equal((await afleveringen(t, amf.id)).length, 0)

      // A redelivered bus event (at least once) finds its notice: still one delivery.
      const [row] = await gewijzigd(t)
      assert.equal(await planGebeurtenis(t.hub.ctx, toHubEvent(row!)), 0)
      assert.equal((await t.hub.ctx.database.db.selectFrom('gebeurtenissen').selectAll().execute()).length, 1)
    })

    test('product ended: not sent, a dead letter toegang-vervallen; resent once the product is taken again', async () => {
      await using ontvanger = await startOntvanger(200)
      const { t, clock, utrecht, uwv, bsn } = await opzet(store)
      await using _ = t
      const { id, secret } = await abonneer(t, utrecht, ontvanger.url)
      const { db } = t.hub.ctx.database
      const gisteren = new Date(clock.now().getTime() - 86_400_000).toISOString().slice(0, 10)
      await db.updateTable('organisatie_producten').set({ van: '2000-01-01', tot: gisteren }).where('oin', '=', utrecht.oin).execute()

      await lever(t, uwv, 'polis-2026-02', [`${bsn.klant};2026-02;IKV-77;802850844L01;Bakkerij BV;loon;190000;21500;96`])
      await wachtTot(async () => (await afleveringen(t, id)).some((a) => a.status === 'dood'), 5000, 'dode brief')
      const [dood] = await afleveringen(t, id)
      assert.deepEqual([dood!.onderwerp, dood!.status, dood!.reden], ['gebeurtenis', 'dood', 'toegang-vervallen'])
      assert.equal(ontvanger.ontvangen.length, 0, 'nothing was sent')
      const brieven = (await t.as(utrecht).inject({ method: 'GET', url: `/api/v1/abonnementen/${id}/dode-brieven` })).json()
      assert.deepEqual(brieven.afleveringen.map((a: { reden: string; pogingen: unknown[] }) => [a.reden, a.pogingen.length]), [['toegang-vervallen', 0]])

      // Resent while the product is still not taken: the re-check runs again and it stays dead.
      assert.equal((await t.as(utrecht).inject({ method: 'POST', url: `/api/v1/abonnementen/${id}/dode-brieven/${dood!.id}/opnieuw` })).statusCode, 202)
      await wachtTot(async () => (await afleveringen(t, id))[0]!.status === 'dood', 5000, 'weer dood')
      assert.equal(ontvanger.ontvangen.length, 0)

      await db.updateTable('organisatie_producten').set({ tot: null }).where('oin', '=', utrecht.oin).execute()
      await new Promise((r) => setTimeout(r, TOEGANG_CACHE_MS)) // a change by SQL counts within the worker's bound
      assert.equal((await t.as(utrecht).inject({ method: 'POST', url: `/api/v1/abonnementen/${id}/dode-brieven/_opnieuw` })).json().aantal, 1)
      await wachtTot(() => ontvanger.ontvangen.length >= 1, 5000, 'opnieuw afgeleverd')
      const event = new Webhook(secret).verify(ontvanger.ontvangen[0]!.body, ontvanger.ontvangen[0]!.headers as Record<string, string>) as Record<string, unknown>
      assert.deepEqual([event.id, event.subject, event.data], [dood!.id, '2026-02', { periode: '2026-02' }], 'the same event id on a resend')
      await wachtTot(async () => (await afleveringen(t, id))[0]!.status === 'afgeleverd', 5000, 'afgeleverd')
    })
  })
}
