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

  /** A store, an access service with this principal cache, and one gemeente with a samenloop client. */
  async function metClient(principalCacheMs: number, scopes: string[]) {
    const database = await store.open()
    const access = createAccessService({ db: database.db, clock: fixedClock('2026-11-28T10:00:00Z'), knownProducts: () => PRODUCTS, principalCacheMs })
    const oin = oinFrom('00000002', 345)
    await access.registreerOrganisatie({ oin, naam: 'Gemeente Amersfoort', soort: 'gemeente', gemeentecode: '0307' })
    await access.abonneer(oin, ['samenloop'], '2026-01-01')
    const c = await access.maakClient({ oin, naam: 'systeem', scopes, rollen: ['inkomen'] })
    return { database, access, oin, c }
  }

  test('a client principal is reused for at most principalCacheMs; changes through the service count at once', async () => {
    const { database, access, oin, c } = await metClient(300, ['samenloop', 'oib'])
    await using _ = database
    assert.deepEqual((await access.client(c.clientId))?.producten, ['samenloop'])

    // Through the service: a new subscription is seen by the very next call.
    await access.abonneer(oin, ['oib'], '2026-01-01')
    assert.deepEqual((await access.client(c.clientId))?.producten, ['oib', 'samenloop'])

    // Outside the service (another hub instance, or SQL by hand): the cached principal holds until the bound, no longer.
    const veranderd = performance.now()
    await database.db.deleteFrom('organisatie_producten').where('oin', '=', oin).where('product', '=', 'oib').execute()
    await database.db.updateTable('clients').set({ ingetrokken: '2026-11-28T10:00:00Z' }).where('client_id', '=', c.clientId).execute()
    const binnen = await access.client(c.clientId)
    if (performance.now() - veranderd < 250) assert.deepEqual(binnen?.producten, ['oib', 'samenloop'], 'still the cached principal within the bound')
    await new Promise((r) => setTimeout(r, 320))
    assert.equal(await access.client(c.clientId), undefined, 'revoked by SQL: refused once the bound has passed')

    // Concurrent calls for an uncached client share one read and get the same answer; revoking empties the cache.
    await database.db.updateTable('clients').set({ ingetrokken: null }).where('client_id', '=', c.clientId).execute()
    access.vergeetPrincipals()
    const [a, b] = await Promise.all([access.client(c.clientId), access.client(c.clientId)])
    assert.equal(a, b, 'one read for both')
    assert.deepEqual(a?.producten, ['samenloop'])
    await access.trekClientIn(c.clientId)
    assert.equal(await access.client(c.clientId), undefined, 'revocation through the service counts at once')
  })

  test('principalCacheMs 0 reads the client on every call', async () => {
    const { database, access, c } = await metClient(0, ['samenloop'])
    await using _ = database
    assert.ok(await access.client(c.clientId))
    await database.db.updateTable('clients').set({ ingetrokken: '2026-11-28T10:00:00Z' }).where('client_id', '=', c.clientId).execute()
    assert.equal(await access.client(c.clientId), undefined)
  })
})
