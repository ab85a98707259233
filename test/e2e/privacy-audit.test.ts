/**
 * Privacy audit of the werk-en-inkomen paths: ledger lines name a processing activity of the register, and paths
 * that other tests do not cover yet.
 */
import { describe, test } from 'node:test'
import { format } from 'node:util'
import assert from 'node:assert/strict'
import { fixedClock, type Bsn } from '../../src/core/index.js'
import { intakeModule } from '../../src/platform/intake/index.js'
import { populatieModule } from '../../src/platform/population/index.js'
import { kotModule } from '../../src/products/kot-doelgroepouders/index.js'
import { samenloopModule } from '../../src/products/samenloop/index.js'
import { sql } from 'kysely'
import { createDeliveryModule } from '../../src/platform/delivery/index.js'
import { maakSignaal, startOntvanger, zetInPopulatie } from '../support/delivery-fixtures.js'
import { resolveDeliveryOptions } from '../../src/platform/delivery/delivery-options.js'
import { startTestHub, testStores, type TestHub, type TestOrg } from '../support/test-hub.js'
import { kotFeit, nieuwBsn, voegFeitenToe, voegIndicatiesToe, wachtTot } from '../support/producten-fixtures.js'

const json = (payload: unknown) => ({ payload: JSON.stringify(payload), headers: { 'content-type': 'application/json' } })

async function gemeente(t: TestHub, naam: string, gemeentecode: string): Promise<TestOrg> {
  const org = await t.org(naam, 'gemeente', { producten: ['kot-doelgroepouders'], rollen: ['inkomen'] })
  await t.hub.ctx.access.registreerOrganisatie({ oin: org.oin, naam, soort: 'gemeente', gemeentecode })
  return org
}

/** Every ledger line names a processing activity that the register lists for the line's product. */
async function ongeregistreerdeActiviteiten(t: TestHub): Promise<string[]> {
  const rows = await t.hub.ctx.database.db.selectFrom('ledger').select(['product', 'verwerkingsactiviteit', 'activiteit']).execute()
  return rows.filter((r) => {
    const entry = t.hub.ctx.register.entries.find((e) => e.naam === r.product)
    return !entry || !entry.verwerkingsactiviteiten.some((v) => v.naam === r.verwerkingsactiviteit)
  }).map((r) => `${r.activiteit}: ${r.product} / ${r.verwerkingsactiviteit}`)
}

/** Utrecht and Zeist each with one resident in samenloop; Zeist's product ended yesterday. */
async function utrechtEnGestoptZeist(t: TestHub) {
  const db = t.hub.ctx.database.db
  const utrecht = await t.org('Gemeente Utrecht', 'gemeente', { producten: ['samenloop'], rollen: ['inkomen'] })
  const zeist = await t.org('Gemeente Zeist', 'gemeente', { producten: ['samenloop'], rollen: ['inkomen'] })
  const [u, z] = [nieuwBsn(), nieuwBsn()]
  await voegIndicatiesToe(db, utrecht.oin, 'samenloop', [{ bsn: u, ingangsdatum: '2025-01-01' }])
  await voegIndicatiesToe(db, zeist.oin, 'samenloop', [{ bsn: z, ingangsdatum: '2025-01-01' }])
  const gisteren = new Date(t.hub.ctx.clock.now().getTime() - 86_400_000).toISOString().slice(0, 10)
  await db.updateTable('organisatie_producten').set({ van: '2000-01-01', tot: gisteren }).where('oin', '=', zeist.oin).execute()
  return { db, utrecht, zeist, u, z }
}

for (const store of testStores()) {
  describe(`privacy audit [${store}]`, () => {
    test('a KOT signal read and answered through /signalen/{id} (the webhook dataref) is ledgered under kot.leveren', async () => {
      const t = await startTestHub(store, { modules: [samenloopModule, kotModule, populatieModule, intakeModule] })
      await using _ = t
      const utrecht = await gemeente(t, 'Gemeente Utrecht', 'GM0344')
      const db = t.hub.ctx.database.db
      const [p1, p2] = [nieuwBsn(), nieuwBsn()]
      await voegIndicatiesToe(db, utrecht.oin, 'kot-doelgroepouders', [{ bsn: p1, ingangsdatum: '2025-03-01', referentie: 'KOT-1' }])
      await voegFeitenToe(db, [kotFeit(p2, '2026-01', '0344', 'traject', 'kot-2026-01')])
      const vergelijk = await t.as(utrecht).inject({ method: 'POST', url: '/api/v1/kot-doelgroepouders/vergelijkingen', ...json({ periode: '2026-01' }) })
      assert.equal(vergelijk.statusCode, 200, vergelijk.body)
      const signalen = await db.selectFrom('signalen').select(['id', 'bsn']).where('oin', '=', utrecht.oin).execute()
      assert.equal(signalen.length, 2)
      const s = signalen.find((x) => x.bsn === p2)!

      const lezen = await t.as(utrecht).inject({ method: 'GET', url: `/api/v1/signalen/${s.id}` })
      assert.equal(lezen.statusCode, 200, lezen.body)
      assert.equal(lezen.json().bsn, p2)
      const terug = await t.as(utrecht).inject({ method: 'POST', url: `/api/v1/signalen/${s.id}/terugmelding`, ...json({ uitkomst: 'terecht' }) })
      assert.equal(terug.statusCode, 200, terug.body)

      const regels = (await t.hub.ctx.ledger.inzage(p2 as Bsn)).map((l) => `${l.activiteit}:${l.verwerkingsactiviteit}`).sort()
      assert.deepEqual(regels, ['signaal-lezen:kot.leveren', 'signaal-terugmelden:kot.leveren', 'vergelijken:kot.vergelijken'])
      assert.deepEqual(await ongeregistreerdeActiviteiten(t), [])
    })

    test('the selectie leaves out the population of an organisation whose product has ended (no BSN disclosed, no ledger line)', async () => {
      const t = await startTestHub(store, { modules: [populatieModule, intakeModule] })
      await using _ = t
      const { db, u, z } = await utrechtEnGestoptZeist(t)
      const uwv = await t.org('UWV', 'bron', { rollen: ['bron'], bronnen: ['uwv-polis'] })

      const res = await t.as(uwv).inject({ method: 'GET', url: '/api/v1/bronnen/uwv-polis/selectie' })
      assert.equal(res.statusCode, 200, res.body)
      assert.equal(res.body, `bsn\n${u}\n`, 'Zeist no longer takes samenloop: its residents are no longer asked about')
      assert.equal((await t.hub.ctx.ledger.inzage(z as Bsn)).length, 0)
      assert.deepEqual((await t.hub.ctx.ledger.inzage(u as Bsn)).map((l) => [l.activiteit, l.verwerkingsactiviteit, l.actorOin]),
        [['selectie-verstrekken', 'samenloop.signaleren', uwv.oin]])
    })

    test('an afnemer\'s privacy officer sees what sources did with a BSN because the afnemer had it registered, and nothing more', async () => {
      const t = await startTestHub(store, { modules: [populatieModule, intakeModule] })
      await using _ = t
      const db = t.hub.ctx.database.db
      const po = { rollen: ['inkomen', 'privacy-officer'] as const, scopes: ['samenloop', 'inzage'] }
      const utrecht = await t.org('Gemeente Utrecht', 'gemeente', { producten: ['samenloop'], ...po, rollen: [...po.rollen] })
      const zeist = await t.org('Gemeente Zeist', 'gemeente', { producten: ['samenloop'], ...po, rollen: [...po.rollen] })
      const uwv = await t.org('UWV', 'bron', { rollen: ['bron'], bronnen: ['uwv-polis'] })
      const rdw = await t.org('RDW', 'bron', { rollen: ['bron'], bronnen: ['rdw-voertuigen'] })
      const [u, v] = [nieuwBsn(), nieuwBsn()]
      await voegIndicatiesToe(db, utrecht.oin, 'samenloop', [{ bsn: u, ingangsdatum: '2025-01-01' }])
      // v: Utrecht's registration was replaced long before today; Zeist has v now.
      await voegIndicatiesToe(db, utrecht.oin, 'samenloop', [{ bsn: v, ingangsdatum: '2025-01-01', vervangen: '2026-01-02T00:00:00.000Z' }])
      await voegIndicatiesToe(db, zeist.oin, 'samenloop', [{ bsn: v, ingangsdatum: '2025-01-01' }])

      assert.equal((await t.as(uwv).inject({ method: 'GET', url: '/api/v1/bronnen/uwv-polis/selectie' })).statusCode, 200)
      const feit = await t.as(rdw).inject({ method: 'POST', url: '/api/v1/bronnen/rdw-voertuigen/gebeurtenissen',
        ...json({ bsn: u, kenteken: 'UU-11-UU', datumAanvang: '2025-05-01', dagwaardeCent: 1_710_430 }) })
      assert.equal(feit.statusCode, 201, feit.body)

      const inzage = async (org: TestOrg, bsn: string) => {
        const res = await t.as(org).inject({ method: 'POST', url: '/api/v1/inzage/_zoek', ...json({ bsn }) })
        assert.equal(res.statusCode, 200, res.body)
        return (res.json().regels as Array<{ activiteit: string; actorOin: string }>).map((l) => `${l.activiteit}:${l.actorOin}`).sort()
      }
      assert.deepEqual(await inzage(utrecht, u), [`bronfeit-vastleggen:${rdw.oin}`, `inzage:${utrecht.oin}`, `selectie-verstrekken:${uwv.oin}`])
      assert.deepEqual(await inzage(zeist, u), [`inzage:${zeist.oin}`], 'Zeist never had u registered')
      assert.deepEqual(await inzage(zeist, v), [`inzage:${zeist.oin}`, `selectie-verstrekken:${uwv.oin}`])
      assert.deepEqual(await inzage(utrecht, v), [`inzage:${utrecht.oin}`], 'the selectie came after Utrecht\'s registration of v was replaced')
    })

    test('facts about the population of an organisation whose product has ended are neither stored nor matched', async () => {
      const t = await startTestHub(store, { modules: [samenloopModule, intakeModule] })
      await using _ = t
      const { db, utrecht, u, z } = await utrechtEnGestoptZeist(t)
      const rdw = await t.org('RDW', 'bron', { rollen: ['bron'], bronnen: ['rdw-voertuigen'] })

      for (const [bsn, kenteken] of [[z, 'ZZ-11-ZZ'], [u, 'UU-11-UU']] as const) {
        const res = await t.as(rdw).inject({ method: 'POST', url: '/api/v1/bronnen/rdw-voertuigen/gebeurtenissen',
          ...json({ bsn, kenteken, datumAanvang: '2025-05-01', dagwaardeCent: 1_710_430 }) })
        assert.equal(res.statusCode, 201, res.body)
      }
      await wachtTot(async () => (await db.selectFrom('signalen').select('id').where('oin', '=', utrecht.oin).execute()).length >= 1)
      await new Promise((r) => setTimeout(r, 200))
      assert.deepEqual((await db.selectFrom('signalen').select('oin').execute()).map((r) => r.oin), [utrecht.oin], 'no signal for Zeist')
      assert.deepEqual((await db.selectFrom('feiten').select('bsn').execute()).map((r) => r.bsn), [u], 'no fact kept about Zeist\'s resident')
      assert.deepEqual((await t.hub.ctx.ledger.inzage(z as Bsn)).map((l) => l.activiteit), [], 'Zeist\'s resident was not processed')
    })

    test('a BSN percent-encoded in a URL path does not reach the application log', async () => {
      const t = await startTestHub(store, { modules: [samenloopModule] })
      await using _ = t
      const utrecht = await t.org('Gemeente Utrecht', 'gemeente', { producten: ['samenloop'], rollen: ['inkomen'] })
      const bsn = nieuwBsn()
      const gecodeerd = [...bsn].map((c) => `%${c.charCodeAt(0).toString(16)}`).join('')
      assert.equal(decodeURIComponent(gecodeerd), bsn)
      const res = await t.as(utrecht).inject({ method: 'GET', url: `/api/v1/signalen/${gecodeerd}` })
      assert.equal(res.statusCode, 404)
      await t.inject({ method: 'GET', url: `/api/v1/bestaat-niet/${gecodeerd}?q=${gecodeerd}` })
      assert.ok(t.logLines.some((l) => l.includes('/api/v1/signalen/')), 'the request is logged (its path)')
      for (const line of t.logLines) {
        assert.ok(!line.includes(bsn) && !line.toLowerCase().includes(gecodeerd), `BSN in the log: ${line}`)
      }
    })

    test('a source sees only its own delivery reports: another source with the same format gets 404s and an empty list', async () => {
      const t = await startTestHub(store, { modules: [populatieModule, intakeModule] })
      await using _ = t
      const gemeente = await t.org('Gemeente Utrecht', 'gemeente', { producten: ['samenloop'], rollen: ['inkomen'] })
      const rdw = await t.org('RDW', 'bron', { rollen: ['bron'], bronnen: ['rdw-voertuigen'] })
      const ander = await t.org('Andere leverancier', 'bron', { rollen: ['bron'], bronnen: ['rdw-voertuigen'] })
      const bsn = nieuwBsn()
      await voegIndicatiesToe(t.hub.ctx.database.db, gemeente.oin, 'samenloop', [{ bsn, ingangsdatum: '2025-01-01' }])
      const body = `bsn;kenteken;datumAanvang;datumEinde;dagwaardeCent\n${bsn};GB-22-NL;2025-05-01;;1710430\n123456789;XX-11-YY;2025-05-01;;100\n`
      const lever = { method: 'POST' as const, url: '/api/v1/bronnen/rdw-voertuigen/leveringen', payload: body, headers: { 'content-type': 'text/csv', 'levering-id': 'rdw-1' } }
      assert.equal((await t.as(rdw).inject(lever)).statusCode, 201)

      assert.deepEqual((await t.as(ander).inject({ method: 'GET', url: '/api/v1/bronnen/rdw-voertuigen/leveringen' })).json().leveringen, [])
      const verslag = await t.as(ander).inject({ method: 'GET', url: '/api/v1/bronnen/rdw-voertuigen/leveringen/rdw-1' })
      assert.equal(verslag.statusCode, 404)
      assert.equal(verslag.json().code, 'levering.onbekend')
      const zelfde = await t.as(ander).inject(lever)
      assert.equal(zelfde.statusCode, 409, 'the same bytes under the same id do not hand over the other source\'s report')
      assert.ok(!zelfde.body.includes('afgewezen'))
      assert.equal((await t.as(rdw).inject({ method: 'GET', url: '/api/v1/bronnen/rdw-voertuigen/leveringen/rdw-1' })).json().afgewezen.length, 1)
    })
  })
}

/**
 * A hub (SQLite) with one webhook subscription of Utrecht to samenloop at a receiver answering `status`, and one resident
 * in Utrecht's population. Ledger lines of webhook sends are written before the send (docs/privacy.md).
 */
async function webhookMetAbonnement(status: number, opts: { retrySchedule?: number[]; clock?: ReturnType<typeof fixedClock> } = {}) {
  const ontvanger = await startOntvanger(status)
  const module = createDeliveryModule({ allowPrivateUrls: true, pollMs: 20, jitter: 0, log: { warn() {}, error() {} }, ...(opts.retrySchedule ? { retrySchedule: opts.retrySchedule } : {}) })
  const t = await startTestHub('sqlite', { modules: [module], ...(opts.clock ? { clock: opts.clock } : {}) })
  const gemeente = await t.org('Gemeente Utrecht', 'gemeente', { producten: ['samenloop'], rollen: ['inkomen'] })
  const res = await t.as(gemeente).inject({ method: 'POST', url: '/api/v1/abonnementen', ...json({ url: ontvanger.url, producten: ['samenloop'] }) })
  assert.equal(res.statusCode, 201, res.body)
  const bsn = nieuwBsn()
  await zetInPopulatie(t.hub.ctx, { oin: gemeente.oin, bsn })
  return { ontvanger, t, gemeente, bsn }
}

test('webhooks fail closed: while the ledger cannot be written no BSN is sent, and nothing is lost', async () => {
  const { ontvanger, t, gemeente, bsn } = await webhookMetAbonnement(200)
  await using _o = ontvanger
  await using _ = t
  const db = t.hub.ctx.database.db
  await sql`alter table ledger rename to ledger_weg`.execute(db)
  await maakSignaal(t.hub.ctx, { oin: gemeente.oin, bsn })
  await new Promise((r) => setTimeout(r, 1_000))
  const verstuurd = ontvanger.ontvangen.filter((o) => o.body.includes(bsn)).length
  await sql`alter table ledger_weg rename to ledger`.execute(db)
  assert.equal(verstuurd, 0, 'the BSN left the hub while no ledger line could be written')
  // The operator sees it in the application log (the bus logs through it), without the BSN.
  assert.ok(t.logLines.some((l) => l.includes('bus: handler mislukt') && l.includes('webhook-afleveringen')), t.logLines.join('\n'))
  assert.ok(!t.logLines.some((l) => l.includes(bsn)), 'no BSN in the application log')
  // The signal was not lost: once the ledger is back, the bus hands the event again and it goes out, with its line.
  await wachtTot(() => ontvanger.ontvangen.some((o) => o.body.includes(bsn)), 10_000, 'afgeleverd na herstel')
  const regels = (await t.hub.ctx.ledger.inzage(bsn as Bsn)).filter((l) => l.activiteit === 'webhook-afleveren')
  assert.equal(regels.length, 1)
  assert.equal(regels[0]!.actorOin, gemeente.oin)
})

test('webhooks fail closed on a retry too: its line is written before the send, and without it nothing goes out', async () => {
  const clock = fixedClock(new Date())
  const { ontvanger, t, gemeente, bsn } = await webhookMetAbonnement(503, { retrySchedule: [60_000], clock })
  await using _o = ontvanger
  await using _ = t
  await maakSignaal(t.hub.ctx, { oin: gemeente.oin, bsn })
  const db = t.hub.ctx.database.db
  const pogingen = async () => Number((await db.selectFrom('afleverpogingen').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)
  await wachtTot(async () => (await pogingen()) === 1, 5_000, 'eerste poging vastgelegd')
  const regels = async () => (await t.hub.ctx.ledger.inzage(bsn as Bsn)).filter((l) => l.activiteit === 'webhook-afleveren').length
  assert.equal(await regels(), 1, 'the first send had its line, written with the delivery')

  ontvanger.status = 200
  await sql`alter table ledger rename to ledger_weg`.execute(db)
  clock.advance(60_000)
  await new Promise((r) => setTimeout(r, 500))
  const tijdensStoring = ontvanger.ontvangen.length
  await sql`alter table ledger_weg rename to ledger`.execute(db)
  assert.equal(tijdensStoring, 1, 'the retry left the hub while no ledger line could be written')
  // The claimed row comes back after its lease (send timeout + 60 s), then goes out with its own line.
  clock.advance(10 * 60_000)
  await wachtTot(() => ontvanger.ontvangen.length === 2, 5_000, 'de herhaling na herstel')
  assert.equal(await regels(), 2, 'one line per send')
})

// The hub as served (src/cli/hub-options.ts) gives the webhook worker no logger of its own: it logs through the default.
test('the webhook worker\'s default log scrubs BSNs like the application log', () => {
  const bsn = nieuwBsn()
  const geschreven: string[] = []
  const { warn, error } = console
  // What the console would print (it formats its arguments the same way).
  console.warn = (...a: unknown[]) => { geschreven.push(format(...a)) }
  console.error = (...a: unknown[]) => { geschreven.push(format(...a)) }
  try {
    const { log } = resolveDeliveryOptions({ allowPrivateUrls: false })
    log.error({ err: new Error(`kapot bij ${bsn}`), aflevering: 'a-1' }, 'webhooks: aflevering mislukt door een interne fout; opnieuw na de lease')
    log.warn({ detail: `Key (bsn)=(${bsn})` }, 'webhooks: waarschuwing')
  } finally {
    console.warn = warn
    console.error = error
  }
  assert.equal(geschreven.length, 2)
  for (const regel of geschreven) assert.ok(!regel.includes(bsn), `BSN in the log: ${regel}`)
  assert.ok(geschreven.every((r) => r.includes('[bsn]')))
})
