/**
 * The polis rules render a signal's explanation when it is read instead of storing ~440 bytes per signal. Signals
 * stored before that (with the text in `uitleg`) and signals stored now (with `UITLEG_OP_LEZEN`) must give the
 * same answer, byte for byte: in the API, in the export and in a webhook's `data`.
 */
import { describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { AppError, newOrderedId, type Bsn, type Datum } from '../../src/core/index.js'
import { signaalRecord } from '../../src/platform/delivery/index.js'
import { UITLEG_OP_LEZEN, slaSignalenOp } from '../../src/platform/signals/index.js'
import { samenloopModule, matchSamenloopLevering } from '../../src/products/samenloop/index.js'
import { startTestHub, testStores } from '../support/test-hub.js'
import { indiceer, leverFeiten, polis, testBsn } from '../support/werk-en-inkomen-fixtures.js'

/** The explanation as rule version 1.0.0 of `samenloop.inkomsten` and `samenloop.uitkering-polis` stored it. */
const UITLEG_1_0_0 = (wat: string, leveringId: string, regel: number) => `${wat} Dit staat in de Polisadministratie van UWV `
  + `(levering ${leveringId}, regel ${regel}) en gaat over maart 2025. In die periode verleent de gemeente bijstand. Daarom is `
  + 'dit signaal gemaakt: het is onderzoekswaardig, geen conclusie. De gemeente onderzoekt of dit gevolgen heeft voor de '
  + 'bijstand en bespreekt dat met de inwoner voordat zij iets besluit.'

for (const store of testStores()) {
  describe(`signaal-uitleg [${store}]`, () => {
    test('a signal stored with its text and one rendered on read give the same JSON (API, export, webhook data)', async () => {
      const t = await startTestHub(store, { modules: [samenloopModule] })
      await using _ = t
      const utrecht = await t.org('Gemeente Utrecht', 'gemeente', { producten: ['samenloop'], rollen: ['inkomen'] })
      const db = t.hub.ctx.database.db
      const bsn = testBsn()
      await indiceer(db, utrecht.oin, [{ bsn, van: '2025-01-01' }])
      await leverFeiten(db, 'lev-1', [
        polis(bsn, '2025-03', { bruto: 123_456 }),
        polis(bsn, '2025-03', { ikv: 'IKV-WW', soort: 'ww', werkgever: 'UWV', bruto: 80_000 }),
      ])
      assert.equal((await matchSamenloopLevering(t.hub.ctx, 'uwv-polis', 'lev-1')).nieuw, 2)
      const nieuw = await db.selectFrom('signalen').selectAll().orderBy('seq').execute()
      assert.deepEqual(nieuw.map((r) => r.uitleg), [UITLEG_OP_LEZEN, UITLEG_OP_LEZEN], 'the text is not stored')

      // The same signals as the code before this change stored them: the text in the row.
      const [ink, ww] = nieuw.map((r) => JSON.parse(r.bronnen) as Array<{ leveringId: string; regel: number }>)
      const teksten = [
        UITLEG_1_0_0('Volgens de loonaangifte heeft Bakkerij De Korf in maart 2025 loon betaald: € 1.234,56 bruto.', ink![0]!.leveringId, ink![0]!.regel),
        UITLEG_1_0_0('Volgens de Polisadministratie is in maart 2025 een WW-uitkering betaald: € 800,00 bruto.', ww![0]!.leveringId, ww![0]!.regel),
      ]
      const oud = nieuw.map(({ seq: _seq, ...r }, i) => ({ ...r, id: newOrderedId(), inhoud_hash: `oud-${r.inhoud_hash}`.slice(0, 64), uitleg: teksten[i]! }))
      await db.insertInto('signalen').values(oud).execute()

      const lees = async (id: string) => {
        const res = await t.as(utrecht).inject({ method: 'GET', url: `/api/v1/signalen/${id}` })
        assert.equal(res.statusCode, 200, res.body)
        return res.body
      }
      const zonderId = (body: string, id: string) => body.replace(id, '<id>')
      for (let i = 0; i < 2; i++) {
        const [n, o] = [nieuw[i]!, oud[i]!]
        assert.equal(zonderId(await lees(n.id), n.id), zonderId(await lees(o.id), o.id), 'byte-identical API answer')
        assert.equal((JSON.parse(await lees(n.id)) as { uitleg: string }).uitleg, teksten[i])
        const rij = await db.selectFrom('signalen').selectAll().where('id', '=', n.id).executeTakeFirstOrThrow()
        const rijOud = await db.selectFrom('signalen').selectAll().where('id', '=', o.id).executeTakeFirstOrThrow()
        assert.deepEqual({ ...signaalRecord(rij), id: '' }, { ...signaalRecord(rijOud), id: '' }, 'the webhook data too')
      }
      const csv = await t.as(utrecht).inject({ method: 'GET', url: '/api/v1/signalen/export?product=samenloop&van=2000-01-01&tot=2099-12-31' })
      const regels = csv.body.trim().split('\r\n').slice(1).map((r) => r.replace(/^[^,]+,/, ''))
      assert.equal(regels.length, 4)
      assert.equal(regels[0], regels[2])
      assert.equal(regels[1], regels[3])
    })

    test('a candidate without text, of a rule version that cannot explain on read, is refused and nothing is stored', async () => {
      const t = await startTestHub(store, { modules: [samenloopModule] })
      await using _ = t
      const { db, dialect } = t.hub.ctx.database
      const kandidaat = {
        oin: '00000001000000000001', product: 'samenloop', soort: 'inkomsten', bsn: testBsn() as Bsn, sleutel: 'k', inhoudHash: 'h',
        periode: { van: '2025-03-01' as Datum }, bronnen: [], regel: { id: 'samenloop.inkomsten', versie: '0.0.1' }, gegevens: {},
      }
      await assert.rejects(db.transaction().execute((tx) => slaSignalenOp(tx, dialect, t.hub.ctx.clock, [kandidaat])),
        (e: unknown) => e instanceof AppError && e.code === 'signaal.uitleg-onbekend')
      assert.equal((await db.selectFrom('signalen').select('id').execute()).length, 0)
    })
  })
}
