import { describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { sql } from 'kysely'
import { Readable } from 'node:stream'
import { completeBsn, fixedClock } from '../../src/core/index.js'
import { intakeModule, runRetention } from '../../src/platform/intake/index.js'
import { populatieModule } from '../../src/platform/population/index.js'
import { startTestHub, testStores } from '../support/test-hub.js'

const bsn = (n: number) => { for (let i = n; ; i++) { const b = completeBsn(String(30_000_000 + i * 13)); if (b) return b } }
const [IN, UIT, LATER] = [bsn(1), bsn(100), bsn(200)]
const RDW = 'bsn;kenteken;datumAanvang;datumEinde;dagwaardeCent'
const POLIS = 'bsn;periode;inkomstenverhoudingId;loonheffingennummer;werkgeverNaam;soortInkomen;brutoloonCent;loonheffingCent;uren'
const polis = (b: string, periode: string, id: string, bruto = 250000) => `${b};${periode};${id};802850844L01;Bakkerij BV;loon;${bruto};20000;120`
const lever = (bron: string, id: string, payload: string | Buffer | Readable) => ({ method: 'POST' as const, url: `/api/v1/bronnen/${bron}/leveringen`, payload, headers: { 'content-type': 'text/csv', 'levering-id': id } })

async function hub(store: 'sqlite' | 'postgres') {
  const clock = fixedClock('2026-03-01T10:00:00Z')
  const t = await startTestHub(store, { modules: [populatieModule, intakeModule], clock })
  const gemeente = await t.org('Gemeente Utrecht', 'gemeente', { producten: ['samenloop'], rollen: ['inkomen'] })
  const rdw = await t.org('RDW', 'bron', { rollen: ['bron'] })
  const pop = await t.as(gemeente).inject({ method: 'PUT', url: '/api/v1/populaties/samenloop', payload: `bsn;ingangsdatum;einddatum;referentie\n${IN};2025-01-01;;D-1\n${LATER};2026-06-01;;D-2\n`, headers: { 'content-type': 'text/csv' } })
  assert.equal(pop.statusCode, 200, pop.body)
  return { t, gemeente, rdw, clock, db: t.hub.ctx.database.db }
}

for (const store of testStores()) {
  describe(`bronleveringen [${store}]`, () => {
    test('good lines kept, bad lines reported; only facts for an indication are stored; idempotent on Levering-Id', async () => {
      const { t, rdw, db } = await hub(store)
      await using _ = t
      const regels = [RDW,
        `${IN};GB-22-NL;2025-05-01;;1710430`, // stored: IN has an indication overlapping the registration
        `${UIT};KZ-28-LP;2025-05-01;;641536`, // valid, counted, not stored (no indication)
        `${LATER};AB-12-CD;2024-01-01;2025-01-01;5000`, // valid, not stored: indication starts after the registration ended
        '123456789;XX-11-YY;2025-05-01;;100', // bad BSN
        `${IN};GB-22-NL;2025-05-01;;`, // missing amount
        `${IN};GB-22-NL;2025-05-01`, // column count
        `${IN};GB-22-NL;2025-02-30;;100`, // bad date
        `${IN};GB-22-NL;2025-05-01;;-100`, // negative amount
        `${IN};"GB-22-NL;2025-05-01;;100`, // a quote (the format has no quoting)
      ].join('\n')
      const body = Buffer.concat([Buffer.from(`${regels}\n${IN};ZZ-99-`), Buffer.from([0xc3, 0x28]), Buffer.from(`;2025-05-01;;1\n${IN};GB-99-XX;2025-0`)])
      const res = await t.as(rdw).inject(lever('rdw-voertuigen', 'rdw-2026-03', body))
      assert.equal(res.statusCode, 201, res.body)
      const antwoord = res.json()
      assert.equal(antwoord.leveringId, 'rdw-2026-03')
      assert.equal(antwoord.aantalRegels, 11)
      assert.equal(antwoord.geaccepteerd, 3)
      assert.deepEqual(antwoord.afgewezen.map((a: { regel: number; code: string }) => `${a.regel}:${a.code}`), [
        '5:bsn-ongeldig', '6:verplicht', '7:kolommen', '8:datum-ongeldig', '9:bedrag-ongeldig', '10:aanhalingsteken', '11:utf8-ongeldig', '12:afgebroken',
      ])
      assert.ok(!res.body.includes(IN), 'the report never echoes a BSN')
      assert.ok(!('opgeslagen' in antwoord), 'a source is not told which residents are in a population')
      const feiten = await db.selectFrom('feiten').selectAll().execute()
      assert.deepEqual(feiten.map((f) => [f.bsn, f.sleutel, f.geldig_van, f.geldig_tot, f.regel, f.bewaren_tot]), [[IN, 'GB-22-NL|2025-05-01', '2025-05-01', null, 2, '2027-08-31']])
      assert.deepEqual(JSON.parse(feiten[0]!.gegevens), { kenteken: 'GB-22-NL', datumAanvang: '2025-05-01', datumEinde: null, dagwaardeCent: 1710430 })
      const levering = await db.selectFrom('leveringen').selectAll().executeTakeFirstOrThrow()
      assert.deepEqual([levering.status, levering.geaccepteerd, levering.opgeslagen, levering.oin], ['verwerkt', 3, 1, rdw.oin])
      const event = await db.selectFrom('outbox').selectAll().where('type', '=', 'knooppunt.feiten.vastgelegd.v1').execute()
      assert.deepEqual(event.map((e) => JSON.parse(e.data)), [{ bron: 'rdw-voertuigen', leveringId: 'rdw-2026-03', opgeslagen: 1 }])
      const lijnen = await t.hub.ctx.ledger.count()

      const lijst = await t.as(rdw).inject({ method: 'GET', url: '/api/v1/bronnen/rdw-voertuigen/leveringen' })
      assert.deepEqual(lijst.json().leveringen.map((l: { leveringId: string; afgewezen: number }) => [l.leveringId, l.afgewezen]), [['rdw-2026-03', 8]])
      assert.deepEqual((await t.as(rdw).inject({ method: 'GET', url: '/api/v1/bronnen/rdw-voertuigen/leveringen/rdw-2026-03' })).json(), antwoord)
      assert.equal((await t.as(rdw).inject({ method: 'GET', url: '/api/v1/bronnen/rdw-voertuigen/leveringen/andere' })).json().code, 'levering.onbekend')
      const opnieuw = await t.as(rdw).inject(lever('rdw-voertuigen', 'rdw-2026-03', body))
      assert.equal(opnieuw.statusCode, 200)
      assert.deepEqual(opnieuw.json(), antwoord)
      const anders = await t.as(rdw).inject(lever('rdw-voertuigen', 'rdw-2026-03', `${RDW}\n`))
      assert.equal(anders.statusCode, 409)
      assert.equal(anders.json().code, 'levering.andere-inhoud')
      // The same fact in a new delivery is not stored twice; nothing new, so no event and no ledger line.
      const zelfde = await t.as(rdw).inject(lever('rdw-voertuigen', 'rdw-2026-04', `${RDW}\n${IN};GB-22-NL;2025-05-01;;1710430\n`))
      assert.equal(zelfde.json().geaccepteerd, 1)
      assert.equal((await db.selectFrom('feiten').selectAll().execute()).length, 1)
      assert.equal(await t.hub.ctx.ledger.count(), lijnen)
      assert.equal((await db.selectFrom('outbox').selectAll().where('type', '=', 'knooppunt.feiten.vastgelegd.v1').execute()).length, 1)
    })

    test('polis: the bronkopie keeps recent lines for 120 days after their month; a population BSN for the product retention; one ledger line per BSN', async () => {
      const { t, rdw, db } = await hub(store)
      await using _ = t
      const before = await t.hub.ctx.ledger.count()
      const res = await t.as(rdw).inject(lever('uwv-polis', 'polis-1', [POLIS, polis(IN, '2026-01', 'IKV1'), polis(IN, '2026-02', 'IKV1'), polis(UIT, '2026-02', 'IKV2')].join('\n')))
      assert.equal(res.statusCode, 201, res.body)
      const feiten = await db.selectFrom('feiten').select(['bsn', 'sleutel', 'geldig_van', 'geldig_tot', 'bewaren_tot']).orderBy('id').execute()
      assert.deepEqual(feiten.map((f) => [f.bsn, f.sleutel, f.geldig_van, f.geldig_tot, f.bewaren_tot]), [
        [IN, 'IKV1|2026-01', '2026-01-01', '2026-01-31', '2027-08-31'], [IN, 'IKV1|2026-02', '2026-02-01', '2026-02-28', '2027-08-31'],
        [UIT, 'IKV2|2026-02', '2026-02-01', '2026-02-28', '2026-06-28'], // 120 days after the month it is about
      ])
      assert.equal(await t.hub.ctx.ledger.count(), before + 2)
      const oud = await t.as(rdw).inject(lever('uwv-polis', 'polis-oud', [POLIS, polis(UIT, '2025-06', 'IKV3')].join('\n')))
      assert.equal(oud.statusCode, 201, oud.body)
      const bewaard = await db.selectFrom('feiten').select('sleutel').where('sleutel', '=', 'IKV3|2025-06').execute()
      assert.equal(bewaard.length, 0, 'an old month about someone in no population is not copied')
    })

    test('a source delivers only the formats it is authorised for (deliveries, events, selection, reports)', async () => {
      const { t, db } = await hub(store)
      await using _ = t
      const kvk = await t.org('KvK', 'bron', { rollen: ['bron'], bronnen: ['kvk-inschrijvingen'] })
      const polis = await t.as(kvk).inject(lever('uwv-polis', 'vals-1', [POLIS, `${IN};2026-01;IKV9;123456789L01;Werkgever;loon;100;0;8`].join('\n')))
      assert.equal(polis.statusCode, 403)
      assert.equal(polis.json().code, 'toegang.bron')
      const event = await t.as(kvk).inject({ method: 'POST', url: '/api/v1/bronnen/uwv-polis/gebeurtenissen', payload: JSON.stringify({ bsn: IN }), headers: { 'content-type': 'application/json' } })
      assert.equal(event.json().code, 'toegang.bron')
      assert.equal((await t.as(kvk).inject({ method: 'GET', url: '/api/v1/bronnen/uwv-polis/selectie' })).json().code, 'toegang.bron', 'nor may it learn whom the hub wants polis facts about')
      assert.equal((await t.as(kvk).inject({ method: 'GET', url: '/api/v1/bronnen/kvk-inschrijvingen/selectie' })).statusCode, 200)
      assert.equal((await db.selectFrom('feiten').select('id').where('bron', '=', 'uwv-polis').execute()).length, 0)
      const beheer = await t.org('Beheer', 'beheer', { rollen: ['beheerder'], scopes: ['beheer'] })
      const fout = await t.as(beheer).inject({ method: 'POST', url: '/api/v1/organisaties', payload: JSON.stringify({ oin: '00000001500000099000', naam: 'X', soort: 'bron', bronnen: ['bestaat-niet'] }), headers: { 'content-type': 'application/json' } })
      assert.equal(fout.statusCode, 400)
      assert.equal(fout.json().invalidParams[0].code, 'bron-onbekend')
      const ok = await t.as(beheer).inject({ method: 'POST', url: '/api/v1/organisaties', payload: JSON.stringify({ oin: '00000001500000098000', naam: 'DJI', soort: 'bron', bronnen: ['dji-detenties'] }), headers: { 'content-type': 'application/json' } })
      assert.equal(ok.statusCode, 201, ok.body)
      assert.deepEqual(ok.json().bronnen, ['dji-detenties'])
    })

    test('bad requests: unknown bron, wrong header (retry allowed), missing id, wrong kind of organisation, empty file', async () => {
      const { t, rdw, gemeente, db } = await hub(store)
      await using _ = t
      const onbekend = await t.as(rdw).inject(lever('bestaat-niet', 'x1', `${RDW}\n`))
      assert.equal(onbekend.statusCode, 404)
      assert.equal(onbekend.json().code, 'bron.onbekend')
      const kop = await t.as(rdw).inject(lever('rdw-voertuigen', 'x2', `bsn;kenteken\n${IN};GB-22-NL\n`))
      assert.equal(kop.statusCode, 400)
      assert.equal(kop.json().code, 'levering.kop-ongeldig')
      assert.equal((await t.as(rdw).inject(lever('rdw-voertuigen', 'x2', `${RDW}\n${IN};GB-22-NL;2025-05-01;;1\n`))).statusCode, 201, 'the same id may be used once the header is right')
      assert.equal((await t.as(rdw).inject(lever('rdw-voertuigen', 'x3', ''))).json().code, 'levering.kop-ongeldig')
      const zonderId = await t.as(rdw).inject({ ...lever('rdw-voertuigen', 'x', `${RDW}\n`), headers: { 'content-type': 'text/csv' } })
      assert.equal(zonderId.json().code, 'levering.id-ongeldig')
      assert.equal((await t.as(rdw).inject(lever('rdw-voertuigen', 'event-1', `${RDW}\n`))).json().code, 'levering.id-ongeldig')
      // A CSV file labelled as JSON: the answer names the media type, not "the body is not valid JSON".
      const alsJson = await t.as(rdw).inject({ ...lever('rdw-voertuigen', 'x5', `${RDW}\n${IN};GB-22-NL;2025-05-01;;1\n`), headers: { 'content-type': 'application/json', 'levering-id': 'x5' } })
      assert.equal(alsJson.statusCode, 415, alsJson.body)
      assert.equal(alsJson.json().code, 'levering.mediatype')
      const gem = await t.as(gemeente).inject(lever('rdw-voertuigen', 'x4', `${RDW}\n`))
      assert.equal(gem.statusCode, 403)
      assert.equal((await t.as(gemeente).inject({ method: 'GET', url: '/api/v1/bronnen/uwv-polis/selectie' })).statusCode, 403)
      assert.equal((await db.selectFrom('leveringen').selectAll().execute()).length, 1)
    })

    test('a NUL character in a text field rejects that line only (PostgreSQL refuses U+0000 in text)', async () => {
      const { t, rdw, db } = await hub(store)
      await using _ = t
      const res = await t.as(rdw).inject(lever('uwv-polis', 'nul-1', [POLIS, polis(IN, '2026-01', 'IK\u0000V1'), polis(IN, '2026-01', 'IKV2'), `${IN};2026-01;IKV3;802850844L01;Bak\u0000kerij;loon;1;1;1`, ''].join('\n')))
      assert.equal(res.statusCode, 201, res.body)
      assert.equal(res.json().geaccepteerd, 1)
      assert.deepEqual(res.json().afgewezen.map((a: { regel: number; code: string }) => `${a.regel}:${a.code}`), ['2:tekst-ongeldig', '4:tekst-ongeldig'])
      assert.deepEqual((await db.selectFrom('feiten').select('sleutel').execute()).map((f) => f.sleutel), ['IKV2|2026-01'])
    })

    test('empty lines at the end of a file (CRLF or LF) are no lines; an empty line in between is reported', async () => {
      const { t, rdw } = await hub(store)
      await using _ = t
      const res = await t.as(rdw).inject(lever('rdw-voertuigen', 'leeg-1', `${RDW}\r\n${IN};GB-22-NL;2025-05-01;;1\r\n\r\n${IN};GB-23-NL;2025-05-01;;1\r\n\r\n\r\n`))
      assert.equal(res.statusCode, 201, res.body)
      assert.equal(res.json().aantalRegels, 3)
      assert.equal(res.json().geaccepteerd, 2)
      assert.deepEqual(res.json().afgewezen.map((a: { regel: number; code: string }) => `${a.regel}:${a.code}`), ['3:kolommen'])
    })

    test('a delivery claim left by a hub that stopped mid-delivery does not block its Levering-Id forever; a running one does', async () => {
      const { t, rdw, db, clock } = await hub(store)
      await using _ = t
      const body = `${RDW}\n${IN};GB-22-NL;2025-05-01;;1\n`
      // A client whose token is issued on the hub's current (moved) clock.
      const vers = async () => ({ oin: rdw.oin, ...(await t.hub.ctx.access.maakClient({ oin: rdw.oin, naam: `RDW ${Math.random()}`, scopes: [], rollen: ['bron'] })) })
      // What a crash leaves behind: the claim, never finished.
      await db.insertInto('leveringen').values({ bron: 'rdw-voertuigen', levering_id: 'gestrand', oin: rdw.oin, sha256: '', status: 'in-behandeling', aantal_regels: 0,
        geaccepteerd: 0, opgeslagen: 0, afgewezen: '[]', ontvangen: clock.now().toISOString(), verwerkt: null }).execute()
      const meteen = await t.as(rdw).inject(lever('rdw-voertuigen', 'gestrand', body))
      assert.equal(meteen.statusCode, 409, 'just claimed: it may still be running')
      assert.equal(meteen.json().code, 'levering.in-behandeling')
      clock.advance(20 * 60_000)
      const later = await t.as(await vers()).inject(lever('rdw-voertuigen', 'gestrand', body))
      assert.equal(later.statusCode, 201, later.body)
      assert.deepEqual([later.json().aantalRegels, later.json().geaccepteerd], [1, 1])
      assert.deepEqual((await db.selectFrom('leveringen').select('status').where('levering_id', '=', 'gestrand').execute()).map((r) => r.status), ['verwerkt'])

      // A long delivery that is still reading shows signs of life, so the same id stays taken while it runs.
      let tweede: Awaited<ReturnType<ReturnType<typeof t.as>['inject']>> | undefined
      const bezig = await vers()
      const stroom = Readable.from((async function* () {
        yield `${RDW}\n${IN};AB-01-CD;2025-05-01;;1\n`
        clock.advance(10 * 60_000)
        yield `${IN};AB-02-CD;2025-05-01;;1\n`
        await new Promise((r) => setTimeout(r, 100))
        clock.advance(10 * 60_000)
        tweede = await t.as(await vers()).inject(lever('rdw-voertuigen', 'lang', `${RDW}\n`))
        yield `${IN};AB-03-CD;2025-05-01;;1\n`
      })())
      const lang = await t.as(bezig).inject(lever('rdw-voertuigen', 'lang', stroom))
      assert.equal(tweede?.statusCode, 409, tweede?.body)
      assert.equal(lang.statusCode, 201, lang.body)
      assert.equal(lang.json().geaccepteerd, 3)
    })

    test('the list of deliveries pages newest first with a cursor, every delivery reachable once; bad paging parameters are named', async () => {
      const { t, rdw, clock } = await hub(store)
      await using _ = t
      for (let i = 0; i < 7; i++) {
        // Two deliveries in the same millisecond: the cursor must still tell them apart.
        if (i !== 4) clock.advance(1_000)
        assert.equal((await t.as(rdw).inject(lever('rdw-voertuigen', `lev-${i}`, `${RDW}\n`))).statusCode, 201)
      }
      const gezien: string[] = []
      let na: string | null = null
      do {
        const res = await t.as(rdw).inject({ method: 'GET', url: `/api/v1/bronnen/rdw-voertuigen/leveringen?limiet=3${na ? `&na=${na}` : ''}` })
        assert.equal(res.statusCode, 200, res.body)
        gezien.push(...res.json().leveringen.map((l: { leveringId: string }) => l.leveringId))
        na = res.json().volgende
      } while (na)
      assert.deepEqual(gezien, ['lev-6', 'lev-5', 'lev-4', 'lev-3', 'lev-2', 'lev-1', 'lev-0'])
      const alles = await t.as(rdw).inject({ method: 'GET', url: '/api/v1/bronnen/rdw-voertuigen/leveringen' })
      assert.deepEqual([alles.json().leveringen.length, alles.json().volgende], [7, null])
      const fout = await t.as(rdw).inject({ method: 'GET', url: '/api/v1/bronnen/rdw-voertuigen/leveringen?limiet=0&na=rommel&bsn=1' })
      assert.equal(fout.statusCode, 400)
      assert.equal(fout.json().code, 'levering.zoekvraag-ongeldig')
      assert.deepEqual(fout.json().invalidParams.map((p: { name: string; code: string }) => `${p.name}:${p.code}`), ['bsn:parameter-onbekend', 'limiet:limiet-ongeldig', 'na:cursor-ongeldig'])
    })

    test('event path: one fact as JSON, stored under event-<uuid>; bad fields listed', async () => {
      const { t, rdw, db } = await hub(store)
      await using _ = t
      const post = (payload: unknown) => t.as(rdw).inject({ method: 'POST', url: '/api/v1/bronnen/rdw-voertuigen/gebeurtenissen', payload: JSON.stringify(payload), headers: { 'content-type': 'application/json' } })
      const res = await post({ bsn: IN, kenteken: 'GB-22-NL', datumAanvang: '2025-05-01', datumEinde: null, dagwaardeCent: 1710430 })
      assert.equal(res.statusCode, 201, res.body)
      assert.match(res.json().leveringId, /^event-[0-9a-f-]{36}$/)
      const feit = await db.selectFrom('feiten').selectAll().executeTakeFirstOrThrow()
      assert.equal(feit.levering_id, res.json().leveringId)
      const fout = await post({ bsn: '123', kenteken: 'GB-22-NL', datumAanvang: '2025-05-01', dagwaardeCent: -1, kleur: 'rood' })
      assert.equal(fout.statusCode, 400)
      assert.deepEqual(fout.json().invalidParams.map((p: { name: string; code: string }) => `${p.name}:${p.code}`), ['kleur:veld-onbekend', 'bsn:bsn-ongeldig', 'dagwaardeCent:bedrag-ongeldig'])
      // JSON types: amounts may be numbers or their text; a BSN as a number (its leading zero would be lost), a
      // number where text is meant, or true/an object/a list are refused by name.
      const tekst = await post({ bsn: IN, kenteken: 'GB-22-NL', datumAanvang: '2025-05-01', dagwaardeCent: '1710430' })
      assert.equal(tekst.statusCode, 201, tekst.body)
      const typen = await post({ bsn: Number(IN), kenteken: true, datumAanvang: ['2025-05-01'], datumEinde: { dag: 1 }, dagwaardeCent: 'veel' })
      assert.equal(typen.statusCode, 400)
      assert.deepEqual(typen.json().invalidParams.map((p: { name: string; code: string; reason: string }) => `${p.name}:${p.code}`),
        ['bsn:type-ongeldig', 'kenteken:type-ongeldig', 'datumAanvang:type-ongeldig', 'datumEinde:type-ongeldig', 'dagwaardeCent:bedrag-ongeldig'])
      assert.match(typen.json().invalidParams[0].reason, /verwacht tekst \(een JSON-string\), geen getal/)
      // A check across fields names the field, like every other problem.
      const omgekeerd = await post({ bsn: IN, kenteken: 'GB-22-NL', datumAanvang: '2025-05-01', datumEinde: '2025-04-01', dagwaardeCent: 1 })
      assert.deepEqual(omgekeerd.json().invalidParams.map((p: { name: string; code: string }) => `${p.name}:${p.code}`), ['datumEinde:periode-omgekeerd'])
      // A CSV line sent to the event path is the wrong media type, not a list of the request stream's internals.
      const csv = await t.as(rdw).inject({ method: 'POST', url: '/api/v1/bronnen/rdw-voertuigen/gebeurtenissen', payload: `${RDW}\n${IN};GB-22-NL;2025-05-01;;1\n`, headers: { 'content-type': 'text/csv' } })
      assert.equal(csv.statusCode, 415, csv.body)
      assert.equal(csv.json().code, 'verzoek.mediatype')
      assert.match(csv.json().detail, /application\/json/)
    })

    test('event path, group commit: events sent together are written together, each its own delivery, fact, ledger line and outbox event; a failing one fails alone', async () => {
      const { t, rdw, db } = await hub(store)
      await using _ = t
      // A real failure for one event only: the store refuses its fact (a trigger on the facts table).
      if (t.hub.ctx.database.dialect === 'sqlite') {
        await sql`create trigger weiger_feit before insert on feiten when new.sleutel like 'XX-00-XX|%' begin select raise(abort, 'geweigerd'); end`.execute(db)
      } else {
        await sql`create function weiger_feit() returns trigger language plpgsql as $$ begin if new.sleutel like 'XX-00-XX|%' then raise exception 'geweigerd'; end if; return new; end $$`.execute(db)
        await sql`create trigger weiger_feit before insert on feiten for each row execute function weiger_feit()`.execute(db)
      }
      let appends = 0
      const record = t.hub.ctx.ledger.record.bind(t.hub.ctx.ledger)
      t.hub.ctx.ledger.record = (tx, lines) => { appends++; return record(tx, lines) }
      const ledger0 = await t.hub.ctx.ledger.count()
      const kenteken = (i: number) => `GB-${String(i).padStart(2, '0')}-NL`
      const stuur = (events: readonly Record<string, unknown>[], traces: readonly string[]) => Promise.all(events.map((e, i) => t.as(rdw).inject({
        method: 'POST', url: '/api/v1/bronnen/rdw-voertuigen/gebeurtenissen', payload: JSON.stringify(e),
        headers: { 'content-type': 'application/json', traceparent: `00-${traces[i]}-${'b'.repeat(16)}-01` },
      })))
      // 30 about IN (stored: an indication), 10 about UIT (counted, not stored).
      const events = [
        ...Array.from({ length: 30 }, (_, i) => ({ bsn: IN, kenteken: kenteken(i), datumAanvang: '2025-05-01', datumEinde: null, dagwaardeCent: 1000 + i })),
        ...Array.from({ length: 10 }, (_, i) => ({ bsn: UIT, kenteken: kenteken(50 + i), datumAanvang: '2025-05-01', datumEinde: null, dagwaardeCent: 1 })),
      ]
      const traces = events.map((_, i) => (i + 1).toString(16).padStart(32, 'a'))
      const ok = await stuur(events, traces)
      assert.deepEqual(ok.map((r) => r.statusCode), ok.map(() => 201), ok.find((r) => r.statusCode !== 201)?.body)
      assert.ok(appends < 40, `the events were written in groups (${appends} ledger appends for 40 events)`)
      const ids = ok.map((r) => r.json().leveringId as string)
      assert.equal(new Set(ids).size, 40)

      const leveringen = await db.selectFrom('leveringen').selectAll().where('levering_id', 'like', 'event-%').execute()
      assert.equal(leveringen.length, 40, 'a delivery row per event')
      const perId = new Map(leveringen.map((l) => [l.levering_id, l]))
      ids.forEach((id, i) => assert.equal(perId.get(id)?.opgeslagen, i < 30 ? 1 : 0))
      const feiten = await db.selectFrom('feiten').select(['levering_id', 'sleutel', 'bsn']).execute()
      assert.deepEqual(feiten.map((f) => f.levering_id).sort(), ids.slice(0, 30).sort(), 'only the facts with an indication are kept, each under its own event')
      const outbox = await db.selectFrom('outbox').select(['data', 'trace_id']).where('type', '=', 'knooppunt.feiten.vastgelegd.v1').execute()
      assert.deepEqual(outbox.map((o) => JSON.parse(o.data).leveringId).sort(), ids.slice(0, 30).sort())
      for (const o of outbox) assert.equal(o.trace_id, traces[ids.indexOf(JSON.parse(o.data).leveringId)], 'each outbox event carries its own request trace')

      assert.equal(await t.hub.ctx.ledger.count(), ledger0 + 30, 'one ledger line per stored fact (one BSN processing each)')
      const lijnen = (await t.hub.ctx.ledger.inzage(IN)).filter((l) => l.activiteit === 'bronfeit-vastleggen')
      assert.deepEqual(lijnen.map((l) => l.traceId).sort(), traces.slice(0, 30).sort(), 'each line carries its own request trace')
      assert.equal((await t.hub.ctx.ledger.inzage(UIT)).length, 0)

      // A group with one event the store refuses: that request fails, the others are written (each alone, then).
      const tweede = [...Array.from({ length: 5 }, (_, i) => ({ bsn: IN, kenteken: kenteken(70 + i), datumAanvang: '2025-05-01', datumEinde: null, dagwaardeCent: 7 })),
        { bsn: IN, kenteken: 'XX-00-XX', datumAanvang: '2025-05-01', datumEinde: null, dagwaardeCent: 1 }]
      const tweedeTraces = tweede.map((_, i) => (i + 1).toString(16).padStart(32, 'c'))
      const r2 = await stuur(tweede, tweedeTraces)
      assert.deepEqual(r2.map((r) => r.statusCode), [201, 201, 201, 201, 201, 500])
      assert.equal((await db.selectFrom('leveringen').select('levering_id').where('levering_id', 'like', 'event-%').execute()).length, 45, 'nothing of the refused event is kept')
      assert.equal((await db.selectFrom('feiten').select('id').execute()).length, 35)
      assert.equal(await t.hub.ctx.ledger.count(), ledger0 + 35)
      assert.deepEqual(await t.hub.ctx.ledger.verify(), { ok: true, lines: ledger0 + 35 })
    })

    test('event path, groups written at once: the same fact sent again and again while groups are in flight is stored once', async () => {
      const { t, rdw, db } = await hub(store)
      await using _ = t
      const post = (e: Record<string, unknown>) => t.as(rdw).inject({ method: 'POST', url: '/api/v1/bronnen/rdw-voertuigen/gebeurtenissen', payload: JSON.stringify(e), headers: { 'content-type': 'application/json' } })
      const zelfde = { bsn: IN, kenteken: 'GB-99-NL', datumAanvang: '2025-05-01', datumEinde: null, dagwaardeCent: 5 }
      const ledger0 = await t.hub.ctx.ledger.count()
      // Waves a millisecond apart, each with other facts beside the repeated one, so several groups overlap.
      const antwoorden = (await Promise.all(Array.from({ length: 15 }, async (_, golf) => {
        await new Promise((r) => setTimeout(r, golf))
        return Promise.all([post(zelfde), ...Array.from({ length: 4 }, (_, i) => post({ ...zelfde, kenteken: `GB-${golf}${i}-NL` }))])
      }))).flat()
      assert.deepEqual(antwoorden.map((r) => r.statusCode), antwoorden.map(() => 201))
      const feiten = await db.selectFrom('feiten').select('sleutel').execute()
      assert.equal(feiten.filter((f) => f.sleutel.startsWith('GB-99-NL|')).length, 1, 'the repeated fact is stored once')
      assert.equal(feiten.length, 1 + 15 * 4)
      assert.equal(await t.hub.ctx.ledger.count(), ledger0 + 1 + 15 * 4, 'a ledger line per stored fact')
      assert.deepEqual(await t.hub.ctx.ledger.verify(), { ok: true, lines: ledger0 + 61 })
    })

    test('selection: the BSNs with a current indication in a product that reads the source', async () => {
      const { t, rdw } = await hub(store)
      await using _ = t
      const lijnen = await t.hub.ctx.ledger.count()
      const res = await t.as(rdw).inject({ method: 'GET', url: '/api/v1/bronnen/uwv-polis/selectie' })
      assert.equal(await t.hub.ctx.ledger.count(), lijnen + 2, 'handing BSNs to a source is logged per BSN')
      assert.equal(res.statusCode, 200)
      assert.match(res.headers['content-type'] as string, /^text\/csv/)
      assert.equal(res.body, `bsn\n${[IN, LATER].sort().join('\n')}\n`)
      assert.equal((await t.as(rdw).inject({ method: 'GET', url: '/api/v1/bronnen/kvk-inschrijvingen/selectie' })).body, 'bsn\n')
    })

    test('retention: expired facts without an indication go, facts still needed stay, old population history goes', async () => {
      const { t, rdw, gemeente, db, clock } = await hub(store)
      await using _ = t
      await t.as(rdw).inject(lever('uwv-polis', 'p1', [POLIS, polis(IN, '2026-02', 'IKV1'), polis(UIT, '2026-02', 'IKV2')].join('\n')))
      await t.as(rdw).inject(lever('rdw-voertuigen', 'r1', `${RDW}\n${IN};GB-22-NL;2025-05-01;;1\n`))
      const ctx = t.hub.ctx
      assert.deepEqual(await runRetention(ctx, new Date('2026-05-01T00:00:00Z')), { feitenVerwijderd: 0, populatieVerwijderd: 0, leveringenVerwijderd: 0, leveringenAfgebroken: 0, sessiesVerwijderd: 0 })
      const r1 = await runRetention(ctx, new Date('2026-07-01T00:00:00Z'))
      assert.equal(r1.feitenVerwijderd, 1, 'the bronkopie of a non-client expired after 120 days')
      assert.deepEqual((await db.selectFrom('feiten').select('bsn').execute()).map((f) => f.bsn), [IN, IN])
      const r2 = await runRetention(ctx, new Date('2030-01-01T00:00:00Z'))
      assert.equal(r2.feitenVerwijderd, 0, 'past bewaren_tot, but the indication still needs them')
      // The gemeente ends the indication by leaving it out; once history and facts expire, both go.
      clock.set('2026-08-01T00:00:00Z')
      const token = await t.token(gemeente, 'samenloop') // a fresh token: the cached one expired with the clock move
      const leeg = await t.inject({ method: 'PUT', url: '/api/v1/populaties/samenloop', payload: 'bsn;ingangsdatum;einddatum;referentie\n', headers: { 'content-type': 'text/csv', authorization: `Bearer ${token}` } })
      assert.equal(leeg.json().beeindigd, 2, leeg.body)
      const r3 = await runRetention(ctx, new Date('2030-01-01T00:00:00Z'))
      assert.deepEqual(r3, { feitenVerwijderd: 2, populatieVerwijderd: 2, leveringenVerwijderd: 0, leveringenAfgebroken: 0, sessiesVerwijderd: 0 }, 'r2 already removed the delivery reports')
      assert.equal(r2.leveringenVerwijderd, 2)
      assert.equal((await db.selectFrom('populatie_regels').selectAll().execute()).length, 0)
    })

    test('a large delivery is streamed: 200 MB in (64 MB on PostgreSQL), memory stays flat, every line counted', { timeout: 120_000 }, async () => {
      const { t, rdw } = await hub(store)
      await using _ = t
      // The streaming property does not depend on the store; PostgreSQL gets a smaller file to keep the suite short.
      const doel = (store === 'sqlite' ? 200 : 64) * 1024 * 1024
      const bsns = Array.from({ length: 5000 }, (_, i) => bsn(1000 + i * 3))
      const regel = (i: number) => `${bsns[i % 5000]};AB-${String(i % 100).padStart(2, '0')}-CD;2025-05-01;;${i}\n`
      let bytes = 0
      let n = 0
      const stroom = Readable.from((function* () {
        yield `${RDW}\n`
        while (bytes < doel) {
          let stuk = ''
          for (let j = 0; j < 2000; j++) stuk += regel(n++)
          bytes += stuk.length
          if (n === 4000) stuk += '123456789;XX-11-YY;2025-05-01;;1\n'
          yield stuk
        }
      })())
      const rssVoor = process.memoryUsage().rss
      let piek = rssVoor
      const meet = setInterval(() => { piek = Math.max(piek, process.memoryUsage().rss) }, 50)
      const start = Date.now()
      const res = await t.as(rdw).inject(lever('rdw-voertuigen', 'groot', stroom))
      clearInterval(meet)
      assert.equal(res.statusCode, 201, res.body)
      assert.equal(res.json().aantalRegels, n + 1)
      assert.equal(res.json().geaccepteerd, n)
      assert.deepEqual(res.json().afgewezen.map((a: { code: string }) => a.code), ['bsn-ongeldig'])
      const groei = (piek - rssVoor) / 1024 / 1024
      process.stderr.write(`# ${store}: ${n} regels, ${(bytes / 1024 / 1024).toFixed(0)} MB in ${((Date.now() - start) / 1000).toFixed(1)} s, rss-groei ${groei.toFixed(0)} MB\n`)
      // 200 MB through SQLite with less than 150 MB growth can only be a stream; the bound absorbs GC noise.
      assert.ok(groei < 150, `memory grew ${groei.toFixed(0)} MB for a ${doel / 1024 / 1024} MB body: not streamed`)
    })
  })
}

describe('CLI: knooppunt populatie and knooppunt lever against a running hub', () => {
  test('upload a population, deliver a file (twice: idempotent by default id), one-line errors', { timeout: 60_000 }, async () => {
    const { execFile } = await import('node:child_process')
    const { mkdtempSync, writeFileSync, rmSync } = await import('node:fs')
    const { tmpdir } = await import('node:os')
    const { join } = await import('node:path')
    const { t, gemeente } = await hub('sqlite')
    await using _ = t
    const rdw = await t.org('UWV', 'bron', { rollen: ['bron'] })
    const adres = await t.hub.http.listen({ port: 0, host: '127.0.0.1' })
    const dir = mkdtempSync(join(tmpdir(), 'knooppunt-cli-'))
    try {
      const cli = join(dir, 'cli.mts')
      writeFileSync(cli, `import { Command } from '${new URL('../../node_modules/commander/esm.mjs', import.meta.url).pathname}'
import { registerLever } from '${new URL('../../src/cli/commands/lever.ts', import.meta.url).pathname}'
import { registerPopulatie } from '${new URL('../../src/cli/commands/populatie.ts', import.meta.url).pathname}'
const program = new Command('knooppunt'); registerLever(program); registerPopulatie(program)
await program.parseAsync(process.argv)\n`)
      const run = (org: { clientId: string; clientSecret: string }, ...args: string[]) => new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
        execFile(process.execPath, ['--import', 'tsx', cli, ...args], { cwd: new URL('../../', import.meta.url).pathname, env: { ...process.env, KNOOPPUNT_URL: adres, KNOOPPUNT_CLIENT_ID: org.clientId, KNOOPPUNT_CLIENT_SECRET: org.clientSecret } },
          (err, stdout, stderr) => resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout, stderr }))
      })
      const popBestand = join(dir, 'populatie.csv')
      writeFileSync(popBestand, `bsn;ingangsdatum;einddatum;referentie\n${IN};2025-01-01;;D-1\n${UIT};2025-01-01;;D-9\n`)
      const pop = await run(gemeente, 'populatie', 'samenloop', popBestand)
      assert.equal(pop.code, 0, pop.stderr)
      assert.deepEqual(JSON.parse(pop.stdout), { aantal: 2, toegevoegd: 1, gewijzigd: 0, beeindigd: 1 })
      const leverBestand = join(dir, 'uwv-polis.csv')
      writeFileSync(leverBestand, [POLIS, polis(IN, '2026-01', 'IKV1'), '123456789;2026-01;IKV9;802850844L01;X;loon;1;1;1', ''].join('\n'))
      const eerste = await run(rdw, 'lever', 'uwv-polis', leverBestand)
      assert.equal(eerste.code, 0, eerste.stderr)
      const verslag = JSON.parse(eerste.stdout)
      assert.deepEqual([verslag.aantalRegels, verslag.geaccepteerd, verslag.afgewezen[0].code], [2, 1, 'bsn-ongeldig'])
      assert.match(verslag.leveringId, /^uwv-polis\.csv-[0-9a-f]{16}$/)
      const tweede = await run(rdw, 'lever', 'uwv-polis', leverBestand)
      assert.match(tweede.stderr, /al eerder ontvangen/)
      // A file name that does not start with a letter or digit still gives a valid default Levering-Id.
      const vreemdeNaam = join(dir, 'über_polis.csv')
      writeFileSync(vreemdeNaam, [POLIS, polis(IN, '2026-02', 'IKV1'), ''].join('\n'))
      const vreemd = await run(rdw, 'lever', 'uwv-polis', vreemdeNaam)
      assert.equal(vreemd.code, 0, vreemd.stderr)
      assert.match(JSON.parse(vreemd.stdout).leveringId, /^[A-Za-z0-9]/)
      // A directory instead of a file: one line naming it, not "onverwachte fout: EISDIR".
      const map = await run(rdw, 'lever', 'uwv-polis', dir)
      assert.equal(map.code, 2, map.stderr)
      assert.match(map.stderr, /^knooppunt: .* is een map, geen bestand \[bestand\.geen-bestand\]\n$/)
      // A hub that is not running: one line that says so, not "fetch failed".
      const weg = await run(rdw, 'lever', '--url', 'http://127.0.0.1:9', 'uwv-polis', leverBestand)
      assert.equal(weg.code, 7, weg.stderr)
      assert.match(weg.stderr, /^knooppunt: de hub op http:\/\/127\.0\.0\.1:9 is niet bereikbaar.*\[cli\.hub-onbereikbaar\]\n$/)
      const fout = await run(rdw, 'lever', 'bestaat-niet', leverBestand)
      assert.equal(fout.code, 4)
      assert.match(fout.stderr, /(^|\n)knooppunt: onbekende bron 'bestaat-niet'.*\[bron\.onbekend\]\n$/)
      const slecht = await run(gemeente, 'populatie', 'samenloop', leverBestand)
      assert.equal(slecht.code, 2)
      assert.match(slecht.stderr, /regel 1: .*\[populatie\.ongeldig\]\n$/)
      assert.equal(slecht.stderr.split('\n').filter((r) => r.startsWith('knooppunt:')).length, 1, 'one error line')
    } finally { rmSync(dir, { recursive: true, force: true }) }
  })
})
