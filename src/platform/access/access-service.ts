import { AppError, isOin, newId, parseOin, type Clock, type InvalidParam, type Oin } from '../../core/index.js'
import type { Db } from '../tables.js'
import type { OrganisatieRow } from './access-tables.js'
import { ORGANISATIE_SOORTEN, ROLLEN, type Organisatie, type OrganisatieSoort, type Principal, type Rol } from './organisatie.js'
import { hashClientSecret, hashSecret, newSecret, verifySecret } from './passwords.js'

/** Scopes that are not products. */
export const EXTRA_SCOPES = ['inzage', 'beheer'] as const

export interface NieuweClient {
  readonly oin: Oin
  readonly naam: string
  /** Product names and extra scopes this client may ask for; products must be subscribed by the organisation. */
  readonly scopes: readonly string[]
  readonly rollen: readonly Rol[]
  /** Fixed id/secret (demo data needs stable credentials); generated when absent. */
  readonly clientId?: string
  readonly clientSecret?: string
}

export interface NieuweGebruiker {
  readonly gebruikersnaam: string
  readonly naam: string
  readonly wachtwoord: string
  readonly oin: Oin
  readonly rollen: readonly Rol[]
}

export type AccessService = ReturnType<typeof createAccessService>

const toOrganisatie = (r: OrganisatieRow): Organisatie => ({
  oin: r.oin as Oin,
  naam: r.naam,
  soort: r.soort as OrganisatieSoort,
  gemeentecode: r.gemeentecode ?? undefined,
  agbCode: r.agb_code ?? undefined,
})

function validateRollen(rollen: readonly string[], field: string): InvalidParam[] {
  return rollen.filter((r) => !(ROLLEN as readonly string[]).includes(r))
    .map((r) => ({ name: field, code: 'rol-onbekend', reason: `onbekende rol '${r}' (bekend: ${ROLLEN.join(', ')})` }))
}

/**
 * How long the principal of a client (read when one of its tokens is presented) is reused: at most this long after a
 * change made *outside* this instance's access service (another hub instance, or SQL by hand) a token still gets the
 * old principal. Every change through this service (revoking a client, subscribing, registering, authorising a
 * source) empties the cache of its own instance at once.
 */
export const PRINCIPAL_CACHE_MS = 1_000

export interface AccessDeps {
  readonly db: Db
  readonly clock: Clock
  readonly knownProducts: () => readonly string[]
  readonly knownSources?: () => readonly string[]
  /** Reuse of a client's principal (ms, monotonic time); 0 reads it on every call. Default `PRINCIPAL_CACHE_MS`. */
  readonly principalCacheMs?: number
}

/** Organisations, their product subscriptions, API clients and portal users. */
export function createAccessService(deps: AccessDeps) {
  const { db, clock } = deps
  const now = () => clock.now().toISOString()
  const principals = principalCache(deps.principalCacheMs ?? PRINCIPAL_CACHE_MS)

  async function organisatie(oin: string): Promise<Organisatie | undefined> {
    if (!isOin(oin)) return undefined
    const row = await db.selectFrom('organisaties').selectAll().where('oin', '=', oin).executeTakeFirst()
    return row ? toOrganisatie(row) : undefined
  }

  async function bronnenVan(oin: string): Promise<string[]> {
    return (await db.selectFrom('bron_machtigingen').select('bron').where('oin', '=', oin).orderBy('bron').execute()).map((r) => r.bron)
  }

  async function producten(oin: string, peildatum = now().slice(0, 10)): Promise<string[]> {
    const rows = await db.selectFrom('organisatie_producten').select('product').where('oin', '=', oin)
      .where('van', '<=', peildatum).where((eb) => eb.or([eb('tot', 'is', null), eb('tot', '>=', peildatum)])).execute()
    return rows.map((r) => r.product).sort()
  }

  return {
    organisatie,
    producten,

    /** Creates or updates an organisation (idempotent on OIN). */
    async registreerOrganisatie(o: Organisatie): Promise<Organisatie> {
      const problems: InvalidParam[] = []
      if (!isOin(o.oin)) problems.push({ name: 'oin', code: 'oin-ongeldig', reason: 'OIN moet uit precies 20 cijfers bestaan' })
      if (!(ORGANISATIE_SOORTEN as readonly string[]).includes(o.soort))
        problems.push({ name: 'soort', code: 'soort-onbekend', reason: `soort moet een van ${ORGANISATIE_SOORTEN.join(', ')} zijn` })
      if (!o.naam?.trim()) problems.push({ name: 'naam', code: 'verplicht', reason: 'naam ontbreekt' })
      if (problems.length) throw new AppError('invalid', 'organisatie.ongeldig', 'organisatie is ongeldig', problems)
      const values = { naam: o.naam, soort: o.soort, gemeentecode: o.gemeentecode ?? null, agb_code: o.agbCode ?? null }
      await db.insertInto('organisaties').values({ oin: o.oin, aangemaakt: now(), ...values })
        .onConflict((oc) => oc.column('oin').doUpdateSet(values)).execute()
      principals.vergeet()
      return o
    },

    async organisaties(): Promise<Organisatie[]> {
      return (await db.selectFrom('organisaties').selectAll().orderBy('naam').execute()).map(toOrganisatie)
    },

    /** Subscribes an organisation to products from `van` (default today); existing subscriptions are kept. */
    async abonneer(oin: Oin, productNamen: readonly string[], van = now().slice(0, 10)): Promise<void> {
      const known = deps.knownProducts()
      const unknown = productNamen.filter((p) => !known.includes(p))
      if (unknown.length) throw new AppError('not-found', 'product.onbekend', `onbekend product: ${unknown.join(', ')}`,
        unknown.map((p) => ({ name: 'producten', code: 'product-onbekend', reason: `product '${p}' bestaat niet` })))
      for (const product of productNamen) {
        await db.insertInto('organisatie_producten').values({ oin, product, van, tot: null })
          .onConflict((oc) => oc.columns(['oin', 'product']).doUpdateSet({ tot: null })).execute()
      }
      principals.vergeet()
    },

    /**
     * Authorises a source organisation to deliver these formats (adds to what it had). Only kind `bron`; unknown
     * formats are refused, every one named.
     */
    async machtigBron(oin: Oin, bronnen: readonly string[]): Promise<void> {
      const org = await organisatie(oin)
      if (!org) throw new AppError('not-found', 'organisatie.onbekend', 'organisatie bestaat niet')
      if (org.soort !== 'bron') throw new AppError('invalid', 'organisatie.geen-bron', 'alleen een organisatie van soort bron kan bronnen leveren', [{ name: 'bronnen', code: 'geen-bron', reason: `organisatie is van soort ${org.soort}` }])
      const known = deps.knownSources?.() ?? []
      const unknown = bronnen.filter((b) => !known.includes(b))
      if (unknown.length) throw new AppError('invalid', 'bron.onbekend', `onbekende bron: ${unknown.join(', ')}`, unknown.map((b) => ({ name: 'bronnen', code: 'bron-onbekend', reason: `bron '${b}' bestaat niet` })))
      for (const bron of bronnen) {
        await db.insertInto('bron_machtigingen').values({ oin, bron, aangemaakt: now() }).onConflict((oc) => oc.columns(['oin', 'bron']).doNothing()).execute()
      }
      principals.vergeet()
    },

    /** The formats a source organisation may deliver. */
    bronnenVan,

    /** Creates an API client. The secret is returned once and only stored as a hash. */
    async maakClient(c: NieuweClient): Promise<{ clientId: string; clientSecret: string }> {
      parseOin(c.oin)
      const allowedScopes = [...deps.knownProducts(), ...EXTRA_SCOPES]
      const problems = [
        ...validateRollen(c.rollen, 'rollen'),
        ...c.scopes.filter((s) => !allowedScopes.includes(s)).map((s) => ({ name: 'scopes', code: 'scope-onbekend', reason: `onbekende scope '${s}'` })),
      ]
      if (problems.length) throw new AppError('invalid', 'client.ongeldig', 'client is ongeldig', problems)
      if (!(await organisatie(c.oin))) throw new AppError('not-found', 'organisatie.onbekend', 'organisatie bestaat niet')
      const clientId = c.clientId ?? `kp-${newId()}`
      const clientSecret = c.clientSecret ?? newSecret()
      const values = { oin: c.oin, naam: c.naam, secret_hash: hashClientSecret(clientSecret), scopes: JSON.stringify(c.scopes), rollen: JSON.stringify(c.rollen), ingetrokken: null }
      await db.insertInto('clients').values({ client_id: clientId, aangemaakt: now(), ...values })
        .onConflict((oc) => oc.column('client_id').doUpdateSet(values)).execute()
      principals.vergeet()
      return { clientId, clientSecret }
    },

    async clients(oin?: Oin) {
      let q = db.selectFrom('clients').select(['client_id', 'oin', 'naam', 'scopes', 'rollen', 'aangemaakt', 'ingetrokken']).orderBy('naam')
      if (oin) q = q.where('oin', '=', oin)
      return (await q.execute()).map((r) => ({
        clientId: r.client_id, oin: r.oin, naam: r.naam, scopes: JSON.parse(r.scopes) as string[],
        rollen: JSON.parse(r.rollen) as Rol[], aangemaakt: r.aangemaakt, ingetrokken: r.ingetrokken ?? undefined,
      }))
    },

    async trekClientIn(clientId: string): Promise<void> {
      const r = await db.updateTable('clients').set({ ingetrokken: now() }).where('client_id', '=', clientId).executeTakeFirst()
      principals.vergeet()
      if (Number(r.numUpdatedRows) === 0) throw new AppError('not-found', 'client.onbekend', 'client bestaat niet')
    },

    /** Checks client credentials; answers undefined for an unknown, revoked or wrong-secret client alike. */
    async controleerClient(clientId: string, secret: string): Promise<Principal | undefined> {
      const row = await db.selectFrom('clients').selectAll().where('client_id', '=', clientId).executeTakeFirst()
      if (!row || row.ingetrokken || !(await verifySecret(secret, row.secret_hash))) return undefined
      return principalFor('client', row.client_id, row.naam, row.oin, JSON.parse(row.rollen) as Rol[], JSON.parse(row.scopes) as string[])
    },

    async maakGebruiker(g: NieuweGebruiker): Promise<{ id: string }> {
      const problems = validateRollen(g.rollen, 'rollen')
      if (!/^[a-z0-9._@-]{3,128}$/.test(g.gebruikersnaam)) problems.push({ name: 'gebruikersnaam', code: 'gebruikersnaam-ongeldig', reason: '3–128 tekens: kleine letters, cijfers, . _ @ -' })
      if (g.wachtwoord.length < 12) problems.push({ name: 'wachtwoord', code: 'wachtwoord-te-kort', reason: 'wachtwoord moet minstens 12 tekens hebben' })
      if (problems.length) throw new AppError('invalid', 'gebruiker.ongeldig', 'gebruiker is ongeldig', problems)
      if (!(await organisatie(g.oin))) throw new AppError('not-found', 'organisatie.onbekend', 'organisatie bestaat niet')
      const existing = await db.selectFrom('gebruikers').select('id').where('gebruikersnaam', '=', g.gebruikersnaam).executeTakeFirst()
      const id = existing?.id ?? newId()
      const values = { naam: g.naam, wachtwoord_hash: await hashSecret(g.wachtwoord), oin: g.oin, rollen: JSON.stringify(g.rollen) }
      if (existing) await db.updateTable('gebruikers').set(values).where('id', '=', id).execute()
      else await db.insertInto('gebruikers').values({ id, gebruikersnaam: g.gebruikersnaam, aangemaakt: now(), geblokkeerd: null, ...values }).execute()
      return { id }
    },

    /** Checks a portal login; undefined for unknown user, wrong password or blocked account alike. */
    async controleerGebruiker(gebruikersnaam: string, wachtwoord: string): Promise<Principal | undefined> {
      const row = await db.selectFrom('gebruikers').selectAll().where('gebruikersnaam', '=', gebruikersnaam).executeTakeFirst()
      if (!row || row.geblokkeerd || !(await verifySecret(wachtwoord, row.wachtwoord_hash))) return undefined
      return principalFor('gebruiker', row.id, row.naam, row.oin, JSON.parse(row.rollen) as Rol[], undefined)
    },

    /** The current principal of a portal user by id (roles and products re-read on every call). */
    async gebruiker(id: string): Promise<Principal | undefined> {
      const row = await db.selectFrom('gebruikers').selectAll().where('id', '=', id).executeTakeFirst()
      if (!row || row.geblokkeerd) return undefined
      return principalFor('gebruiker', row.id, row.naam, row.oin, JSON.parse(row.rollen) as Rol[], undefined)
    },

    /**
     * The current principal of a client by id, used when one of its tokens is presented. Four queries (client,
     * organisation, products, sources), so it is reused for `principalCacheMs`: a revocation or subscription change
     * through this service counts at once, any other change within that bound.
     */
    client(clientId: string): Promise<Principal | undefined> {
      return principals.haal(clientId, async () => {
        const row = await db.selectFrom('clients').selectAll().where('client_id', '=', clientId).executeTakeFirst()
        if (!row || row.ingetrokken) return undefined
        return principalFor('client', row.client_id, row.naam, row.oin, JSON.parse(row.rollen) as Rol[], JSON.parse(row.scopes) as string[])
      })
    },

    /** Forgets every cached client principal (after a change to access data made outside this service). */
    vergeetPrincipals: () => principals.vergeet(),
  }

  async function principalFor(soort: Principal['soort'], id: string, naam: string, oin: string, rollen: Rol[], scopes: string[] | undefined): Promise<Principal | undefined> {
    const org = await organisatie(oin)
    if (!org) return undefined
    const subscribed = await producten(oin)
    // A client gets what it was scoped to *and* its organisation takes; a user gets what the organisation takes.
    const allowed = scopes ? subscribed.filter((p) => scopes.includes(p)) : subscribed
    const extra = scopes ? scopes.filter((s) => (EXTRA_SCOPES as readonly string[]).includes(s)) : extraScopesFor(rollen)
    const bronnen = org.soort === 'bron' ? await bronnenVan(oin) : []
    return { soort, id, naam, organisatie: org, rollen, producten: allowed, scopes: extra, bronnen }
  }
}

/**
 * Client principals by client id for `ms` milliseconds (monotonic clock, so a test clock or a clock jump does not
 * stretch it). Concurrent requests for a client that is not cached share one read. `vergeet` empties it, and a read
 * that was under way then is not kept, so nothing read before a change is served after it.
 */
function principalCache(ms: number) {
  const cache = new Map<string, { tot: number; principal: Promise<Principal | undefined> }>()
  return {
    haal(clientId: string, lees: () => Promise<Principal | undefined>): Promise<Principal | undefined> {
      if (ms <= 0) return lees()
      const nu = performance.now()
      const hit = cache.get(clientId)
      if (hit && hit.tot > nu) return hit.principal
      if (cache.size >= 10_000) cache.clear()
      const principal = lees()
      const entry = { tot: nu + ms, principal }
      cache.set(clientId, entry)
      // A failed read is not kept: the next request tries again.
      principal.catch(() => { if (cache.get(clientId) === entry) cache.delete(clientId) })
      return principal
    },
    vergeet(): void { cache.clear() },
  }
}

function extraScopesFor(rollen: readonly Rol[]): string[] {
  const s: string[] = []
  if (rollen.includes('privacy-officer')) s.push('inzage')
  if (rollen.includes('beheerder')) s.push('beheer')
  return s
}
