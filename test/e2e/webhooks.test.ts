import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { Webhook } from 'standardwebhooks'
import { fixedClock, passesElfproef } from '../../src/core/index.js'
import { hubModules } from '../../src/cli/hub-options.js'
import { createDeliveryModule, RETRY_SCHEDULE_MS, TOEGANG_CACHE_MS, type DeliveryOptions, type Resolve } from '../../src/platform/delivery/index.js'
import { startTestHub, testStores, type TestHub, type TestOrg } from '../support/test-hub.js'
import { maakSignaal, nieuweBsn, startOntvanger, wachtTot, zetInPopulatie } from '../support/delivery-fixtures.js'

const json = (payload: unknown) => ({ payload: JSON.stringify(payload), headers: { 'content-type': 'application/json' } })
const stil = { warn() {}, error() {} }
const PUBLIEK = '93.184.216.34'

async function webhookHub(store: 'sqlite' | 'postgres', opts: Partial<DeliveryOptions> = {}, config: Partial<TestHub['hub']['config']> = {}) {
  const clock = fixedClock(new Date())
  const module = createDeliveryModule({ allowPrivateUrls: true, pollMs: 20, log: stil, ...opts })
  const t = await startTestHub(store, { clock, modules: [module], config })
  const gemeente = await t.org('Gemeente Utrecht', 'gemeente', { producten: ['samenloop'], rollen: ['inkomen'] })
  return { t, clock, module, gemeente }
}

/** A second client of the same organisation: its token is issued on the hub's current (moved) clock. */
async function verseClient(t: TestHub, org: TestOrg): Promise<TestOrg> {
  const c = await t.hub.ctx.access.maakClient({ oin: org.oin, naam: `client ${Math.random()}`, scopes: ['samenloop'], rollen: ['inkomen'] })
  return { oin: org.oin, ...c }
}

async function abonneer(t: TestHub, org: TestOrg, body: Record<string, unknown>) {
  const res = await t.as(org).inject({ method: 'POST', url: '/api/v1/abonnementen', ...json(body) })
  assert.equal(res.statusCode, 201, res.body)
  return res.json() as { id: string; secret: string }
}

const afleveringen = (t: TestHub, abonnementId: string) =>
  t.hub.ctx.database.db.selectFrom('afleveringen').selectAll().where('abonnement_id', '=', abonnementId).execute()
const pogingen = async (t: TestHub, afleveringId: string) =>
  (await t.hub.ctx.database.db.selectFrom('afleverpogingen').selectAll().where('aflevering_id', '=', afleveringId).orderBy('seq').execute())

for (const store of testStores()) {
  describe(`webhooks [${store}]`, () => {
    test('a new signal arrives once as a signed CloudEvent without a BSN in any header or context attribute', async () => {
      await using ontvanger = await startOntvanger(200)
      const { t, gemeente } = await webhookHub(store)
      await using _ = t
      const { id, secret } = await abonneer(t, gemeente, { url: ontvanger.url, producten: ['samenloop'] })
      assert.match(secret, /^whsec_[A-Za-z0-9+/]+=*$/)
      const stored = await t.hub.ctx.database.db.selectFrom('abonnementen').select('geheim_versleuteld').where('id', '=', id).executeTakeFirstOrThrow()
      assert.ok(!stored.geheim_versleuteld.includes(secret.slice(6)), 'the secret is stored encrypted')
      assert.equal((await t.as(gemeente).inject({ method: 'GET', url: `/api/v1/abonnementen/${id}` })).json().secret, undefined, 'shown once')

      const bsn = nieuweBsn()
      await zetInPopulatie(t.hub.ctx, { oin: gemeente.oin, bsn })
      // The same event twice (at-least-once bus): still one delivery.
      const signaalId = await maakSignaal(t.hub.ctx, { oin: gemeente.oin, bsn }, { eventTweeKeer: true })
      await wachtTot(() => ontvanger.ontvangen.length >= 1, 5000, 'webhook ontvangen')
      await new Promise((r) => setTimeout(r, 150))
      assert.equal(ontvanger.ontvangen.length, 1)

      const { headers, body } = ontvanger.ontvangen[0]!
      const verified = new Webhook(secret).verify(body, headers as Record<string, string>) as Record<string, unknown>
      assert.throws(() => new Webhook(`whsec_${Buffer.alloc(32, 1).toString('base64')}`).verify(body, headers as Record<string, string>), 'another secret does not verify')
      assert.equal(headers['content-type'], 'application/cloudevents+json; charset=utf-8')
      assert.match(String(headers.traceparent), /^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/)
      const [aflevering] = await afleveringen(t, id)
      assert.deepEqual({ ...verified, data: undefined }, {
        specversion: '1.0', id: aflevering!.id, source: 'urn:nld:oin:00000001900000001000:systeem:knooppunt',
        type: 'nl.knooppunt.samenloop.signaal-aangemaakt', subject: signaalId, time: verified.time,
        datacontenttype: 'application/json', dataref: `http://localhost:8080/api/v1/signalen/${signaalId}`, data: undefined,
      })
      assert.equal(headers['webhook-id'], aflevering!.id)
      const data = verified.data as Record<string, unknown>
      assert.equal(data.bsn, bsn, 'the BSN travels in data only (registered for a gemeente in samenloop)')
      assert.deepEqual(Object.keys(data).sort(), ['aangemaakt', 'bronnen', 'bsn', 'correctie', 'gegevens', 'id', 'periode', 'product', 'regel', 'soort', 'status', 'uitleg'])
      const buitenData = JSON.stringify({ ...verified, data: null }) + JSON.stringify(headers)
      assert.ok(!buitenData.includes(bsn), 'no BSN in headers or context attributes')
      // A standalone 9-digit number (not a run inside a random hex or base64 id, which can pass the 11-proef by chance).
      for (const m of buitenData.matchAll(/(?<![0-9A-Za-z+/=_-])\d{9}(?![0-9A-Za-z+/=_-])/g)) assert.ok(!passesElfproef(m[0]), `BSN-shaped number outside data: ${m[0]}`)

      // The attempt is written after the POST returned, in the worker's next group: on a busy machine that can take
      // longer than the 150 ms above.
      const leesLijst = () => t.as(gemeente).inject({ method: 'GET', url: `/api/v1/abonnementen/${id}/afleveringen` })
      await wachtTot(async () => (await leesLijst()).json().afleveringen[0]?.status === 'afgeleverd', 5000, 'poging vastgelegd')
      const lijst = await leesLijst()
      assert.equal(lijst.statusCode, 200)
      const [a] = lijst.json().afleveringen
      assert.equal(a.status, 'afgeleverd')
      assert.equal(ontvanger.ontvangen.length, 1, 'still once')
      assert.equal(a.signaalId, signaalId)
      assert.equal(a.pogingen.length, 1)
      assert.equal(a.pogingen[0].httpStatus, 200)
      assert.equal(typeof a.pogingen[0].duurMs, 'number')
      const ledger = await t.hub.ctx.ledger.inzage(bsn)
      assert.ok(ledger.some((l) => l.activiteit === 'webhook-afleveren' && l.verwerkingsactiviteit === 'samenloop.leveren' && l.actorOin === gemeente.oin && l.status === 'ok'))
    })

    test('filters on soort; inhoud "verwijzing" sends no personal data at all', async () => {
      await using ontvanger = await startOntvanger(200)
      const { t, gemeente } = await webhookHub(store)
      await using _ = t
      await abonneer(t, gemeente, { url: `${ontvanger.url}?alleen=voertuig`, producten: ['samenloop'], soorten: ['voertuig'] })
      const { secret } = await abonneer(t, gemeente, { url: `${ontvanger.url}?dun`, producten: ['samenloop'], inhoud: 'verwijzing' })
      const bsn = nieuweBsn()
      await zetInPopulatie(t.hub.ctx, { oin: gemeente.oin, bsn })
      await maakSignaal(t.hub.ctx, { oin: gemeente.oin, bsn, soort: 'inkomsten' })
      await maakSignaal(t.hub.ctx, { oin: gemeente.oin, bsn, soort: 'voertuig' })
      await wachtTot(() => ontvanger.ontvangen.length >= 3, 5000, 'drie webhooks')
      await new Promise((r) => setTimeout(r, 100))
      const voertuig = ontvanger.ontvangen.filter((o) => o.url.endsWith('alleen=voertuig'))
      assert.equal(voertuig.length, 1)
      assert.equal((JSON.parse(voertuig[0]!.body) as { data: { soort: string } }).data.soort, 'voertuig')
      const dun = ontvanger.ontvangen.filter((o) => o.url.endsWith('?dun'))
      assert.equal(dun.length, 2)
      for (const o of dun) {
        const event = new Webhook(secret).verify(o.body, o.headers as Record<string, string>) as { data: Record<string, unknown>; dataref: string }
        assert.deepEqual(Object.keys(event.data).sort(), ['aangemaakt', 'id', 'product', 'soort'])
        assert.ok(!o.body.includes(bsn))
        assert.match(event.dataref, /\/api\/v1\/signalen\//)
      }
      // The line of a send is written before it (with the delivery), so it is there once the POST arrived.
      const afleverLijnen = async () => (await t.hub.ctx.ledger.inzage(bsn)).filter((l) => l.activiteit === 'webhook-afleveren').length
      await wachtTot(async () => (await afleverLijnen()) >= 1, 5000, 'ledgerregel van de aflevering')
      await new Promise((r) => setTimeout(r, 100))
      assert.equal(await afleverLijnen(), 1, 'only the full event processed the BSN')
    })

    test('a failing receiver gets retries on the persisted schedule, then a dead letter; resend delivers', async () => {
      await using ontvanger = await startOntvanger(503)
      const { t, clock, gemeente } = await webhookHub(store)
      await using _ = t
      const { id } = await abonneer(t, gemeente, { url: ontvanger.url, producten: ['samenloop'] })
      const bsn = nieuweBsn()
      await zetInPopulatie(t.hub.ctx, { oin: gemeente.oin, bsn })
      await maakSignaal(t.hub.ctx, { oin: gemeente.oin, bsn })
      await wachtTot(async () => (await afleveringen(t, id)).length === 1, 5000, 'aflevering gepland')
      const afleveringId = (await afleveringen(t, id))[0]!.id
      const aantal = async () => (await pogingen(t, afleveringId)).length
      await wachtTot(async () => (await aantal()) === 1, 5000, 'eerste poging')

      const start = clock.now().getTime()
      for (const [i, wacht] of RETRY_SCHEDULE_MS.entries()) {
        const [a] = await afleveringen(t, id)
        assert.equal(a!.status, 'wachtend')
        const due = new Date(a!.volgende_poging!).getTime() - clock.now().getTime()
        assert.ok(due >= wacht * 0.9 - 1 && due <= wacht * 1.1 + 1, `wait ${i + 1} is ${due} ms, schedule says ${wacht} ± 10 %`)
        if (i === 0) {
          clock.advance(due - 1000) // not yet due: nothing happens
          await new Promise((r) => setTimeout(r, 100))
          assert.equal(await aantal(), 1)
          clock.advance(1000)
        } else clock.advance(due)
        await wachtTot(async () => (await aantal()) === i + 2, 5000, `poging ${i + 2}`)
      }
      assert.ok(clock.now().getTime() - start >= 24 * 3600_000, 'the attempts span at least 24 hours')
      await wachtTot(async () => (await afleveringen(t, id))[0]!.status === 'dood', 5000, 'dode brief')
      const [dood] = await afleveringen(t, id)
      assert.equal(dood!.reden, 'pogingen-op')
      assert.equal(ontvanger.ontvangen.length, RETRY_SCHEDULE_MS.length + 1)
      assert.equal(new Set(ontvanger.ontvangen.map((o) => o.headers['webhook-id'])).size, 1, 'every retry carries the same webhook-id')

      const client = await verseClient(t, gemeente) // tokens of the first client expired on the moved clock
      const brieven = await t.as(client).inject({ method: 'GET', url: `/api/v1/abonnementen/${id}/dode-brieven` })
      assert.equal(brieven.statusCode, 200)
      const [brief] = brieven.json().afleveringen
      assert.equal(brief.id, afleveringId)
      assert.equal(brief.reden, 'pogingen-op')
      assert.equal(brief.pogingen.length, RETRY_SCHEDULE_MS.length + 1)
      assert.ok(brief.pogingen.every((p: { httpStatus: number; fout: string }) => p.httpStatus === 503 && p.fout.startsWith('HTTP 503')))
      const afleverLijnen = async () => (await t.hub.ctx.ledger.inzage(bsn)).filter((l) => l.activiteit === 'webhook-afleveren')
      assert.equal((await afleverLijnen()).length, RETRY_SCHEDULE_MS.length + 1, 'one ledger line per send, retries too')

      ontvanger.status = 204
      const opnieuw = await t.as(client).inject({ method: 'POST', url: `/api/v1/abonnementen/${id}/dode-brieven/${afleveringId}/opnieuw` })
      assert.equal(opnieuw.statusCode, 202, opnieuw.body)
      await wachtTot(async () => (await afleveringen(t, id))[0]!.status === 'afgeleverd', 5000, 'opnieuw afgeleverd')
      assert.equal((await afleverLijnen()).length, RETRY_SCHEDULE_MS.length + 2, 'the resent send has its own line')
      const nogEens = await t.as(client).inject({ method: 'POST', url: `/api/v1/abonnementen/${id}/dode-brieven/${afleveringId}/opnieuw` })
      assert.equal(nogEens.statusCode, 409)
      assert.equal(nogEens.json().code, 'aflevering.niet-dood')
      assert.equal((await t.as(client).inject({ method: 'GET', url: `/api/v1/abonnementen/${id}/dode-brieven` })).json().afleveringen.length, 0)
    })

    test('bulk resend puts every dead letter back', async () => {
      await using ontvanger = await startOntvanger(500)
      const { t, gemeente } = await webhookHub(store, { retrySchedule: [] })
      await using _ = t
      const { id } = await abonneer(t, gemeente, { url: ontvanger.url, producten: ['samenloop'] })
      for (let i = 0; i < 3; i++) {
        const bsn = nieuweBsn()
        await zetInPopulatie(t.hub.ctx, { oin: gemeente.oin, bsn })
        await maakSignaal(t.hub.ctx, { oin: gemeente.oin, bsn })
      }
      await wachtTot(async () => (await afleveringen(t, id)).filter((a) => a.status === 'dood').length === 3, 5000, 'drie dode brieven')
      const pagina1 = (await t.as(gemeente).inject({ method: 'GET', url: `/api/v1/abonnementen/${id}/dode-brieven?limiet=2` })).json()
      assert.equal(pagina1.afleveringen.length, 2)
      const pagina2 = (await t.as(gemeente).inject({ method: 'GET', url: `/api/v1/abonnementen/${id}/dode-brieven?limiet=2&na=${pagina1.volgende}` })).json()
      assert.equal(pagina2.afleveringen.length, 1)
      assert.equal(pagina2.volgende, null)
      // A cursor the hub did not make (here with a NUL inside its base64) is a 400, never a 500 from the store.
      for (const vals of [['x\u0000', 'y'], ['2026-01-01T00:00:00.000Z', 'geen-id'], ['gisteren', pagina1.afleveringen[0].id]]) {
        const vals64 = Buffer.from(JSON.stringify(vals)).toString('base64url')
        const vreemd = await t.as(gemeente).inject({ method: 'GET', url: `/api/v1/abonnementen/${id}/dode-brieven?na=${vals64}` })
        assert.equal(vreemd.statusCode, 400, `${JSON.stringify(vals)}: ${vreemd.body}`)
        assert.equal(vreemd.json().code, 'abonnement.cursor-ongeldig')
      }
      ontvanger.status = 200
      const res = await t.as(gemeente).inject({ method: 'POST', url: `/api/v1/abonnementen/${id}/dode-brieven/_opnieuw` })
      assert.equal(res.statusCode, 202)
      assert.equal(res.json().aantal, 3)
      await wachtTot(async () => (await afleveringen(t, id)).every((a) => a.status === 'afgeleverd'), 5000, 'alles afgeleverd')
    })

    test('production mode refuses loopback, private, link-local and unique-local targets, also behind DNS', async () => {
      const dns: Record<string, string[]> = {
        'intern.example': ['10.1.2.3'], 'gemengd.example': [PUBLIEK, '192.168.1.10'], 'zes.example': ['fd00::1'],
        'publiek.example': [PUBLIEK], 'wisselt.example': [PUBLIEK],
      }
      const resolve: Resolve = async (host) => {
        if (host === 'localhost') return [{ address: '127.0.0.1', family: 4 }, { address: '::1', family: 6 }]
        const list = dns[host]
        if (!list) throw Object.assign(new Error('ENOTFOUND'), { code: 'ENOTFOUND' })
        return list.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }))
      }
      const { t, gemeente } = await webhookHub(store, { allowPrivateUrls: false, resolve, timeoutMs: 500 })
      await using _ = t
      const poging = (url: string) => t.as(gemeente).inject({ method: 'POST', url: '/api/v1/abonnementen', ...json({ url, producten: ['samenloop'] }) })
      for (const url of [
        'http://127.0.0.1/h', 'http://127.1.2.3:8080/h', 'http://10.0.0.1/h', 'http://192.168.0.5/h', 'http://172.16.3.4/h',
        'http://169.254.169.254/latest/meta-data', 'http://[::1]/h', 'http://[fc00::1]/h', 'http://[fd12:3456::1]/h',
        'http://[fe80::1]/h', 'http://[::ffff:127.0.0.1]/h', 'http://0.0.0.0/h', 'http://localhost:9000/h',
        'https://intern.example/h', 'https://gemengd.example/h', 'https://zes.example/h',
      ]) {
        const res = await poging(url)
        assert.equal(res.statusCode, 400, url)
        assert.equal(res.json().code, 'abonnement.url-geweigerd', url)
      }
      for (const [url, code] of [
        ['ftp://publiek.example/h', 'abonnement.url-ongeldig'], ['file:///etc/passwd', 'abonnement.url-ongeldig'],
        ['https://gebruiker:geheim@publiek.example/h', 'abonnement.url-ongeldig'], ['geen url', 'abonnement.url-ongeldig'],
        ['https://bestaat-niet.example/h', 'abonnement.url-onbekende-host'],
      ] as const) assert.equal((await poging(url)).json().code, code, url)
      assert.equal((await poging(`https://${PUBLIEK}/h`)).statusCode, 201)
      assert.equal((await poging('https://publiek.example/h')).statusCode, 201)

      // DNS rebinding: public at subscription time, loopback at send time — checked again, never connected.
      const { id } = await abonneer(t, gemeente, { url: 'http://wisselt.example/h', producten: ['samenloop'] })
      dns['wisselt.example'] = ['127.0.0.1']
      const bsn = nieuweBsn()
      await zetInPopulatie(t.hub.ctx, { oin: gemeente.oin, bsn })
      await maakSignaal(t.hub.ctx, { oin: gemeente.oin, bsn })
      await wachtTot(async () => {
        const a = (await afleveringen(t, id))[0]
        return a !== undefined && (await pogingen(t, a.id)).length === 1
      }, 5000, 'geweigerde poging')
      const [p] = await pogingen(t, (await afleveringen(t, id))[0]!.id)
      assert.equal(p!.http_status, null)
      assert.match(p!.fout!, /intern of privé-adres \(127\.0\.0\.1\)/)
    })

    test('another organisation can neither see nor use a subscription; products must be taken', async () => {
      const { t, gemeente } = await webhookHub(store)
      await using _ = t
      const ander = await t.org('Gemeente Zeist', 'gemeente', { producten: ['samenloop', 'oib'], rollen: ['inkomen'] })
      const { id } = await abonneer(t, gemeente, { url: 'http://127.0.0.1:9/h', producten: ['samenloop'] })
      const aflId = '00000000-0000-4000-8000-000000000000'
      for (const [method, url] of [
        ['GET', `/api/v1/abonnementen/${id}`], ['DELETE', `/api/v1/abonnementen/${id}`],
        ['GET', `/api/v1/abonnementen/${id}/afleveringen`], ['GET', `/api/v1/abonnementen/${id}/dode-brieven`],
        ['POST', `/api/v1/abonnementen/${id}/dode-brieven/_opnieuw`], ['POST', `/api/v1/abonnementen/${id}/dode-brieven/${aflId}/opnieuw`],
      ] as const) {
        const res = await t.as(ander).inject({ method, url })
        assert.equal(res.statusCode, 404, `${method} ${url}`)
        assert.equal(res.json().code, 'abonnement.onbekend')
      }
      assert.deepEqual((await t.as(ander).inject({ method: 'GET', url: '/api/v1/abonnementen' })).json().abonnementen, [])
      assert.equal((await t.as(gemeente).inject({ method: 'GET', url: '/api/v1/abonnementen' })).json().abonnementen.length, 1)
      assert.equal((await t.inject({ method: 'GET', url: '/api/v1/abonnementen' })).statusCode, 401)

      const nietAfgenomen = await t.as(gemeente).inject({ method: 'POST', url: '/api/v1/abonnementen', ...json({ url: 'http://127.0.0.1:9/h', producten: ['samenloop', 'oib'] }) })
      assert.equal(nietAfgenomen.statusCode, 403)
      assert.equal(nietAfgenomen.json().code, 'abonnement.product-niet-afgenomen')
      const ongeldig = await t.as(gemeente).inject({ method: 'POST', url: '/api/v1/abonnementen', ...json({ producten: ['bestaat-niet'], soorten: ['Hoofd Letters'], inhoud: 'alles', extra: 1 }) })
      assert.equal(ongeldig.statusCode, 400)
      assert.deepEqual(ongeldig.json().invalidParams.map((p: { code: string }) => p.code).sort(), ['inhoud-ongeldig', 'product-onbekend', 'soort-ongeldig', 'veld-onbekend', 'verplicht'])
      // An empty list of soorten would match no signal at all: a subscription that silently never delivers.
      const leeg = await t.as(gemeente).inject({ method: 'POST', url: '/api/v1/abonnementen', ...json({ url: 'http://127.0.0.1:9/h', producten: ['samenloop'], soorten: [] }) })
      assert.equal(leeg.statusCode, 400, leeg.body)
      assert.deepEqual(leeg.json().invalidParams.map((p: { name: string; code: string }) => [p.name, p.code]), [['soorten', 'lijst-ongeldig']])
    })

    test('a served hub refuses a subscription that could never deliver: a product without signals or notices, a kind none of its products sends', async () => {
      const t = await startTestHub(store, { modules: hubModules({ mode: 'test', publicUrl: 'http://localhost:8080' }) })
      await using _ = t
      const gemeente = await t.org('Gemeente Utrecht', 'gemeente', { producten: ['samenloop', 'oib', 'kot-doelgroepouders', 'bijstandsnormen'], rollen: ['inkomen'] })
      const maak = (body: Record<string, unknown>) => t.as(gemeente).inject({ method: 'POST', url: '/api/v1/abonnementen', ...json({ url: 'http://127.0.0.1:9/h', ...body }) })
      const fout = await maak({ producten: ['samenloop', 'bijstandsnormen'], soorten: ['inkomen', 'voertuig'] })
      assert.equal(fout.statusCode, 400, fout.body)
      assert.deepEqual(fout.json().invalidParams.map((p: { name: string; code: string }) => [p.name, p.code]),
        [['producten', 'product-zonder-berichten'], ['soorten', 'soort-onbekend']])
      assert.match(fout.json().invalidParams[1].reason, /'inkomen' is geen soort van samenloop, bijstandsnormen; kies uit .*inkomsten/)
      // Each product's own kinds, and the kinds of any of the products named, are accepted.
      for (const body of [{ producten: ['samenloop'], soorten: ['inkomsten', 'voertuig'] }, { producten: ['oib'], soorten: ['overzicht-gewijzigd'] },
        { producten: ['kot-doelgroepouders'], soorten: ['niet-geregistreerd'] }, { producten: ['samenloop', 'oib'], soorten: ['overzicht-gewijzigd', 'detentie'] },
        { producten: ['samenloop', 'oib', 'kot-doelgroepouders'] }]) {
        const res = await maak(body)
        assert.equal(res.statusCode, 201, `${JSON.stringify(body)}: ${res.body}`)
      }
      assert.equal((await maak({ producten: ['oib'], soorten: ['inkomsten'] })).json().invalidParams[0].code, 'soort-onbekend', 'a samenloop kind is not an OIB kind')
    })

    test('authorisation is re-checked at send time: product ended, BSN not in the population, subscription cancelled', async () => {
      await using ontvanger = await startOntvanger(200)
      const { t, clock, gemeente } = await webhookHub(store)
      await using _ = t
      const { id } = await abonneer(t, gemeente, { url: ontvanger.url, producten: ['samenloop'] })
      const { ctx } = t.hub
      const status = async (signaalId: string) => {
        await wachtTot(async () => (await afleveringen(t, id)).some((a) => a.signaal_id === signaalId && a.status !== 'wachtend'), 5000, 'afgehandeld')
        return (await afleveringen(t, id)).find((a) => a.signaal_id === signaalId)!
      }

      // Not in the population (or only for another period): never sent.
      const buiten = nieuweBsn()
      await zetInPopulatie(ctx, { oin: gemeente.oin, bsn: buiten, ingangsdatum: '2026-03-01' })
      const a1 = await status(await maakSignaal(ctx, { oin: gemeente.oin, bsn: buiten }))
      assert.deepEqual([a1.status, a1.reden], ['dood', 'toegang-vervallen'])

      // The organisation stops taking the product after subscribing.
      const bsn = nieuweBsn()
      await zetInPopulatie(ctx, { oin: gemeente.oin, bsn })
      const gisteren = new Date(clock.now().getTime() - 86_400_000).toISOString().slice(0, 10)
      await ctx.database.db.updateTable('organisatie_producten').set({ van: '2000-01-01', tot: gisteren }).where('oin', '=', gemeente.oin).execute()
      // A change by SQL counts within the worker's bound (the first delivery above read the products).
      await new Promise((r) => setTimeout(r, TOEGANG_CACHE_MS))
      const a2 = await status(await maakSignaal(ctx, { oin: gemeente.oin, bsn }))
      assert.deepEqual([a2.status, a2.reden], ['dood', 'toegang-vervallen'])
      assert.equal(ontvanger.ontvangen.length, 0, 'nothing was sent')
      assert.equal((await pogingen(t, a2.id)).length, 0)
      assert.equal((await ctx.ledger.inzage(bsn)).length, 0)

      // Cancelling turns waiting deliveries into dead letters; they cannot be resent.
      await ctx.database.db.updateTable('organisatie_producten').set({ tot: null }).where('oin', '=', gemeente.oin).execute()
      await new Promise((r) => setTimeout(r, TOEGANG_CACHE_MS))
      ontvanger.status = 500
      const s3 = await maakSignaal(ctx, { oin: gemeente.oin, bsn })
      await wachtTot(async () => (await afleveringen(t, id)).some((a) => a.signaal_id === s3 && a.pogingen === 1), 5000, 'eerste poging')
      const zegOp = await t.as(gemeente).inject({ method: 'DELETE', url: `/api/v1/abonnementen/${id}` })
      assert.equal(zegOp.statusCode, 204)
      const a3 = (await afleveringen(t, id)).find((a) => a.signaal_id === s3)!
      assert.deepEqual([a3.status, a3.reden], ['dood', 'abonnement-opgezegd'])
      const opnieuw = await t.as(gemeente).inject({ method: 'POST', url: `/api/v1/abonnementen/${id}/dode-brieven/${a3.id}/opnieuw` })
      assert.equal(opnieuw.statusCode, 409)
      assert.equal(opnieuw.json().code, 'abonnement.opgezegd')
      assert.equal((await t.as(gemeente).inject({ method: 'GET', url: `/api/v1/abonnementen/${id}` })).json().status, 'opgezegd')
      await maakSignaal(ctx, { oin: gemeente.oin, bsn })
      await new Promise((r) => setTimeout(r, 150))
      assert.equal((await afleveringen(t, id)).length, 3, 'a cancelled subscription gets no new deliveries')
    })

    test('the send-time re-check reuses organisation and products for at most toegangCacheMs; subscriptions are read fresh', async () => {
      await using ontvanger = await startOntvanger(200)
      const { t, gemeente } = await webhookHub(store, { toegangCacheMs: 300 })
      await using _ = t
      const { ctx } = t.hub
      const { id } = await abonneer(t, gemeente, { url: ontvanger.url, producten: ['samenloop'] })
      const bsn = nieuweBsn()
      await zetInPopulatie(ctx, { oin: gemeente.oin, bsn })
      const status = async (signaalId: string) => {
        await wachtTot(async () => (await afleveringen(t, id)).some((a) => a.signaal_id === signaalId && a.status !== 'wachtend'), 5000, 'afgehandeld')
        return (await afleveringen(t, id)).find((a) => a.signaal_id === signaalId)!
      }
      assert.equal((await status(await maakSignaal(ctx, { oin: gemeente.oin, bsn }))).status, 'afgeleverd') // products now cached

      // The product ends (by SQL, so no service could tell the worker): a signal made once the bound passed is not sent.
      const gisteren = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10)
      await ctx.database.db.updateTable('organisatie_producten').set({ van: '2000-01-01', tot: gisteren }).where('oin', '=', gemeente.oin).execute()
      await new Promise((r) => setTimeout(r, 300))
      const na = await status(await maakSignaal(ctx, { oin: gemeente.oin, bsn }))
      assert.deepEqual([na.status, na.reden], ['dood', 'toegang-vervallen'])
      assert.equal(ontvanger.ontvangen.length, 1)

      // And back: taken again, delivered again after the bound.
      await ctx.database.db.updateTable('organisatie_producten').set({ tot: null }).where('oin', '=', gemeente.oin).execute()
      await new Promise((r) => setTimeout(r, 300))
      assert.equal((await status(await maakSignaal(ctx, { oin: gemeente.oin, bsn }))).status, 'afgeleverd')
      assert.equal(ontvanger.ontvangen.length, 2)
    })

    test('a subscription cancelled by SQL stops its waiting deliveries at the next attempt, whatever toegangCacheMs', async () => {
      await using ontvanger = await startOntvanger(503)
      const { t, clock, gemeente } = await webhookHub(store, { toegangCacheMs: 3_600_000 })
      await using _ = t
      const { ctx } = t.hub
      const { id } = await abonneer(t, gemeente, { url: ontvanger.url, producten: ['samenloop'] })
      const bsn = nieuweBsn()
      await zetInPopulatie(ctx, { oin: gemeente.oin, bsn })
      await maakSignaal(ctx, { oin: gemeente.oin, bsn })
      await wachtTot(async () => (await afleveringen(t, id)).some((a) => a.pogingen === 1), 5000, 'eerste poging')
      await ctx.database.db.updateTable('abonnementen').set({ opgezegd: clock.now().toISOString() }).where('id', '=', id).execute()
      clock.advance(RETRY_SCHEDULE_MS[0]! * 2) // the retry is due
      await wachtTot(async () => (await afleveringen(t, id))[0]!.status === 'dood', 5000, 'dode brief')
      assert.equal((await afleveringen(t, id))[0]!.reden, 'abonnement-opgezegd')
      assert.equal(ontvanger.ontvangen.length, 1, 'no attempt after the cancellation')
    })

    test('the signature covers the timestamp in the header, also when the signing clock moves on between reads', async () => {
      await using ontvanger = await startOntvanger(200)
      // Every read of the signing clock is a second later (as a real clock can be when a send straddles a second).
      let tik = Date.now()
      const { t, gemeente } = await webhookHub(store, { signClock: { now: () => new Date((tik += 1000)) } })
      await using _ = t
      const { secret } = await abonneer(t, gemeente, { url: ontvanger.url, producten: ['samenloop'] })
      const bsn = nieuweBsn()
      await zetInPopulatie(t.hub.ctx, { oin: gemeente.oin, bsn })
      await maakSignaal(t.hub.ctx, { oin: gemeente.oin, bsn })
      await wachtTot(() => ontvanger.ontvangen.length >= 1, 5000, 'webhook ontvangen')
      const { headers, body } = ontvanger.ontvangen[0]!
      assert.doesNotThrow(() => new Webhook(secret).verify(body, headers as Record<string, string>))
    })

    test('a restart resumes pending deliveries from the store', async () => {
      await using ontvanger = await startOntvanger(503)
      const { t, clock, gemeente } = await webhookHub(store)
      await using _t1 = t
      const { id, secret } = await abonneer(t, gemeente, { url: ontvanger.url, producten: ['samenloop'] })
      const bsn = nieuweBsn()
      await zetInPopulatie(t.hub.ctx, { oin: gemeente.oin, bsn })
      await maakSignaal(t.hub.ctx, { oin: gemeente.oin, bsn })
      await wachtTot(async () => (await afleveringen(t, id))[0]?.pogingen === 1, 5000, 'eerste poging')
      await t.hub.close() // the store stays; t's disposal removes it at the end

      ontvanger.status = 200
      clock.advance(RETRY_SCHEDULE_MS[0]! * 1.1 + 1000)
      const module = createDeliveryModule({ allowPrivateUrls: true, pollMs: 20, log: stil })
      await using t2 = await startTestHub(store, { clock, modules: [module], config: { ...t.hub.config } })
      await wachtTot(async () => (await afleveringen(t2, id))[0]?.status === 'afgeleverd', 5000, 'afgeleverd na herstart')
      assert.equal(ontvanger.ontvangen.length, 2)
      new Webhook(secret).verify(ontvanger.ontvangen[1]!.body, ontvanger.ontvangen[1]!.headers as Record<string, string>)
    })
  })
}
