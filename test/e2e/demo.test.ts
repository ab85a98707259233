import { test } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'kysely'
import { generate } from '../../src/synth/index.js'
import { readOrganisaties, seedDemo } from '../../src/demo/seed-demo.js'
import { startTestHub } from '../support/test-hub.js'

test('demo seeding: every required account, the same credentials on a second start, no duplicates, and they work', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'kp-demo-'))
  try {
    await generate({ seed: 7, inwoners: 2000, uit: join(dir, 'synth') })
    const orgs = readOrganisaties(join(dir, 'synth', 'organisaties.csv'))
    await using t = await startTestHub('sqlite')
    const { access, register, database } = t.hub.ctx
    const file = join(dir, 'demo-credentials.json')
    const first = await seedDemo(access, register.productNamen(), orgs, file)
    const counts = async () => Promise.all(['organisaties', 'clients', 'gebruikers', 'organisatie_producten'].map(async (tbl) =>
      Number((await sql<{ n: number }>`select count(*) as n from ${sql.table(tbl)}`.execute(database.db)).rows[0]!.n)))
    const before = await counts()
    const second = await seedDemo(access, register.productNamen(), orgs, file)
    assert.deepEqual(second, first, 'same credentials on a second start')
    assert.deepEqual(await counts(), before, 'no duplicates')
    assert.deepEqual(JSON.parse(readFileSync(file, 'utf8')), first)

    const soorten = first.organisaties.map((o) => o.soort)
    assert.equal(soorten.filter((s) => s === 'gemeente').length, 2)
    for (const s of ['rmc', 'zorgaanbieder', 'schuldeiser', 'beheer'] as const) assert.ok(soorten.includes(s), s)
    assert.equal(soorten.filter((s) => s === 'bron').length, orgs.filter((o) => o.soort === 'bron').length, 'one client per bron')
    const rollen = first.gebruikers.flatMap((g) => g.rollen)
    for (const r of ['inkomen', 'wmo', 'belastingen', 'privacy-officer', 'beheerder'] as const) assert.ok(rollen.includes(r), r)
    for (const g of first.organisaties.filter((o) => o.soort === 'gemeente')) {
      const producten = await access.producten(g.oin)
      assert.deepEqual(producten, register.productNamen().filter((p) => p !== 'inzage'), 'gemeenten take every product')
    }
    // The credentials work: a client gets a token, a portal user passes the password check.
    const gemeente = first.organisaties.find((o) => o.soort === 'gemeente')!
    const token = await t.token({ oin: gemeente.oin as never, clientId: gemeente.clientId, clientSecret: gemeente.clientSecret })
    assert.ok(token.length > 100)
    const user = first.gebruikers.find((g) => g.rollen.includes('privacy-officer'))!
    assert.ok(await access.controleerGebruiker(user.gebruikersnaam, user.wachtwoord))
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
})
