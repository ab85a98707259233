/**
 * Kwijtschelding on the data the hub really holds. The hub keeps no national copy of the sources: it stores a source
 * fact only for a BSN some afnemer has indicated in a product that reads that source (src/platform/intake/feit-opslag.ts).
 * So a gemeente first registers its kwijtschelding population (last year's recipients and this year's applicants,
 * with their household), the sources deliver their files through the ordinary intake, and only then can the hub check.
 *
 * Real modules (population, intake, kwijtschelding), real deliveries, both stores: facts of residents outside the
 * population are not stored; the checks (JSON, CSV batch, verlenging) find every belemmering from the delivered lines,
 * each naming its bron, levering and regel; a BSN outside the population gets a clear "no data" answer.
 */
import { describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { completeBsn, type Bsn } from '../../src/core/index.js'
import { BRON_FORMATEN } from '../../src/platform/intake/formats/index.js'
import { intakeModule } from '../../src/platform/intake/index.js'
import { populatieModule } from '../../src/platform/population/index.js'
import { kwijtscheldingModule } from '../../src/products/kwijtschelding/index.js'
import { startTestHub, testStores, type TestHub, type TestOrg } from '../support/test-hub.js'

const TOETS = '/api/v1/kwijtschelding/toetsingen'
const json = (payload: unknown) => ({ payload: JSON.stringify(payload), headers: { 'content-type': 'application/json' } })

/** Valid BSNs (11-proef). */
const bsn = (n: number): Bsn => {
  for (let i = n; ; i++) { const b = completeBsn(String(41_000_000 + i * 13)); if (b) return b }
}
/** The applicant with a car, a house, a business and savings; her partner; a clean applicant; a resident outside the population. */
const ANNA = bsn(1)
const PIET = bsn(2)
const BOB = bsn(3)
const CARLA = bsn(4)
const KIND = bsn(5)

const MAANDEN = ['2025-09', '2025-10', '2025-11', '2025-12']

/** A delivery file: the format's header, then the lines. The line number of line i (0-based) is i + 2. */
const bestand = (bron: string, regels: readonly string[]) => `${BRON_FORMATEN.get(bron)!.kolommen.join(';')}\n${regels.map((r) => `${r}\n`).join('')}`

/** Every delivery, per source. Each source also sends lines about CARLA, who is in no population. */
const LEVERINGEN: Readonly<Record<string, readonly string[]>> = {
  'brp-personen': [
    `${ANNA};Anna;;Jansen;1985-03-01;V;HH-A;hoofd;Oudegracht;12;3511AB;0344;ingezetene;`,
    `${PIET};Piet;;Jansen;1984-07-15;M;HH-A;partner;Oudegracht;12;3511AB;0344;ingezetene;`,
    `${BOB};Bob;de;Boer;1990-01-20;M;HH-B;hoofd;Lange Nieuwstraat;3;3512PA;0344;ingezetene;`,
    `${CARLA};Carla;;Visser;1970-11-11;V;HH-C;hoofd;Neude;1;3512AE;0344;ingezetene;`,
    // A child of the household that is not in the population: not stored, so it cannot count (see the docs).
    `${KIND};Kim;;Jansen;2015-06-01;V;HH-A;kind;Oudegracht;12;3511AB;0344;ingezetene;`,
  ],
  'uwv-polis': [
    ...MAANDEN.map((m) => `${ANNA};${m};IKV-A;123456789L01;Bakkerij De Korenschoof;loon;250000;40000;120`),
    ...MAANDEN.map((m) => `${BOB};${m};IKV-B;987654321L01;Schoonmaak Utrecht;loon;90000;0;60`),
    ...MAANDEN.map((m) => `${CARLA};${m};IKV-C;123456789L01;Bakkerij De Korenschoof;loon;300000;60000;160`),
  ],
  'belastingdienst-vermogen': [
    `${ANNA};2025-01-01;400000;0;0;400000;alleenstaande`,
    `${CARLA};2025-01-01;9000000;0;0;9000000;gehuwd`,
  ],
  'rdw-voertuigen': [
    `${ANNA};AB-123-C;2020-01-01;;800000`,
    `${CARLA};XY-99-ZZ;2021-01-01;;2500000`,
  ],
  'kadaster-eigendom': [
    `${PIET};KO-UTR-1;3511AB;12;0344;eigendom;1;2;2018-05-01;;32000000`,
    `${CARLA};KO-UTR-9;3512AE;1;0344;eigendom;1;1;2010-01-01;;50000000`,
  ],
  'kvk-inschrijvingen': [
    `${ANNA};12345678;Klusbedrijf Jansen;eenmanszaak;4332;2022-03-01;;0344`,
    `${CARLA};87654321;Visser Advies;eenmanszaak;7022;2019-01-01;;0344`,
  ],
}
const leveringId = (bron: string) => `${bron}-2026-01`
/** Where a delivered line of this BSN in this source ended up: its line number in the file. */
const regelVan = (bron: string, wie: Bsn) => LEVERINGEN[bron]!.findIndex((r) => r.startsWith(`${wie};`)) + 2

async function opzet(store: 'sqlite' | 'postgres') {
  const t = await startTestHub(store, { modules: [populatieModule, intakeModule, kwijtscheldingModule] })
  const gemeente = await t.org('Gemeente Utrecht', 'gemeente', { producten: ['kwijtschelding'], rollen: ['belastingen'] })
  const bron = await t.org('Bronnen', 'bron', { rollen: ['bron'] })
  return { t, gemeente, bron }
}

/** Step 1: the norms and the population — last year's recipients and this year's applicants, with their partners. */
async function gemeenteBereidVoor(t: TestHub, gemeente: TestOrg) {
  const normen = await t.as(gemeente).inject({ method: 'PUT', url: '/api/v1/kwijtschelding/normen', ...json({
    geldigVan: '2025-01-01', kostenVanBestaanPercentage: 100, vermogensbufferAlleenstaandeCent: 200000,
    vermogensbufferAlleenstaandeOuderCent: 250000, vermogensbufferGehuwdCent: 300000,
  }) })
  assert.equal(normen.statusCode, 200, normen.body)
  // The ingangsdatum reaches back to 1 January of last year: the check reads polis months and last year's box-3
  // position, and the hub keeps a fact only when its period overlaps the indication.
  const pop = await t.as(gemeente).inject({
    method: 'PUT', url: '/api/v1/populaties/kwijtschelding', headers: { 'content-type': 'text/csv' },
    payload: `bsn;ingangsdatum;einddatum;referentie\n${ANNA};2025-01-01;;KWS-2026-001\n${PIET};2025-01-01;;KWS-2026-001\n${BOB};2025-01-01;;KWS-2025-117\n`,
  })
  assert.equal(pop.statusCode, 200, pop.body)
  assert.deepEqual(pop.json(), { aantal: 3, toegevoegd: 3, gewijzigd: 0, beeindigd: 0 })
}

/** Step 2: every source delivers its whole file, about indicated and not indicated residents alike. */
async function bronnenLeveren(t: TestHub, bron: TestOrg) {
  for (const [naam, regels] of Object.entries(LEVERINGEN)) {
    const r = await t.as(bron).inject({
      method: 'POST', url: `/api/v1/bronnen/${naam}/leveringen`, headers: { 'content-type': 'text/csv', 'levering-id': leveringId(naam) },
      payload: bestand(naam, regels),
    })
    assert.ok(r.statusCode === 200 || r.statusCode === 201, `${naam}: ${r.body}`)
    assert.deepEqual(r.json().afgewezen, [], `${naam}: every line is valid`)
    assert.equal(r.json().geaccepteerd, regels.length)
  }
}

async function wachtOpGereed(t: TestHub, org: TestOrg, id: string) {
  for (let i = 0; i < 400; i++) {
    const r = await t.as(org).inject({ method: 'GET', url: `${TOETS}/${id}?resultaten=false` })
    assert.equal(r.statusCode, 200, r.body)
    if (r.json().status === 'gereed') return
    await new Promise((res) => setTimeout(res, 25))
  }
  assert.fail('toetsing niet gereed')
}

async function toets(t: TestHub, org: TestOrg, opts: { json?: unknown; csv?: string; query?: string }) {
  const r = await t.as(org).inject({
    method: 'POST', url: `${TOETS}${opts.query ?? ''}`,
    ...(opts.csv !== undefined ? { payload: opts.csv, headers: { 'content-type': 'text/csv' } } : json(opts.json)),
  })
  assert.equal(r.statusCode, 202, r.body)
  const id = r.json().id as string
  await wachtOpGereed(t, org, id)
  const res = await t.as(org).inject({ method: 'GET', url: `${TOETS}/${id}` })
  assert.equal(res.statusCode, 200, res.body)
  return { id, body: res.json() as { resultaten: Resultaat[] } }
}

interface Ref { bron: string; leveringId: string; regel: number }
interface Resultaat {
  regelnummer: number; bsn?: string; status: string; uitkomst?: string; advies?: string; redenen?: string[]
  belemmeringen?: Array<{ soort: string; gegevens: Ref[]; norm: { naam: string; normversie: number }; regel: { id: string; versie: string } }>
  huishouden?: { leefvorm: string; personen: number }; aandachtspunten?: string[]; nettoBesteedbaarInkomenCent?: number
  kwijtscheldingCent?: number; teBetalenCent?: number; fout?: { code: string; detail: string }
}

const ref = (bron: string, wie: Bsn): Ref => ({ bron, leveringId: leveringId(bron), regel: regelVan(bron, wie) })

/** Anna's household: every belemmering, each resting on exactly the delivered lines it names. */
function controleerAnna(r: Resultaat) {
  assert.equal(r.status, 'gereed', JSON.stringify(r.fout))
  assert.equal(r.uitkomst, 'belemmeringen')
  assert.equal(r.huishouden?.leefvorm, 'gehuwd', 'the partner came from the BRP delivery')
  const per = Object.fromEntries((r.belemmeringen ?? []).map((b) => [b.soort, b]))
  assert.deepEqual(Object.keys(per).sort(), ['vermogen', 'voertuig', 'woningbezit', 'zelfstandig-ondernemer'])
  assert.deepEqual(per.voertuig!.gegevens, [ref('rdw-voertuigen', ANNA)])
  assert.deepEqual(per.vermogen!.gegevens, [ref('belastingdienst-vermogen', ANNA)])
  // The house is the partner's: the leefeenheid's facts count, found through the partner's own indication.
  assert.deepEqual(per.woningbezit!.gegevens, [ref('kadaster-eigendom', PIET)])
  assert.deepEqual(per['zelfstandig-ondernemer']!.gegevens, [ref('kvk-inschrijvingen', ANNA)])
  for (const b of r.belemmeringen!) {
    assert.deepEqual(b.regel, { id: 'kwijtschelding-huishoudtoets', versie: '1.0.0' })
    assert.ok(b.norm.normversie > 0)
  }
  assert.ok((r.nettoBesteedbaarInkomenCent ?? 0) > 0, 'income from the delivered polis months')
  assert.equal(r.kwijtscheldingCent, 0)
}

/** A resident outside the population: the hub does not check her (not this organisation's to see), and says why. */
function controleerGeenGegevens(r: Resultaat) {
  assert.equal(r.status, 'fout')
  assert.equal(r.fout?.code, 'kwijtschelding.niet-in-populatie')
  assert.match(r.fout!.detail, /kwijtscheldingspopulatie/)
  assert.equal(r.belemmeringen, undefined, 'no outcome made up without data')
}

for (const store of testStores()) {
  describe(`kwijtschelding on a registered population [${store}]`, () => {
    test('only the population\'s facts are kept; a source is told which BSNs the hub wants', async () => {
      const { t, gemeente, bron } = await opzet(store)
      await using _ = t
      await gemeenteBereidVoor(t, gemeente)
      // A source may ask first which residents the hub wants (so it need not send its whole register).
      const sel = await t.as(bron).inject({ method: 'GET', url: '/api/v1/bronnen/rdw-voertuigen/selectie' })
      assert.equal(sel.statusCode, 200, sel.body)
      assert.deepEqual(sel.body.trim().split('\n').slice(1).sort(), [ANNA, PIET, BOB].sort())
      await bronnenLeveren(t, bron)

      const db = t.hub.ctx.database.db
      const rijen = await db.selectFrom('feiten').select(['bron', 'bsn', 'levering_id', 'regel']).execute()
      const perBsn = (b: Bsn) => rijen.filter((r) => r.bsn === b).map((r) => r.bron).sort()
      assert.deepEqual(perBsn(CARLA), [], 'nothing about a resident outside every population')
      assert.deepEqual(perBsn(KIND), [], 'nor about a household member the gemeente did not register')
      assert.deepEqual([...new Set(perBsn(ANNA))], ['belastingdienst-vermogen', 'brp-personen', 'kvk-inschrijvingen', 'rdw-voertuigen', 'uwv-polis'])
      assert.deepEqual([...new Set(perBsn(PIET))], ['brp-personen', 'kadaster-eigendom'])
      assert.deepEqual([...new Set(perBsn(BOB))], ['brp-personen', 'uwv-polis'])
      for (const r of rijen) assert.equal(r.levering_id, leveringId(r.bron), 'each fact keeps its delivery')
      assert.equal(rijen.find((r) => r.bsn === ANNA && r.bron === 'rdw-voertuigen')?.regel, regelVan('rdw-voertuigen', ANNA))
    })

    test('JSON and CSV checks find every belemmering from the delivered data; outside the population: no data', async () => {
      const { t, gemeente, bron } = await opzet(store)
      await using _ = t
      await gemeenteBereidVoor(t, gemeente)
      await bronnenLeveren(t, bron)

      const enkel = await toets(t, gemeente, { json: { bsn: ANNA, peildatum: '2026-01-01', aanslagCent: 41250 } })
      assert.equal(enkel.body.resultaten.length, 1)
      controleerAnna(enkel.body.resultaten[0]!)
      assert.equal(enkel.body.resultaten[0]!.teBetalenCent, 41250)

      const buiten = await toets(t, gemeente, { json: { bsn: CARLA, peildatum: '2026-01-01' } })
      controleerGeenGegevens(buiten.body.resultaten[0]!)

      const batch = await toets(t, gemeente, { csv: `bsn;peildatum;aanslagCent\n${ANNA};2026-01-01;41250\n${BOB};2026-01-01;41250\n${CARLA};2026-01-01;41250\n` })
      const [a, b, c] = batch.body.resultaten
      assert.deepEqual(batch.body.resultaten.map((r) => r.regelnummer), [2, 3, 4])
      controleerAnna(a!)
      assert.equal(b!.uitkomst, 'geen-belemmeringen', JSON.stringify(b))
      assert.equal(b!.huishouden?.leefvorm, 'alleenstaande')
      assert.deepEqual(b!.aandachtspunten, [])
      assert.equal(b!.kwijtscheldingCent, 41250, 'an income below the kosten van bestaan: the whole aanslag')
      controleerGeenGegevens(c!)

      const exp = await t.as(gemeente).inject({ method: 'GET', url: `${TOETS}/${batch.id}/export` })
      assert.equal(exp.statusCode, 200)
      const regels = exp.body.trim().split('\n')
      assert.match(regels[1]!, new RegExp(`^2;${ANNA};2026-01-01;gereed;belemmeringen;vermogen,voertuig,woningbezit,zelfstandig-ondernemer;`))
      assert.match(regels[3]!, /kwijtschelding\.niet-in-populatie$/)
    })

    test('verlenging: last year\'s recipients get an advice each, from the delivered data', async () => {
      const { t, gemeente, bron } = await opzet(store)
      await using _ = t
      await gemeenteBereidVoor(t, gemeente)
      await bronnenLeveren(t, bron)
      const v = await toets(t, gemeente, { csv: `bsn;peildatum\n${BOB};2026-01-01\n${ANNA};2026-01-01\n${CARLA};2026-01-01\n`, query: '?soort=verlenging' })
      const [b, a, c] = v.body.resultaten
      assert.equal(b!.advies, 'verlengen', JSON.stringify(b))
      assert.deepEqual(b!.redenen, [])
      assert.equal(a!.advies, 'opnieuw-beoordelen')
      assert.deepEqual([...a!.redenen!].sort(), ['belemmering-vermogen', 'belemmering-voertuig', 'belemmering-woningbezit', 'belemmering-zelfstandig-ondernemer', 'betalingscapaciteit'])
      assert.equal(c!.advies, 'opnieuw-beoordelen')
      assert.deepEqual(c!.redenen, ['toets-mislukt'])
      assert.equal(c!.fout?.code, 'kwijtschelding.niet-in-populatie')
    })

    test('a resident added to the population later: checked once the sources deliver again', async () => {
      const { t, gemeente, bron } = await opzet(store)
      await using _ = t
      await gemeenteBereidVoor(t, gemeente)
      await bronnenLeveren(t, bron)
      const mut = await t.as(gemeente).inject({
        method: 'POST', url: '/api/v1/populaties/kwijtschelding/mutaties', headers: { 'content-type': 'text/csv' },
        payload: `bsn;ingangsdatum;einddatum;referentie;actie\n${CARLA};2025-01-01;;KWS-2026-044;toevoegen\n`,
      })
      assert.equal(mut.statusCode, 200, mut.body)
      // Indicated now, but the earlier deliveries were not kept for her: still no data, and the answer says so.
      const voor = await toets(t, gemeente, { json: { bsn: CARLA, peildatum: '2026-01-01' } })
      assert.equal(voor.body.resultaten[0]!.fout?.code, 'kwijtschelding.geen-brp-gegevens')
      assert.match(voor.body.resultaten[0]!.fout!.detail, /nog geen gegevens/)
      for (const naam of Object.keys(LEVERINGEN)) {
        const r = await t.as(bron).inject({
          method: 'POST', url: `/api/v1/bronnen/${naam}/leveringen`, headers: { 'content-type': 'text/csv', 'levering-id': `${naam}-2026-02` },
          payload: bestand(naam, LEVERINGEN[naam]!.filter((l) => l.startsWith(`${CARLA};`))),
        })
        assert.ok(r.statusCode < 300, r.body)
      }
      const na = await toets(t, gemeente, { json: { bsn: CARLA, peildatum: '2026-01-01' } })
      const r = na.body.resultaten[0]!
      assert.equal(r.uitkomst, 'belemmeringen', JSON.stringify(r))
      assert.deepEqual(r.belemmeringen!.map((b) => b.soort).sort(), ['vermogen', 'voertuig', 'woningbezit', 'zelfstandig-ondernemer'])
      assert.deepEqual(r.belemmeringen!.find((b) => b.soort === 'voertuig')!.gegevens, [{ bron: 'rdw-voertuigen', leveringId: 'rdw-voertuigen-2026-02', regel: 2 }])
    })
  })
}
