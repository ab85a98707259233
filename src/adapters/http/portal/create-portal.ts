import type { FastifyPluginAsync, FastifyRequest } from 'fastify'
import { AppError, type Clock, type InvalidParam } from '../../../core/index.js'
import type { AccessService, Principal } from '../../../platform/access/index.js'
import type { Keyring } from '../../../platform/keyring/index.js'
import type { Executor } from '../../../platform/tables.js'
import type { Portal } from '../portal-port.js'
import { activityRoutes, type PortalLedger } from './activity-routes.js'
import { createEmbeddedProvider, type EmbeddedProvider } from './embedded-provider.js'
import { injectFetch } from './inject-fetch.js'
import { createLoginThrottle } from './login-throttle.js'
import { VASTE_PAGINAS, type PortalPagina } from './navigation.js'
import { silentLog, type PortalLog } from './portal-log.js'
import { portalRoutes } from './portal-routes.js'
import { providerRoutes } from './provider-routes.js'
import { createRelyingParty } from './relying-party.js'
import { createSessionCookie } from './session-cookie.js'
import { createSessionStore } from './session-store.js'
import { createStylesheetLookup, spaRoutes } from './spa-routes.js'

/** Which OpenID Provider portal users log in with. */
export type PortalOidcConfig =
  | { readonly mode: 'embedded' }
  | { readonly mode: 'extern'; readonly issuer: string; readonly clientId: string; readonly clientSecret: string }

export interface PortalDeps {
  readonly access: Pick<AccessService, 'controleerGebruiker' | 'gebruiker' | 'organisatie'>
  /** The hub's store: portal sessions are kept in `portaal_sessies`, so a login survives a restart. */
  readonly db: Executor
  readonly keyring: Keyring
  readonly clock: Clock
  /** Where browsers reach the hub, e.g. `http://localhost:8080`; the OIDC redirect URIs are built from it. */
  readonly publicUrl: string
  readonly oidc: PortalOidcConfig
  /** Folder with the built SPA (`web/dist`). */
  readonly webDist: string
  /** For the start page's recent activity; without it the list is empty. */
  readonly ledger?: PortalLedger | undefined
  /** Product pages to add to the menu (shown when the organisation takes the product and the user has a role). */
  readonly paginas?: readonly PortalPagina[] | undefined
  /**
   * External provider only: finds the hub user for a login whose subject is not a hub user id, by the
   * `preferred_username` claim. The embedded provider uses hub user ids as subjects.
   */
  readonly gebruikerIdVoorNaam?: ((gebruikersnaam: string) => Promise<string | undefined>) | undefined
  readonly log?: PortalLog | undefined
  /** Idle and absolute session lifetimes in seconds (defaults 30 minutes and 10 hours). */
  readonly sessie?: { readonly idleSeconds?: number; readonly absoluteSeconds?: number } | undefined
}

/**
 * Builds the portal: OpenID Connect login (the embedded provider or an external one), server-side sessions, the
 * portal's JSON endpoints and the SPA. Options are checked here, once, so a misconfiguration stops the start-up
 * instead of the first login.
 *
 * @example
 * const portal = await createPortal({ access, db, keyring, clock: systemClock, publicUrl: 'http://localhost:8080',
 *   oidc: { mode: 'embedded' }, webDist: 'web/dist', ledger: createRecentLedger(db) })
 * await app.register(portal.plugin)          // in the server, next to the API routes
 * const who = await portal.principalFromRequest(request)   // in the API's auth hook, with the x-knooppunt-portaal check
 */
export async function createPortal(deps: PortalDeps): Promise<Portal> {
  const publicUrl = checkConfig(deps)
  const secure = publicUrl.startsWith('https:')
  const log = deps.log ?? silentLog
  const sessions = createSessionStore({ db: deps.db, clock: deps.clock, ...deps.sessie })
  const sessionCookie = createSessionCookie({ keyring: deps.keyring, sessions, secure })
  const stylesheet = createStylesheetLookup(deps.webDist)
  const embedded = deps.oidc.mode === 'embedded'
    ? createEmbeddedProvider({ access: deps.access, keyring: deps.keyring, clock: deps.clock, publicUrl, stylesheet })
    : undefined

  async function principalFromRequest(request: Pick<FastifyRequest, 'headers'>): Promise<Principal | undefined> {
    const session = await sessionCookie.read(request)
    if (!session) return undefined
    // Re-read on every request: a blocked user or a removed role takes effect immediately.
    const p = await deps.access.gebruiker(session.gebruikerId)
    if (!p) await sessions.destroy(session.id)
    return p
  }

  async function resolveUser(sub: string, claims: Readonly<Record<string, unknown>>): Promise<Principal | undefined> {
    const direct = await deps.access.gebruiker(sub)
    if (direct || embedded || !deps.gebruikerIdVoorNaam) return direct
    const naam = claims.preferred_username
    const id = typeof naam === 'string' ? await deps.gebruikerIdVoorNaam(naam) : undefined
    return id ? deps.access.gebruiker(id) : undefined
  }

  const plugin: FastifyPluginAsync = async function knooppuntPortaal(app) {
    if (embedded) await app.register(providerRoutes({ embedded, access: deps.access, throttle: createLoginThrottle({ clock: deps.clock }), stylesheet, log }))
    await app.register(portalRoutes({
      publicUrl, secure, keyring: deps.keyring, clock: deps.clock, sessions, sessionCookie,
      relyingParty: (instance) => createRelyingParty(relyingPartyOptions(deps.oidc, embedded, publicUrl, injectFetch(instance, publicUrl))),
      resolveUser, principal: principalFromRequest, paginas: [...VASTE_PAGINAS, ...(deps.paginas ?? [])],
      endProviderSession: embedded ? (request, reply) => embedded.endSession(request.raw, reply.raw) : undefined,
      stylesheet, log,
    }))
    await app.register(activityRoutes({ ledger: deps.ledger, principal: principalFromRequest }))
    await app.register(spaRoutes({ webDist: deps.webDist }))
  }

  return {
    plugin,
    principalFromRequest,
    // Sessions stay in the store: a restarted hub (or another instance) serves the same logged-in browsers.
    async close() {},
  }
}

function relyingPartyOptions(oidc: PortalOidcConfig, embedded: EmbeddedProvider | undefined, publicUrl: string, fetch: ReturnType<typeof injectFetch>) {
  const endpoints = { redirectUri: `${publicUrl}/portaal/callback`, postLogoutRedirectUri: `${publicUrl}/portaal/uitgelogd` }
  if (embedded) return { issuer: embedded.issuer, ...embedded.client, ...endpoints, fetch, idTokenAlg: 'ES256' }
  if (oidc.mode !== 'extern') throw new Error('unreachable')
  return { issuer: oidc.issuer, clientId: oidc.clientId, clientSecret: oidc.clientSecret, ...endpoints }
}

/** Validates the options once; returns the public URL without a trailing slash. */
function checkConfig(deps: PortalDeps): string {
  const problems: InvalidParam[] = []
  const url = parseUrl(deps.publicUrl)
  if (!url || url.pathname !== '/' || url.search || url.hash)
    problems.push({ name: 'publicUrl', code: 'url-ongeldig', reason: 'publicUrl moet een http(s)-adres zonder pad zijn, bijvoorbeeld http://localhost:8080' })
  if (deps.oidc.mode === 'extern') {
    if (!parseUrl(deps.oidc.issuer)) problems.push({ name: 'oidc.issuer', code: 'url-ongeldig', reason: 'issuer moet een http(s)-adres zijn' })
    if (!deps.oidc.clientId) problems.push({ name: 'oidc.clientId', code: 'verplicht', reason: 'clientId ontbreekt' })
    if (!deps.oidc.clientSecret) problems.push({ name: 'oidc.clientSecret', code: 'verplicht', reason: 'clientSecret ontbreekt' })
  } else if (deps.oidc.mode !== 'embedded') {
    problems.push({ name: 'oidc.mode', code: 'onbekend', reason: "oidc.mode moet 'embedded' of 'extern' zijn" })
  }
  if (!deps.webDist) problems.push({ name: 'webDist', code: 'verplicht', reason: 'webDist ontbreekt' })
  if (problems.length) throw new AppError('invalid', 'portaal.configuratie-ongeldig', 'de portaalconfiguratie is ongeldig', problems)
  return url!.origin
}

function parseUrl(value: string): URL | undefined {
  try {
    const u = new URL(value)
    return u.protocol === 'http:' || u.protocol === 'https:' ? u : undefined
  } catch {
    return undefined
  }
}
