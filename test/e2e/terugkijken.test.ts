import { describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { completeBsn, fixedClock, type Bsn } from '../../src/core/index.js'
import { intakeModule } from '../../src/platform/intake/index.js'
import { INDICATIES_VASTGELEGD } from '../../src/platform/matching/index.js'
import { populatieModule } from '../../src/platform/population/index.js'
import { samenloopModule } from '../../src/products/samenloop/index.js'
import { TERUGKIJK_CONSUMER } from '../../src/products/samenloop/terugkijk-consument.js'
import { voorafToetsModule } from '../../src/products/vooraf-toets/index.js'
import { wachtTot } from '../support/fixtures.js'
import { startTestHub, testStores, type TestHub, type TestOrg } from '../support/test-hub.js'

const bsn = (n: number) => { for (let i = n; ; i++) { const b = completeBsn(String(41_000_000 + i * 17)); if (b) return b } }
const POLIS = 'bsn;periode;inkomstenverhoudingId;loonheffingennummer;werkgeverNaam;soortInkomen;brutoloonCent;loonheffingCent;uren'
const polis = (b: string, periode: string, id: string, bruto = 250000) => `${b};${periode};${id};802850844L01;Bakkerij BV;loon;${bruto};20000;120`
const csv = (payload: string) => ({ payload, headers: { 'content-type': 'text/csv' } })
const POPULATIE = 'bsn;ingangsdatum;einddatum;referentie'
type Signaal = { id: string; soort: string; bsn: string; correctie: boolean; periode: { van: string; tot: string | null }; bronnen: Array<{ bron: string; leveringId: string; regel: number }> }

async function opzet(store: 'sqlite' | 'postgres') {
  // Polis months of September/October 2026 are recent on this date: intake keeps them as a bronkopie (120 days).
  const clock = fixedClock('2026-11-28T10:00:00Z')
  const t = await startTestHub(store, { modules: [populatieModule, intakeModule, samenloopModule, voorafToetsModule], clock })
  const utrecht = await t.org('Gemeente Utrecht', 'gemeente', { producten: ['samenloop'], rollen: ['inkomen'] })
  const amersfoort = await t.org('Gemeente Amersfoort', 'gemeente', { producten: ['samenloop'], rollen: ['inkomen'] })
  const uwv = await t.org('UWV', 'bron', { rollen: ['bron'] })
  return { t, utrecht, amersfoort, uwv, clock, db: t.hub.ctx.database.db }
}

async function signalen(t: TestHub, org: TestOrg): Promise<Signaal[]> {
  const res = await t.as(org).inject({ method: 'GET', url: '/api/v1/signalen?product=samenloop' })
  assert.equal(res.statusCode, 200, res.body)
  return res.json().signalen
}

/** Waits until the look-back consumer has handled every look-back event committed so far. */
async function terugkijkenKlaar(t: TestHub): Promise<void> {
  const db = t.hub.ctx.database.db
  const laatste = Number((await db.selectFrom('outbox').select((eb) => eb.fn.max('seq').as('m')).where('type', '=', INDICATIES_VASTGELEGD).executeTakeFirst())?.m ?? 0)
  t.hub.ctx.bus.notify()
  await wachtTot(async () => {
    const p = await db.selectFrom('bus_posities').select('seq').where('consument', '=', TERUGKIJK_CONSUMER).executeTakeFirst()
    return Number(p?.seq ?? 0) >= laatste
  }, 10_000, 'terugkijken')
}

async function leverPolis(t: TestHub, uwv: TestOrg, leveringId: string, regels: string[]) {
  const res = await t.as(uwv).inject({ method: 'POST', url: '/api/v1/bronnen/uwv-polis/leveringen', payload: `${POLIS}\n${regels.join('\n')}\n`, headers: { 'content-type': 'text/csv', 'levering-id': leveringId } })
  assert.equal(res.statusCode, 201, res.body)
  return res.json() as { geaccepteerd: number }
}

const ledgerSignaleren = async (t: TestHub, b: string) => (await t.hub.ctx.ledger.inzage(b as Bsn)).filter((l) => l.activiteit === 'signaleren')
const aantalEvents = async (t: TestHub, type: string) =>
  Number((await t.hub.ctx.database.db.selectFrom('outbox').select((eb) => eb.fn.countAll().as('n')).where('type', '=', type).executeTakeFirstOrThrow()).n)

for (const store of testStores()) {
  describe(`terugkijken bij nieuwe indicaties [${store}]`, () => {
    test('a bronkopie fact first, the indication later: one signal, once, for that afnemer only', async () => {
      const { t, utrecht, amersfoort, uwv, db } = await opzet(store)
      await using _ = t
      const [b, ander] = [bsn(1), bsn(50)]
      // 1. The fact arrives while the BSN is in no population: kept as a bronkopie, no signal.
      assert.equal((await leverPolis(t, uwv, 'polis-2026-10', [polis(b, '2026-10', 'IKV-1'), polis(ander, '2026-10', 'IKV-9')])).geaccepteerd, 2)
      await wachtTot(async () => (await db.selectFrom('feiten').select('id').where('levering_id', '=', 'polis-2026-10').execute()).length === 2, 10_000, 'bronkopie')
      t.hub.ctx.bus.notify()
      await new Promise((r) => setTimeout(r, 100))
      assert.deepEqual(await signalen(t, utrecht), [])
      assert.equal((await ledgerSignaleren(t, b)).length, 0)

      // 2. The gemeente adds the BSN with a period overlapping October 2026: the look-back makes one signal.
      const signalEventsVoor = await aantalEvents(t, 'knooppunt.signaal.aangemaakt.v1')
      const up = await t.as(utrecht).inject({ method: 'PUT', url: '/api/v1/populaties/samenloop', ...csv(`${POPULATIE}\n${b};2026-09-01;;D-1\n`) })
      assert.equal(up.statusCode, 200, up.body)
      const events = await db.selectFrom('outbox').select('data').where('type', '=', INDICATIES_VASTGELEGD).execute()
      assert.equal(events.length, 1)
      assert.ok(!events[0]!.data.includes(b), 'no BSN in the look-back event')
      assert.deepEqual(Object.keys(JSON.parse(events[0]!.data)).sort(), ['naId', 'oin', 'product', 'totId'])
      await terugkijkenKlaar(t)
      const [s, ...rest] = await signalen(t, utrecht)
      assert.equal(rest.length, 0)
      assert.equal(s!.soort, 'inkomsten')
      assert.equal(s!.bsn, b)
      assert.equal(s!.correctie, false)
      assert.deepEqual(s!.periode, { van: '2026-10-01', tot: '2026-10-31' })
      assert.deepEqual(s!.bronnen, [{ bron: 'uwv-polis', leveringId: 'polis-2026-10', regel: 2 }], 'the signal names the delivery the fact came in')
      assert.equal(await aantalEvents(t, 'knooppunt.signaal.aangemaakt.v1'), signalEventsVoor + 1, 'one outbox event per new signal (webhooks)')
      const lijnen = await ledgerSignaleren(t, b)
      assert.equal(lijnen.length, 1, 'one ledger line for the (afnemer, BSN) matched')
      assert.deepEqual([lijnen[0]!.actorOin, lijnen[0]!.verwerkingsactiviteit], [utrecht.oin, 'samenloop.signaleren'])
      assert.equal((await ledgerSignaleren(t, ander)).length, 0, 'the other resident was not matched')

      // 3. The same population again: nothing changes, nothing new.
      const nogmaals = await t.as(utrecht).inject({ method: 'PUT', url: '/api/v1/populaties/samenloop', ...csv(`${POPULATIE}\n${b};2026-09-01;;D-1\n`) })
      assert.deepEqual(nogmaals.json(), { aantal: 1, toegevoegd: 0, gewijzigd: 0, beeindigd: 0 })
      // An end date within the known period brings no fact into view that was not matched before.
      const einde = await t.as(utrecht).inject({ method: 'POST', url: '/api/v1/populaties/samenloop/mutaties', ...csv(`${POPULATIE};actie\n${b};2026-09-01;2026-12-31;D-1;beeindigen\n`) })
      assert.equal(einde.statusCode, 200, einde.body)
      await terugkijkenKlaar(t)
      assert.equal((await signalen(t, utrecht)).length, 1)
      assert.equal((await ledgerSignaleren(t, b)).length, 1)

      // 4. Another afnemer without an indication sees nothing.
      assert.deepEqual(await signalen(t, amersfoort), [])

      // 5. A later identical delivery of the same month: no second signal (the usual dedupe).
      await leverPolis(t, uwv, 'polis-2026-10-bis', [polis(b, '2026-10', 'IKV-1')])
      t.hub.ctx.bus.notify()
      await new Promise((r) => setTimeout(r, 200))
      assert.equal((await signalen(t, utrecht)).length, 1)
    })

    test('a mutation and a vooraf-toets look back too; a correction stays a correction; expired facts are not read', async () => {
      const { t, utrecht, amersfoort, uwv, db } = await opzet(store)
      await using _ = t
      const [m, v, verlopen] = [bsn(100), bsn(150), bsn(200)]
      await leverPolis(t, uwv, 'polis-a', [polis(m, '2026-09', 'IKV-M'), polis(v, '2026-10', 'IKV-V')])
      // The same relation and month corrected later: the look-back gives the original and one correction, in order.
      await leverPolis(t, uwv, 'polis-b', [polis(m, '2026-09', 'IKV-M', 275000)])
      // A fact whose retention has passed (the retention job has not run yet): it must not be read.
      const oud = { periode: '2026-06', inkomstenverhoudingId: 'IKV-X', loonheffingennummer: '802850844L01', werkgeverNaam: 'Oud BV', soortInkomen: 'loon', brutoloonCent: 100000, loonheffingCent: 0, uren: 10 }
      await db.insertInto('feiten').values({
        bron: 'uwv-polis', bsn: verlopen, sleutel: 'IKV-X|2026-06', geldig_van: '2026-06-01', geldig_tot: '2026-06-30', gegevens: JSON.stringify(oud),
        inhoud_hash: 'x'.repeat(64), levering_id: 'polis-oud', regel: 2, vastgelegd: '2026-07-01T00:00:00.000Z', bewaren_tot: '2026-11-27',
      }).execute()
      await wachtTot(async () => (await db.selectFrom('feiten').select('id').where('bron', '=', 'uwv-polis').execute()).length === 4, 10_000, 'feiten')

      const mut = await t.as(amersfoort).inject({ method: 'POST', url: '/api/v1/populaties/samenloop/mutaties', ...csv(`${POPULATIE};actie\n${m};2026-01-01;;A-1;toevoegen\n${verlopen};2026-01-01;;A-2;toevoegen\n`) })
      assert.equal(mut.statusCode, 200, mut.body)
      const toets = await t.as(utrecht).inject({ method: 'POST', url: '/api/v1/samenloop/vooraf-toets/_zoek', payload: JSON.stringify({ bsn: v, aanvraagReferentie: 'AANVR-1', peildatum: '2026-10-15' }), headers: { 'content-type': 'application/json' } })
      assert.equal(toets.statusCode, 200, toets.body)
      await terugkijkenKlaar(t)

      const bijAmersfoort = await signalen(t, amersfoort)
      assert.deepEqual(bijAmersfoort.map((s) => [s.bsn, s.soort, s.correctie, s.bronnen[0]!.leveringId]), [[m, 'inkomsten', false, 'polis-a'], [m, 'inkomsten', true, 'polis-b']])
      const bijUtrecht = await signalen(t, utrecht)
      assert.deepEqual(bijUtrecht.map((s) => [s.bsn, s.soort, s.periode.van]), [[v, 'inkomsten', '2026-10-01']], 'the aanvraag indication from the peildatum on')
      assert.equal((await ledgerSignaleren(t, verlopen)).length, 0, 'a fact past its retention is not read')
      assert.equal((await ledgerSignaleren(t, m)).length, 1)

      // Asking again for the same aanvraag adds no indication and so no look-back.
      const voor = await aantalEvents(t, INDICATIES_VASTGELEGD)
      await t.as(utrecht).inject({ method: 'POST', url: '/api/v1/samenloop/vooraf-toets/_zoek', payload: JSON.stringify({ bsn: v, aanvraagReferentie: 'AANVR-1', peildatum: '2026-10-15' }), headers: { 'content-type': 'application/json' } })
      assert.equal(await aantalEvents(t, INDICATIES_VASTGELEGD), voor)
    })
  })
}
