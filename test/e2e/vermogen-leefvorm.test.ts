import { describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { completeBsn, fixedClock } from '../../src/core/index.js'
import { intakeModule } from '../../src/platform/intake/index.js'
import { populatieModule } from '../../src/platform/population/index.js'
import { samenloopModule } from '../../src/products/samenloop/index.js'
import { wachtTot } from '../support/fixtures.js'
import { startTestHub, testStores } from '../support/test-hub.js'

const bsn = (n: number) => { for (let i = n; ; i++) { const b = completeBsn(String(42_000_000 + i * 19)); if (b) return b } }
const V1 = 'bsn;peildatum;banktegoedenCent;overigeBezittingenCent;schuldenCent;rendementsgrondslagCent'
const V2 = `${V1};leefvorm`
const lever = (id: string, payload: string) => ({ method: 'POST' as const, url: '/api/v1/bronnen/belastingdienst-vermogen/leveringen', payload, headers: { 'content-type': 'text/csv', 'levering-id': id } })
type Signaal = { bsn: string; soort: string; gegevens: Record<string, unknown>; regel: { versie: string } }

for (const store of testStores()) {
  describe(`belastingdienst-vermogen versie 2 en het vermogenssignaal per leefvorm [${store}]`, () => {
    test('version-2 lines carry the leefvorm; version-1 files are still read; the signal uses the grens of the leefvorm', async () => {
      const t = await startTestHub(store, { modules: [populatieModule, intakeModule, samenloopModule], clock: fixedClock('2025-03-01T10:00:00Z') })
      await using _ = t
      const gemeente = await t.org('Gemeente Utrecht', 'gemeente', { producten: ['samenloop'], rollen: ['inkomen'] })
      const bd = await t.org('Belastingdienst', 'bron', { rollen: ['bron'] })
      const [alleen, gehuwd, ouder, oud] = [bsn(1), bsn(40), bsn(80), bsn(120)]
      const pop = await t.as(gemeente).inject({ method: 'PUT', url: '/api/v1/populaties/samenloop', payload: `bsn;ingangsdatum;einddatum;referentie\n${[alleen, gehuwd, ouder, oud].map((b) => `${b};2024-06-01;;D`).join('\n')}\n`, headers: { 'content-type': 'text/csv' } })
      assert.equal(pop.statusCode, 200, pop.body)

      // 2025: alleenstaande grens € 7.770, alleenstaande ouder / gehuwden € 15.540 (parameters.json).
      const v2 = await t.as(bd).inject(lever('bd-2025-v2', `${V2}\n${alleen};2025-01-01;777100;0;0;777100;alleenstaande\n${gehuwd};2025-01-01;1554000;0;0;1554000;gehuwd\n${ouder};2025-01-01;1554001;0;0;1554001;alleenstaande-ouder\n${alleen};2025-01-01;1;0;0;1;samenwonend\n`))
      assert.equal(v2.statusCode, 201, v2.body)
      const a2 = v2.json() as { geaccepteerd: number; afgewezen: Array<{ regel: number; code: string }> }
      assert.equal(a2.geaccepteerd, 3)
      assert.deepEqual(a2.afgewezen.map((x) => [x.regel, x.code]), [[5, 'waarde-onbekend']])
      const v1 = await t.as(bd).inject(lever('bd-2025-v1', `${V1}\n${oud};2025-01-01;800000;0;0;800000\n`))
      assert.equal(v1.statusCode, 201, v1.body)
      assert.equal(v1.json().geaccepteerd, 1, 'the version-1 header is still accepted')
      const kort = await t.as(bd).inject(lever('bd-2025-v1-kort', `${V1}\n${oud};2025-01-01;800000;0;0;800000;gehuwd\n`))
      assert.deepEqual(kort.json().afgewezen.map((x: { code: string }) => x.code), ['kolommen'], 'a version-1 file has six columns')
      const opgeslagen = await t.hub.ctx.database.db.selectFrom('feiten').select(['bsn', 'gegevens']).where('levering_id', '=', 'bd-2025-v1').execute()
      assert.equal(JSON.parse(opgeslagen[0]!.gegevens).leefvorm, null)

      await wachtTot(async () => (await t.hub.ctx.database.db.selectFrom('signalen').select('id').execute()).length >= 3, 10_000, 'signalen')
      await new Promise((r) => setTimeout(r, 100))
      const res = await t.as(gemeente).inject({ method: 'GET', url: '/api/v1/signalen?product=samenloop&soort=vermogen' })
      const signalen = (res.json() as { signalen: Signaal[] }).signalen
      const per = new Map(signalen.map((s) => [s.bsn, s]))
      assert.equal(signalen.length, 3)
      assert.deepEqual([per.get(alleen)!.gegevens.leefvorm, per.get(alleen)!.gegevens.vermogensgrensCent], ['alleenstaande', 777000])
      assert.equal(per.has(gehuwd), false, 'gehuwden exactly at their grens: no signal')
      assert.deepEqual([per.get(ouder)!.gegevens.leefvorm, per.get(ouder)!.gegevens.vermogensgrensCent], ['alleenstaande-ouder', 1554000])
      assert.deepEqual([per.get(oud)!.gegevens.leefvorm, per.get(oud)!.gegevens.vermogensgrensCent], [null, 777000], 'unknown leefvorm: the lowest grens')
      assert.ok(signalen.every((s) => s.regel.versie === '2.0.0'))
    })
  })
}
