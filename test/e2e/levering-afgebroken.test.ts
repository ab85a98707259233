import { describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { fixedClock, type TraceContext } from '../../src/core/index.js'
import { BRON_FORMATEN, intakeModule, runRetention, verwerkLevering } from '../../src/platform/intake/index.js'
import { VERLATEN_NA_MS } from '../../src/platform/intake/levering-service.js'
import { populatieModule } from '../../src/platform/population/index.js'
import { samenloopModule } from '../../src/products/samenloop/index.js'
import { startTestHub, testStores, type TestHub, type TestOrg } from '../support/test-hub.js'
import { indiceer, testBsn, wachtTot } from '../support/werk-en-inkomen-fixtures.js'

// A delivery that breaks off half-way must not leave facts behind that were never announced: a later delivery of the
// same lines would find them "already stored", and they would never reach matching.

const POLIS = 'bsn;periode;inkomstenverhoudingId;loonheffingennummer;werkgeverNaam;soortInkomen;brutoloonCent;loonheffingCent;uren'
const AANTAL = 2_300 // more than one batch of intake (2,000 lines), so a batch is committed before the break
const trace: TraceContext = { traceId: '4bf92f3577b34da6a3ce929d0e0e4736', spanId: '00f067aa0ba902b7' }

async function opzet(store: 'sqlite' | 'postgres') {
  const clock = fixedClock('2026-03-01T10:00:00Z')
  const t = await startTestHub(store, { modules: [populatieModule, intakeModule, samenloopModule], clock })
  const gemeente = await t.org('Gemeente Utrecht', 'gemeente', { producten: ['samenloop'], rollen: ['inkomen'] })
  const uwv = await t.org('UWV', 'bron', { rollen: ['bron'] })
  const db = t.hub.ctx.database.db
  const bsns = Array.from({ length: AANTAL }, () => testBsn())
  await indiceer(db, gemeente.oin, bsns.map((bsn) => ({ bsn, van: '2025-01-01' })))
  const regels = bsns.map((bsn, i) => `${bsn};2026-01;IKV-${i};802850844L01;Bakkerij BV;loon;250000;20000;120`)
  return { t, clock, uwv, db, regels, bestand: `${POLIS}\n${regels.join('\n')}\n` }
}

const lever = (t: TestHub, org: TestOrg, id: string, bestand: string) =>
  t.as(org).inject({ method: 'POST', url: '/api/v1/bronnen/uwv-polis/leveringen', payload: bestand, headers: { 'content-type': 'text/csv', 'levering-id': id } })

/** An upload that sends the header and `regels`, then waits for `verder` (resolve: more lines; reject: the connection drops). */
function upload(regels: readonly string[]) {
  let verder!: { resolve: (meer: readonly string[]) => void; reject: (e: Error) => void }
  const wacht = new Promise<readonly string[]>((resolve, reject) => { verder = { resolve, reject } })
  async function* inhoud() {
    yield `${POLIS}\n${regels.join('\n')}\n`
    const meer = await wacht
    yield meer.map((r) => `${r}\n`).join('')
  }
  return { inhoud: inhoud(), verder }
}

const feitenVan = async (db: TestHub['hub']['ctx']['database']['db'], leveringId: string) =>
  Number((await db.selectFrom('feiten').select((eb) => eb.fn.countAll().as('n')).where('levering_id', '=', leveringId).executeTakeFirstOrThrow()).n)
const signalen = async (db: TestHub['hub']['ctx']['database']['db']) =>
  Number((await db.selectFrom('signalen').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)

for (const store of testStores()) {
  describe(`afgebroken leveringen [${store}]`, () => {
    test('an upload that breaks off leaves no facts; the same lines under a new id, or the same id, are stored and signalled', async () => {
      const { t, uwv, db, regels, bestand } = await opzet(store)
      await using _ = t
      const u = upload(regels.slice(0, 2_100))
      const bezig = verwerkLevering(t.hub.ctx, { bron: 'uwv-polis', formaat: BRON_FORMATEN.get('uwv-polis')!, leveringId: 'polis-a', oin: uwv.oin, trace, inhoud: u.inhoud })
      await wachtTot(async () => (await feitenVan(db, 'polis-a')) >= 2_000) // the first batch is committed
      u.verder.reject(new Error('verbinding verbroken'))
      await assert.rejects(bezig, /verbinding verbroken/)
      const rij = await db.selectFrom('leveringen').selectAll().where('levering_id', '=', 'polis-a').executeTakeFirstOrThrow()
      assert.equal(rij.status, 'mislukt')
      assert.equal(await feitenVan(db, 'polis-a'), 0, 'the committed batch is removed with the delivery')
      assert.equal((await db.selectFrom('outbox').selectAll().where('type', '=', 'knooppunt.feiten.vastgelegd.v1').execute()).length, 0, 'nothing was announced')

      const nieuw = await lever(t, uwv, 'polis-b', bestand)
      assert.equal(nieuw.statusCode, 201, nieuw.body)
      assert.equal(await feitenVan(db, 'polis-b'), AANTAL, 'no line is taken for a repeat of the broken-off upload')
      await wachtTot(async () => (await signalen(db)) === AANTAL)

      // The broken-off id may be used again; its lines are repeats of polis-b's by now.
      const zelfdeId = await lever(t, uwv, 'polis-a', bestand)
      assert.equal(zelfdeId.statusCode, 201, zelfdeId.body)
      assert.equal(zelfdeId.json().geaccepteerd, AANTAL)
      assert.equal(await feitenVan(db, 'polis-a'), 0)
      assert.equal(await signalen(db), AANTAL)
    })

    test('a delivery left running by a stopped hub: its id refused for fifteen minutes, then taken over; a new id meanwhile is no repeat; retention clears it', async () => {
      const { t, clock, uwv, db, regels, bestand } = await opzet(store)
      await using _ = t
      // An upload that stops sending after its first batch: as the database sees it, a hub that stopped half-way.
      const u = upload(regels.slice(0, 2_100))
      const bezig = verwerkLevering(t.hub.ctx, { bron: 'uwv-polis', formaat: BRON_FORMATEN.get('uwv-polis')!, leveringId: 'polis-a', oin: uwv.oin, trace, inhoud: u.inhoud })
      await wachtTot(async () => (await feitenVan(db, 'polis-a')) >= 2_000)

      const teVroeg = await lever(t, uwv, 'polis-a', bestand)
      assert.equal(teVroeg.statusCode, 409)
      assert.equal(teVroeg.json().code, 'levering.in-behandeling')

      const nieuw = await lever(t, uwv, 'polis-b', bestand)
      assert.equal(nieuw.statusCode, 201, nieuw.body)
      assert.equal(await feitenVan(db, 'polis-b'), AANTAL, 'the stalled upload\'s facts were never announced: they are no reason to skip a line')
      await wachtTot(async () => (await signalen(db)) === AANTAL)

      clock.advance(VERLATEN_NA_MS + 1_000)
      // A client whose token is issued on the moved clock (the first one's has expired by now).
      const uwvLater = { oin: uwv.oin, ...(await t.hub.ctx.access.maakClient({ oin: uwv.oin, naam: 'UWV later', scopes: [], rollen: ['bron'] })) }
      const overgenomen = await lever(t, uwvLater, 'polis-a', bestand)
      assert.equal(overgenomen.statusCode, 201, overgenomen.body)
      assert.equal(await feitenVan(db, 'polis-a'), 0, 'the abandoned facts are gone; the lines are repeats of polis-b')
      // The stalled upload wakes up: its next batch is refused, and it does not touch the delivery that took over.
      u.verder.resolve(regels.slice(2_100))
      await assert.rejects(bezig, (e: Error & { code?: string }) => e.code === 'levering.overgenomen')
      const rij = await db.selectFrom('leveringen').selectAll().where('levering_id', '=', 'polis-a').executeTakeFirstOrThrow()
      assert.deepEqual([rij.status, rij.aantal_regels, rij.geaccepteerd], ['verwerkt', AANTAL, AANTAL])
      assert.equal(await signalen(db), AANTAL)

      // A third upload, of new lines, stalls after its first batch; the hourly retention job finds it abandoned.
      const c = upload(regels.slice(0, 2_100).map((r) => r.replace(';IKV-', ';IKV-C-')))
      const derde = verwerkLevering(t.hub.ctx, { bron: 'uwv-polis', formaat: BRON_FORMATEN.get('uwv-polis')!, leveringId: 'polis-c', oin: uwv.oin, trace, inhoud: c.inhoud })
      await wachtTot(async () => (await feitenVan(db, 'polis-c')) >= 2_000)
      assert.equal((await runRetention(t.hub.ctx, clock.now())).leveringenAfgebroken, 0, 'still within fifteen minutes')
      assert.ok((await feitenVan(db, 'polis-c')) >= 2_000)
      clock.advance(VERLATEN_NA_MS + 1_000)
      assert.equal((await runRetention(t.hub.ctx, clock.now())).leveringenAfgebroken, 1)
      assert.equal((await db.selectFrom('leveringen').select('status').where('levering_id', '=', 'polis-c').executeTakeFirstOrThrow()).status, 'mislukt')
      assert.equal(await feitenVan(db, 'polis-c'), 0)
      c.verder.resolve([])
      await assert.rejects(derde, (e: Error & { code?: string }) => e.code === 'levering.overgenomen')
    })
  })
}
