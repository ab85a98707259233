import { describe, test } from 'node:test'
import assert from 'node:assert/strict'
import type { Bsn } from '../../src/core/index.js'
import { fixedClock } from '../../src/core/index.js'
import { appendToOutbox } from '../../src/platform/events/index.js'
import { intakeModule } from '../../src/platform/intake/index.js'
import { populatieModule } from '../../src/platform/population/index.js'
import { kotModule } from '../../src/products/kot-doelgroepouders/index.js'
import { startTestHub, testStores, type TestHub, type TestOrg } from '../support/test-hub.js'
import { kotFeit, nieuwBsn, voegFeitenToe, voegIndicatiesToe, wachtTot } from '../support/producten-fixtures.js'

const VERGELIJK = '/api/v1/kot-doelgroepouders/vergelijkingen'
const VERSCHILLEN = '/api/v1/kot-doelgroepouders/verschillen'
const json = (payload: unknown) => ({ payload: JSON.stringify(payload), headers: { 'content-type': 'application/json' } })

async function gemeente(t: TestHub, naam: string, gemeentecode: string | undefined): Promise<TestOrg> {
  const org = await t.org(naam, 'gemeente', { producten: ['kot-doelgroepouders'], rollen: ['inkomen'] })
  await t.hub.ctx.access.registreerOrganisatie({ oin: org.oin, naam, soort: 'gemeente', gemeentecode })
  return org
}

async function opzet(store: 'sqlite' | 'postgres') {
  const t = await startTestHub(store, { modules: [kotModule] })
  const utrecht = await gemeente(t, 'Gemeente Utrecht', 'GM0344')
  const amersfoort = await gemeente(t, 'Gemeente Amersfoort', '0307')
  const db = t.hub.ctx.database.db
  const [p1, p2, p3, p4, p5, p6] = [nieuwBsn(), nieuwBsn(), nieuwBsn(), nieuwBsn(), nieuwBsn(), nieuwBsn()]
  await voegIndicatiesToe(db, utrecht.oin, 'kot-doelgroepouders', [
    { bsn: p1, ingangsdatum: '2025-03-01', referentie: 'KOT-1' },
    { bsn: p2, ingangsdatum: '2025-10-01', referentie: 'KOT-2' },
    { bsn: p3, ingangsdatum: '2025-01-01', einddatum: '2025-12-31' },
    { bsn: p5, ingangsdatum: '2025-01-01' },
  ])
  await voegIndicatiesToe(db, amersfoort.oin, 'kot-doelgroepouders', [{ bsn: p6, ingangsdatum: '2025-01-01' }])
  await voegFeitenToe(db, [
    kotFeit(p1, '2026-01', '0344', 'bijstand', 'kot-2026-01'),
    kotFeit(p4, '2026-01', '0344', 'traject', 'kot-2026-01'),
    kotFeit(p5, '2026-01', '0307', 'bijstand', 'kot-2026-01'),
    kotFeit(p6, '2026-01', '0307', 'bijstand', 'kot-2026-01'),
  ])
  return { t, utrecht, amersfoort, db, p: { p1, p2, p3, p4, p5, p6 } }
}

const kort = (v: { soort: string; bsn: string }) => [v.soort, v.bsn]

for (const store of testStores()) {
  describe(`doelgroepouders kinderopvangtoeslag [${store}]`, () => {
    test('a stored file is compared both ways for every gemeente; signals, outbox events and ledger lines', async () => {
      const { t, utrecht, amersfoort, db, p } = await opzet(store)
      await using _ = t
      await db.transaction().execute((tx) => appendToOutbox(tx, t.hub.ctx.clock, [
        { type: 'knooppunt.feiten.vastgelegd.v1', data: { bron: 'belastingdienst-kot-doelgroep', leveringId: 'kot-2026-01', opgeslagen: 4 } },
      ]))
      t.hub.ctx.bus.notify()
      await wachtTot(async () => (await db.selectFrom('signalen').select('id').execute()).length >= 4)

      const u = (await t.as(utrecht).inject({ method: 'GET', url: `${VERSCHILLEN}?periode=2026-01` })).json()
      assert.deepEqual(u.verschillen.map(kort).sort(), [['niet-geregistreerd', p.p4], ['niet-in-bestand', p.p2], ['niet-in-bestand', p.p5]].sort())
      const p4 = u.verschillen.find((v: { bsn: string }) => v.bsn === p.p4)
      assert.deepEqual({ ...p4, id: undefined, aangemaakt: undefined }, {
        id: undefined, aangemaakt: undefined, product: 'kot-doelgroepouders', soort: 'niet-geregistreerd', bsn: p.p4,
        periode: { van: '2026-01-01', tot: '2026-01-31' }, bronnen: [{ bron: 'belastingdienst-kot-doelgroep', leveringId: 'kot-2026-01', regel: 3 }],
        regel: { id: 'kot-doelgroepouders.vergelijking', versie: '1.0.0' },
        uitleg: 'De Belastingdienst noemt u in januari 2026 als doelgroepouder voor de kinderopvangtoeslag in deze gemeente (reden: traject). '
          + 'De gemeente heeft u voor die maand niet als doelgroepouder geregistreerd. Dat betekent niet dat er iets mis is: de gemeente kijkt na of haar registratie of het bestand moet worden aangepast.',
        gegevens: { doelgroep: 'traject' }, status: 'nieuw', correctie: false,
      })
      const p2 = u.verschillen.find((v: { bsn: string }) => v.bsn === p.p2)
      assert.deepEqual(p2.gegevens, { referentie: 'KOT-2' })
      assert.deepEqual(p2.bronnen, [{ bron: 'belastingdienst-kot-doelgroep', leveringId: 'kot-2026-01', regel: 0 }], 'regel 0: the delivery as a whole')
      assert.match(p2.uitleg, /^De gemeente heeft u in januari 2026 geregistreerd als doelgroepouder/)
      assert.ok(!JSON.stringify(u).includes('kinderopvangtoeslagCent'), 'the toeslag amount is not registered for this product')

      const a = (await t.as(amersfoort).inject({ method: 'GET', url: `${VERSCHILLEN}?periode=2026-01` })).json()
      assert.deepEqual(a.verschillen.map(kort), [['niet-geregistreerd', p.p5]], 'Amersfoort sees only its own differences')
      for (const b of [p.p1, p.p2, p.p4]) assert.ok(!JSON.stringify(a).includes(b))

      const events = (await db.selectFrom('outbox').select('data').where('type', '=', 'knooppunt.signaal.aangemaakt.v1').execute()).map((e) => e.data)
      assert.equal(events.length, 4)
      for (const b of Object.values(p)) assert.ok(!events.some((e) => e.includes(b)), 'no BSN in the events')
      assert.deepEqual(JSON.parse(events[0]!).product, 'kot-doelgroepouders')

      // Ledger: every parent compared for Utrecht (p1, p2, p4, p5), and p5 and p6 for Amersfoort; reading adds lines.
      const regels = async (b: string) => (await t.hub.ctx.ledger.inzage(b as Bsn)).map((l) => `${l.verwerkingsactiviteit}@${l.actorOin === utrecht.oin ? 'U' : 'A'}`).sort()
      assert.deepEqual(await regels(p.p1), ['kot.vergelijken@U'])
      assert.deepEqual(await regels(p.p4), ['kot.leveren@U', 'kot.vergelijken@U'])
      assert.deepEqual(await regels(p.p5), ['kot.leveren@A', 'kot.leveren@U', 'kot.vergelijken@A', 'kot.vergelijken@U'])
      assert.deepEqual(await regels(p.p6), ['kot.vergelijken@A'])
      assert.deepEqual(await regels(p.p3), [], 'an ended registration is not compared')
    })

    test('the manual run adds nothing twice; a changed line is a correction; pages follow the cursor', async () => {
      const { t, utrecht, db, p } = await opzet(store)
      await using _ = t
      const eerste = await t.as(utrecht).inject({ method: 'POST', url: VERGELIJK, ...json({ periode: '2026-01' }) })
      assert.equal(eerste.statusCode, 200, eerste.body)
      assert.deepEqual(eerste.json(), { periode: '2026-01', gemeentecode: '0344', inBestand: 2, geregistreerd: 3, verschillen: { 'niet-geregistreerd': 1, 'niet-in-bestand': 2 }, nieuweSignalen: 3 })
      const tweede = (await t.as(utrecht).inject({ method: 'POST', url: VERGELIJK, ...json({ periode: '2026-01' }) })).json()
      assert.equal(tweede.nieuweSignalen, 0)
      await voegFeitenToe(db, [{ ...kotFeit(p.p4, '2026-01', '0344', 'bijstand', 'kot-2026-01-correctie'), vastgelegd: '2026-02-03T00:00:00.000Z' }])
      const derde = (await t.as(utrecht).inject({ method: 'POST', url: VERGELIJK, ...json({ periode: '2026-01' }) })).json()
      assert.equal(derde.nieuweSignalen, 1)
      const p4 = (await t.as(utrecht).inject({ method: 'GET', url: `${VERSCHILLEN}?periode=2026-01&soort=niet-geregistreerd` })).json().verschillen
      assert.deepEqual(p4.map((v: { gegevens: unknown; correctie: boolean }) => [v.gegevens, v.correctie]), [[{ doelgroep: 'traject' }, false], [{ doelgroep: 'bijstand' }, true]])

      const blad1 = (await t.as(utrecht).inject({ method: 'GET', url: `${VERSCHILLEN}?periode=2026-01&limiet=3` })).json()
      assert.equal(blad1.verschillen.length, 3)
      const blad2 = (await t.as(utrecht).inject({ method: 'GET', url: `${VERSCHILLEN}?periode=2026-01&limiet=3&na=${blad1.volgende}` })).json()
      assert.equal(blad2.verschillen.length, 1)
      assert.equal(blad2.volgende, null)
      assert.equal(new Set([...blad1.verschillen, ...blad2.verschillen].map((v: { id: string }) => v.id)).size, 4)
      assert.equal((await t.as(utrecht).inject({ method: 'GET', url: `${VERSCHILLEN}?periode=2026-02` })).json().verschillen.length, 0)
    })

    test('bad input, no file for the month, no gemeentecode, no access', async () => {
      const { t, utrecht } = await opzet(store)
      await using _ = t
      const slecht = await t.as(utrecht).inject({ method: 'POST', url: VERGELIJK, ...json({ periode: '2026-13', extra: 1 }) })
      assert.equal(slecht.statusCode, 400)
      assert.equal(slecht.json().code, 'kot.vraag-ongeldig')
      assert.deepEqual(slecht.json().invalidParams.map((x: { name: string; code: string }) => [x.name, x.code]), [['periode', 'maand-ongeldig'], ['extra', 'veld-onbekend']])
      const vraag = await t.as(utrecht).inject({ method: 'GET', url: `${VERSCHILLEN}?periode=jan&soort=alles&na=@&limiet=5000` })
      assert.deepEqual(vraag.json().invalidParams.map((x: { name: string }) => x.name), ['periode', 'soort', 'limiet', 'na'])
      const onbekend = await t.as(utrecht).inject({ method: 'GET', url: `${VERSCHILLEN}?periode=2026-02&bsn=123456782` })
      assert.equal(onbekend.statusCode, 400, 'a filter the API does not have (a BSN in the URL, above all) is refused, not ignored')
      assert.deepEqual(onbekend.json().invalidParams.map((x: { name: string; code: string }) => [x.name, x.code]), [['bsn', 'parameter-onbekend']])

      const geenBestand = await t.as(utrecht).inject({ method: 'POST', url: VERGELIJK, ...json({ periode: '2026-02' }) })
      assert.equal(geenBestand.statusCode, 409)
      assert.equal(geenBestand.json().code, 'kot.geen-bestand')
      assert.match(geenBestand.json().detail, /februari 2026/)

      const zonderCode = await gemeente(t, 'Gemeente Zonder Code', undefined)
      const res = await t.as(zonderCode).inject({ method: 'POST', url: VERGELIJK, ...json({ periode: '2026-01' }) })
      assert.equal(res.statusCode, 409)
      assert.equal(res.json().code, 'kot.gemeentecode-onbekend')
      const oib = await t.org('Alleen OIB', 'gemeente', { producten: ['oib'], rollen: ['inkomen'] })
      assert.equal((await t.as(oib).inject({ method: 'GET', url: `${VERSCHILLEN}?periode=2026-01` })).statusCode, 403)
      assert.equal(await t.hub.ctx.ledger.count(), 0)
    })

    test('a delivery only compares the gemeenten it has lines for; the manual run compares on request', async () => {
      const { t, utrecht, amersfoort, db, p } = await opzet(store)
      await using _ = t
      await voegFeitenToe(db, [kotFeit(p.p6, '2026-02', '0307', 'bijstand', 'kot-2026-02-deel-1')])
      await db.transaction().execute((tx) => appendToOutbox(tx, t.hub.ctx.clock, [
        { type: 'knooppunt.feiten.vastgelegd.v1', data: { bron: 'belastingdienst-kot-doelgroep', leveringId: 'kot-2026-02-deel-1', opgeslagen: 1 } },
      ]))
      t.hub.ctx.bus.notify()
      await wachtTot(async () => (await t.hub.ctx.ledger.inzage(p.p6 as Bsn)).length >= 1)
      await new Promise((r) => setTimeout(r, 200))
      assert.equal((await db.selectFrom('signalen').select('id').execute()).length, 0, 'Amersfoort matched; Utrecht is not in this part of the file')
      assert.equal((await t.hub.ctx.ledger.inzage(p.p1 as Bsn)).length, 0, 'Utrecht was not compared')
      const handmatig = (await t.as(utrecht).inject({ method: 'POST', url: VERGELIJK, ...json({ periode: '2026-02' }) })).json()
      assert.deepEqual(handmatig.verschillen, { 'niet-geregistreerd': 0, 'niet-in-bestand': 3 })
      assert.equal((await t.as(amersfoort).inject({ method: 'GET', url: `${VERSCHILLEN}?periode=2026-02` })).json().verschillen.length, 0)
    })

    test('end to end: population upload and the Belastingdienst file through the intake API', async () => {
      const t = await startTestHub(store, { modules: [populatieModule, intakeModule, kotModule], clock: fixedClock('2026-02-10T08:00:00Z') })
      await using _ = t
      const utrecht = await gemeente(t, 'Gemeente Utrecht', 'GM0344')
      const bd = await t.org('Belastingdienst', 'bron', { rollen: ['bron'] })
      const [p1, p2, p3, p4] = [nieuwBsn(), nieuwBsn(), nieuwBsn(), nieuwBsn()]
      const pop = await t.as(utrecht).inject({ method: 'PUT', url: '/api/v1/populaties/kot-doelgroepouders', payload: `bsn;ingangsdatum;einddatum;referentie\n${p1};2025-06-01;;KOT-1\n${p2};2025-06-01;;KOT-2\n`, headers: { 'content-type': 'text/csv' } })
      assert.equal(pop.statusCode, 200, pop.body)
      const bestand = ['bsn;periode;gemeentecode;doelgroep;kinderopvangtoeslagCent', `${p1};2026-01;0344;bijstand;70000`, `${p3};2026-01;0344;traject;65000`, `${p4};2026-01;0307;bijstand;80000`].join('\n')
      const lev = await t.as(bd).inject({ method: 'POST', url: '/api/v1/bronnen/belastingdienst-kot-doelgroep/leveringen', payload: `${bestand}\n`, headers: { 'content-type': 'text/csv', 'levering-id': 'kot-2026-01' } })
      assert.equal(lev.statusCode, 201, lev.body)
      const db = t.hub.ctx.database.db
      await wachtTot(async () => (await db.selectFrom('signalen').select('id').where('product', '=', 'kot-doelgroepouders').execute()).length >= 2)
      const u = (await t.as(utrecht).inject({ method: 'GET', url: `${VERSCHILLEN}?periode=2026-01` })).json()
      assert.deepEqual(u.verschillen.map(kort).sort(), [['niet-geregistreerd', p3], ['niet-in-bestand', p2]])
      assert.deepEqual(u.verschillen.find((v: { bsn: string }) => v.bsn === p3).bronnen, [{ bron: 'belastingdienst-kot-doelgroep', leveringId: 'kot-2026-01', regel: 3 }])
      assert.ok(!JSON.stringify(u).includes(p4), 'a parent of another gemeente is not shown')
    })
  })
}
