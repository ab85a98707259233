import { describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { completeBsn, fixedClock } from '../../src/core/index.js'
import { gewensteBsns, indicatiesVoor, populatie, populatieModule } from '../../src/platform/population/index.js'
import { startTestHub, testStores } from '../support/test-hub.js'

const bsn = (n: number) => { for (let i = n; ; i++) { const b = completeBsn(String(20_000_000 + i * 7)); if (b) return b } }
const [A, B, C, D] = [bsn(1), bsn(100), bsn(200), bsn(300)]
const KOP = 'bsn;ingangsdatum;einddatum;referentie'
const csv = (...regels: string[]) => ({ payload: `${regels.join('\n')}\n`, headers: { 'content-type': 'text/csv' } })
const URL = '/api/v1/populaties/samenloop'

async function hub(store: 'sqlite' | 'postgres') {
  const clock = fixedClock('2026-03-01T10:00:00Z')
  const t = await startTestHub(store, { modules: [populatieModule], clock })
  const gemeente = await t.org('Gemeente Utrecht', 'gemeente', { producten: ['samenloop'], rollen: ['inkomen'] })
  return { t, gemeente, clock }
}

for (const store of testStores()) {
  describe(`populaties [${store}]`, () => {
    test('full replacement: counts, history kept, one ledger line per BSN, one event', async () => {
      const { t, gemeente, clock } = await hub(store)
      await using _ = t
      const put = (...r: string[]) => t.as(gemeente).inject({ method: 'PUT', url: URL, ...csv(KOP, ...r) })
      const eerste = await put(`${A};2025-01-01;;D-1`, `${B};2025-06-01;2026-12-31;D-2`, `${C};2024-01-01;2024-12-31;`)
      assert.equal(eerste.statusCode, 200, eerste.body)
      assert.deepEqual(eerste.json(), { aantal: 3, toegevoegd: 3, gewijzigd: 0, beeindigd: 0 })
      assert.equal(await t.hub.ctx.ledger.count(), 3)
      clock.advance(60_000)
      const tweede = await put(`${A};2025-01-01;;D-1`, `${B};2025-06-01;2026-06-30;D-2`, `${D};2026-02-01;;D-4`)
      assert.deepEqual(tweede.json(), { aantal: 3, toegevoegd: 1, gewijzigd: 1, beeindigd: 1 })
      const db = t.hub.ctx.database.db
      const rijen = await db.selectFrom('populatie_regels').selectAll().orderBy('id').execute()
      assert.equal(rijen.length, 5, 'replaced rows stay as history')
      assert.deepEqual(rijen.filter((r) => r.vervangen !== null).map((r) => r.bsn).sort(), [B, C].sort())
      const actueel = await populatie(db).actueel(gemeente.oin, 'samenloop')
      assert.deepEqual(actueel.map((r) => r.bsn).sort(), [A, B, D].sort())
      assert.equal(actueel.find((r) => r.bsn === B)!.einddatum, '2026-06-30')
      const events = await db.selectFrom('outbox').selectAll().where('type', '=', 'knooppunt.populatie.gewijzigd.v1').execute()
      assert.equal(events.length, 2)
      for (const b of [A, B, C, D]) assert.ok(!events[1]!.data.includes(b), 'no BSN in event data')
      assert.equal((await put(`${A};2025-01-01;;D-1`, `${B};2025-06-01;2026-06-30;D-2`, `${D};2026-02-01;;D-4`)).json().toegevoegd, 0)
      assert.equal((await db.selectFrom('outbox').selectAll().where('type', '=', 'knooppunt.populatie.gewijzigd.v1').execute()).length, 2, 'no change, no event')

      const telling = await t.as(gemeente).inject({ method: 'GET', url: URL })
      assert.equal(telling.statusCode, 200)
      assert.equal(telling.json().aantal, 3)
      assert.equal(telling.json().geschiedenis, 2)
      for (const b of [A, B, C, D]) assert.ok(!telling.body.includes(b))

      assert.deepEqual((await indicatiesVoor(db, 'samenloop', [A, C])).map((i) => i.bsn), [A])
      assert.deepEqual(await gewensteBsns(db, 'uwv-polis', t.hub.ctx.register, '2026-07-01' as never), [A, D].sort())
      assert.deepEqual(await gewensteBsns(db, 'kvk-inschrijvingen', t.hub.ctx.register), [], 'samenloop does not read kvk')
    })

    test('all or nothing: every bad line listed with its number and code, nothing stored', async () => {
      const { t, gemeente } = await hub(store)
      await using _ = t
      const res = await t.as(gemeente).inject({ method: 'PUT', url: URL, ...csv(KOP,
        `${A};2025-01-01;;ok`, '123456789;2025-01-01;;', `${B};2025-02-30;;`, `${C};2025-05-01;2025-04-01;`, `${D};2025-01-01;`,
        `${A};2025-06-01;;dubbel`, `${B};2025-13;2026-01-01;x`) })
      assert.equal(res.statusCode, 400)
      assert.equal(res.json().code, 'populatie.ongeldig')
      assert.deepEqual(res.json().invalidParams.map((p: { name: string; code: string }) => `${p.name}:${p.code}`), [
        'regel 3:bsn-ongeldig', 'regel 4:datum-ongeldig', 'regel 5:periode-omgekeerd', 'regel 6:kolommen', 'regel 7:dubbel', 'regel 8:datum-ongeldig',
      ])
      assert.doesNotMatch(res.body, new RegExp(A), 'the answer never echoes a BSN')
      assert.equal((await t.hub.ctx.database.db.selectFrom('populatie_regels').selectAll().execute()).length, 0)
      assert.equal(await t.hub.ctx.ledger.count(), 0)

      const kop = await t.as(gemeente).inject({ method: 'PUT', url: URL, ...csv('bsn,ingangsdatum', `${A},2025-01-01`) })
      assert.deepEqual(kop.json().invalidParams.map((p: { name: string; code: string }) => [p.name, p.code]), [['regel 1', 'kop-ongeldig']])
      const utf8 = await t.as(gemeente).inject({ method: 'PUT', url: URL, payload: Buffer.concat([Buffer.from(`${KOP}\n${A};2025-01-01;;`), Buffer.from([0xff, 0xfe]), Buffer.from('\n')]), headers: { 'content-type': 'text/csv' } })
      assert.deepEqual(utf8.json().invalidParams.map((p: { name: string; code: string }) => [p.name, p.code]), [['regel 2', 'utf8-ongeldig']])
    })

    test('empty lines at the end of the file are no lines (an editor\'s extra newline does not reject the upload)', async () => {
      const { t, gemeente } = await hub(store)
      await using _ = t
      const res = await t.as(gemeente).inject({ method: 'PUT', url: URL, payload: `${KOP}\r\n${A};2025-01-01;;D-1\r\n\r\n\r\n`, headers: { 'content-type': 'text/csv' } })
      assert.equal(res.statusCode, 200, res.body)
      assert.deepEqual(res.json(), { aantal: 1, toegevoegd: 1, gewijzigd: 0, beeindigd: 0 })
      const midden = await t.as(gemeente).inject({ method: 'PUT', url: URL, ...csv(KOP, `${A};2025-01-01;;D-1`, '', `${B};2025-01-01;;D-2`) })
      assert.deepEqual(midden.json().invalidParams.map((p: { name: string; code: string }) => `${p.name}:${p.code}`), ['regel 3:kolommen'], 'an empty line in between is still reported')
    })

    test('a NUL character in a referentie is a line problem, not a 500 (PostgreSQL refuses U+0000 in text)', async () => {
      const { t, gemeente } = await hub(store)
      await using _ = t
      const put = await t.as(gemeente).inject({ method: 'PUT', url: URL, ...csv(KOP, `${A};2025-01-01;;D-1`, `${B};2025-01-01;;D\u00002`) })
      assert.equal(put.statusCode, 400, put.body)
      assert.deepEqual(put.json().invalidParams.map((p: { name: string; code: string }) => `${p.name}:${p.code}`), ['regel 3:referentie-ongeldig'])
      const mut = await t.as(gemeente).inject({ method: 'POST', url: `${URL}/mutaties`, ...csv(`${KOP};actie`, `${A};2025-01-01;;\u0000;toevoegen`) })
      assert.equal(mut.statusCode, 400, mut.body)
      assert.deepEqual(mut.json().invalidParams.map((p: { name: string; code: string }) => `${p.name}:${p.code}`), ['regel 2:referentie-ongeldig'])
      assert.equal((await t.hub.ctx.database.db.selectFrom('populatie_regels').selectAll().execute()).length, 0)
    })

    test('unknown product 404, product not taken 403, no token 401', async () => {
      const { t, gemeente } = await hub(store)
      await using _ = t
      const onbekend = await t.as(gemeente).inject({ method: 'PUT', url: '/api/v1/populaties/bestaat-niet', ...csv(KOP) })
      assert.equal(onbekend.statusCode, 404)
      assert.equal(onbekend.json().code, 'product.onbekend')
      const niet = await t.as(gemeente).inject({ method: 'PUT', url: '/api/v1/populaties/kot-doelgroepouders', ...csv(KOP) })
      assert.equal(niet.statusCode, 403)
      assert.equal((await t.inject({ method: 'PUT', url: URL, ...csv(KOP) })).statusCode, 401)
      // A CSV file labelled as JSON: the answer names the media type, not "the body is not valid JSON".
      const alsJson = await t.as(gemeente).inject({ method: 'PUT', url: URL, payload: `${KOP}\n${A};2025-01-01;;\n`, headers: { 'content-type': 'application/json' } })
      assert.equal(alsJson.statusCode, 415, alsJson.body)
      assert.equal(alsJson.json().code, 'populatie.mediatype')
    })

    test('mutations: add, end (history kept), ending an unknown indication rejects the file', async () => {
      const { t, gemeente } = await hub(store)
      await using _ = t
      const MK = `${KOP};actie`
      const mut = (...r: string[]) => t.as(gemeente).inject({ method: 'POST', url: `${URL}/mutaties`, ...csv(MK, ...r) })
      const a = await mut(`${A};2025-01-01;;D-1;toevoegen`, `${B};2025-01-01;;D-2;toevoegen`)
      assert.deepEqual(a.json(), { aantal: 2, toegevoegd: 2, gewijzigd: 0, beeindigd: 0 })
      const b = await mut(`${A};2025-01-01;2026-02-28;;beeindigen`)
      assert.deepEqual(b.json(), { aantal: 2, toegevoegd: 0, gewijzigd: 0, beeindigd: 1 })
      const db = t.hub.ctx.database.db
      const rijenA = await db.selectFrom('populatie_regels').selectAll().where('bsn', '=', A).orderBy('id').execute()
      assert.equal(rijenA.length, 2)
      assert.ok(rijenA[0]!.vervangen !== null && rijenA[0]!.einddatum === null, 'the open row is kept as history')
      assert.deepEqual([rijenA[1]!.einddatum, rijenA[1]!.referentie, rijenA[1]!.herkomst], ['2026-02-28', 'D-1', 'mutatie'])
      const c = await mut(`${C};2025-01-01;2026-01-01;;beeindigen`, `${D};2025-01-01;;;beeindigen`, `${D};2025-01-01;;;weg`)
      assert.equal(c.statusCode, 400)
      assert.deepEqual(c.json().invalidParams.map((p: { name: string; code: string }) => `${p.name}:${p.code}`), ['regel 3:einddatum-ontbreekt', 'regel 4:actie-onbekend'])
      const d = await mut(`${C};2025-01-01;2026-01-01;;beeindigen`)
      assert.deepEqual(d.json().invalidParams.map((p: { name: string; code: string }) => `${p.name}:${p.code}`), ['regel 2:indicatie-onbekend'])
      assert.equal((await populatie(db).actueel(gemeente.oin, 'samenloop')).length, 2)
    })

    test('mutations: adding an indication that overlaps a stored one of the same BSN is dubbel, as in a full upload', async () => {
      const { t, gemeente } = await hub(store)
      await using _ = t
      const MK = `${KOP};actie`
      const mut = (...r: string[]) => t.as(gemeente).inject({ method: 'POST', url: `${URL}/mutaties`, ...csv(MK, ...r) })
      assert.equal((await mut(`${A};2025-01-01;;D-1;toevoegen`, `${B};2025-01-01;2025-05-31;D-2;toevoegen`)).statusCode, 200)
      const overlap = await mut(`${A};2025-06-01;;D-3;toevoegen`, `${B};2025-03-01;;D-4;toevoegen`)
      assert.equal(overlap.statusCode, 400, overlap.body)
      assert.deepEqual(overlap.json().invalidParams.map((p: { name: string; code: string }) => `${p.name}:${p.code}`), ['regel 2:dubbel', 'regel 3:dubbel'])
      // Ending the old one first (in the same file), or a period after it, is fine.
      const goed = await mut(`${A};2025-01-01;2025-05-31;;beeindigen`, `${A};2025-06-01;;D-3;toevoegen`, `${B};2025-06-01;;D-4;toevoegen`)
      assert.deepEqual(goed.json(), { aantal: 4, toegevoegd: 2, gewijzigd: 0, beeindigd: 1 }, goed.body)
      // The hub's current population is again a valid full upload.
      const put = await t.as(gemeente).inject({ method: 'PUT', url: URL, ...csv(KOP, `${A};2025-01-01;2025-05-31;D-1`, `${A};2025-06-01;;D-3`, `${B};2025-01-01;2025-05-31;D-2`, `${B};2025-06-01;;D-4`) })
      assert.deepEqual(put.json(), { aantal: 4, toegevoegd: 0, gewijzigd: 0, beeindigd: 0 }, put.body)
    })
  })
}
