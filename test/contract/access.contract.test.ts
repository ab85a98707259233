import { test } from 'node:test'
import assert from 'node:assert/strict'
import { fixedClock, oinFrom } from '../../src/core/index.js'
import { createAccessService } from '../../src/platform/access/index.js'
import { describeStores } from '../support/stores.js'

const PRODUCTS = ['samenloop', 'oib', 'inzage']

describeStores('access', (store) => {
  test('organisations, subscriptions, clients and users round-trip; revocation and scopes take effect', async () => {
    await using database = await store.open()
    const access = createAccessService({ db: database.db, clock: fixedClock('2026-11-28T10:00:00Z'), knownProducts: () => PRODUCTS })
    const oin = oinFrom('00000001', 344)
    await access.registreerOrganisatie({ oin, naam: 'Gemeente Utrecht', soort: 'gemeente', gemeentecode: '0344' })
    await access.registreerOrganisatie({ oin, naam: 'Gemeente Utrecht (nieuw)', soort: 'gemeente', gemeentecode: '0344' })
    assert.equal((await access.organisaties()).length, 1, 'registering twice updates')
    assert.equal((await access.organisatie(oin))?.naam, 'Gemeente Utrecht (nieuw)')
    await access.abonneer(oin, ['samenloop', 'oib'], '2026-01-01')
    await assert.rejects(access.abonneer(oin, ['bestaat-niet']), /onbekend product/)
    const c = await access.maakClient({ oin, naam: 'systeem', scopes: ['samenloop', 'inzage'], rollen: ['inkomen'] })
    const p = await access.controleerClient(c.clientId, c.clientSecret)
    assert.deepEqual(p?.producten, ['samenloop'], 'client gets subscribed ∩ scoped products')
    assert.deepEqual(p?.scopes, ['inzage'])
    assert.equal(await access.controleerClient(c.clientId, 'fout'), undefined)
    await access.trekClientIn(c.clientId)
    assert.equal(await access.client(c.clientId), undefined)
    assert.equal(await access.controleerClient(c.clientId, c.clientSecret), undefined)
    await assert.rejects(access.maakClient({ oin, naam: 'x', scopes: ['raar'], rollen: ['koning' as never] }), (e: Error & { invalidParams?: unknown[] }) => e.invalidParams?.length === 2)
    const u = await access.maakGebruiker({ gebruikersnaam: 'inkomen.0344', naam: 'Inkomen', wachtwoord: 'een-lang-wachtwoord', oin, rollen: ['inkomen'] })
    assert.equal((await access.controleerGebruiker('inkomen.0344', 'een-lang-wachtwoord'))?.id, u.id)
    assert.equal(await access.controleerGebruiker('inkomen.0344', 'fout-wachtwoord!'), undefined)
    assert.deepEqual((await access.gebruiker(u.id))?.producten, ['oib', 'samenloop'])
    await assert.rejects(access.maakGebruiker({ gebruikersnaam: 'X', naam: 'x', wachtwoord: 'kort', oin, rollen: [] }), (e: Error & { invalidParams?: unknown[] }) => e.invalidParams?.length === 2)
  })
})
