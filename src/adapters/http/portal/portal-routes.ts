import type { FastifyInstance, FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import type { Clock } from '../../../core/index.js'
import type { Principal } from '../../../platform/access/index.js'
import type { Keyring } from '../../../platform/keyring/index.js'
import { t } from '../../../../web/src/i18n/index.js'
import { PORTAL_HEADER } from '../portal-port.js'
import { expireCookie, readCookie, seal, serializeCookie, unseal } from './cookies.js'
import { renderMessagePage } from './html-page.js'
import { navigatieVoor, type PortalPagina } from './navigation.js'
import type { PortalLog } from './portal-log.js'
import { sendNoSession } from './problem.js'
import type { PendingLogin, RelyingParty } from './relying-party.js'
import type { SessionCookie } from './session-cookie.js'
import type { SessionStore } from './session-store.js'

export interface PortalRoutesOptions {
  readonly publicUrl: string
  readonly secure: boolean
  readonly keyring: Keyring
  readonly clock: Clock
  readonly sessions: SessionStore
  readonly sessionCookie: SessionCookie
  /** Built inside the plugin because the embedded provider is reached through this Fastify instance. */
  readonly relyingParty: (app: FastifyInstance) => RelyingParty
  /** Maps the provider's subject (and claims) to a hub user. */
  readonly resolveUser: (sub: string, claims: Readonly<Record<string, unknown>>) => Promise<Principal | undefined>
  readonly principal: (request: FastifyRequest) => Promise<Principal | undefined>
  readonly paginas: readonly PortalPagina[]
  /** Embedded mode: ends the provider session directly, so logging out takes one click. */
  readonly endProviderSession?: ((request: FastifyRequest, reply: FastifyReply) => Promise<void>) | undefined
  readonly stylesheet: () => string | undefined
  readonly log: PortalLog
}

/** Reasons the SPA explains after a redirect to `/?melding=…`; never anything personal. */
export type Melding = 'uitgelogd' | 'geen-rollen' | 'account-onbekend' | 'inloggen-mislukt' | 'inloggen-geannuleerd' | 'inlog-verlopen'

const PENDING_COOKIE = 'knooppunt-inlog'
const PENDING_PATH = '/portaal'

/** `terug` must stay inside the portal: a path, not `//host` or a scheme, so login cannot become an open redirect. */
export function safeReturnPath(value: unknown): string {
  if (typeof value !== 'string' || value.length > 200 || !value.startsWith('/') || value.startsWith('//') || value.includes('\\')) return '/'
  if (/^\/(api|oidc|portaal|health)(\/|$)/.test(value)) return '/'
  return value
}

/** /portaal/login, /callback, /logout, /uitgelogd and /sessie. */
export function portalRoutes(o: PortalRoutesOptions): FastifyPluginAsync {
  return async function portaalRoutes(app) {
    const rp = o.relyingParty(app)
    const pendingAttrs = { path: PENDING_PATH, secure: o.secure }
    const toSpa = (reply: FastifyReply, melding: Melding) => reply.header('cache-control', 'no-store').redirect(`/?melding=${melding}`, 303)

    app.get<{ Querystring: { terug?: string } }>('/portaal/login', async function startLogin(request, reply) {
      const terug = safeReturnPath(request.query.terug)
      if (await o.principal(request)) return reply.redirect(terug, 303)
      const started = await rp.start(terug, o.clock.now().getTime()).catch((e: unknown) => {
        o.log.error({ err: errorMessage(e) }, 'portaal: inlogdienst niet bereikbaar')
        return undefined
      })
      if (!started) return unavailable(reply, o)
      reply.header('set-cookie', serializeCookie(PENDING_COOKIE, seal(o.keyring, started.pending), { ...pendingAttrs, maxAge: 600 }))
      return reply.header('cache-control', 'no-store').redirect(started.url.href, 303)
    })

    app.get('/portaal/callback', { logLevel: 'warn' }, async function finishLogin(request, reply) {
      const pending = unseal<PendingLogin>(o.keyring, readCookie(request.headers.cookie, PENDING_COOKIE))
      reply.header('set-cookie', expireCookie(PENDING_COOKIE, pendingAttrs))
      if (!pending || pending.verloopt < o.clock.now().getTime()) return toSpa(reply, 'inlog-verlopen')
      const query = request.query as Record<string, unknown>
      if (typeof query.error === 'string') return toSpa(reply, query.error === 'access_denied' ? 'inloggen-geannuleerd' : 'inloggen-mislukt')
      const result = await rp.finish(new URL(request.url, o.publicUrl), pending).catch((e: unknown) => {
        o.log.warn({ err: errorMessage(e) }, 'portaal: callback afgewezen')
        return undefined
      })
      if (!result) return toSpa(reply, 'inloggen-mislukt')
      const principal = await o.resolveUser(result.sub, result.claims)
      if (!principal) return toSpa(reply, 'account-onbekend')
      if (principal.rollen.length === 0) return toSpa(reply, 'geen-rollen')
      // A fresh session id at every login, and the previous one ended, so a planted cookie cannot be taken over.
      const previous = await o.sessionCookie.read(request)
      if (previous) await o.sessions.destroy(previous.id)
      const session = await o.sessions.create(principal.id)
      o.log.info({ gebruikerId: principal.id, oin: principal.organisatie.oin }, 'portaal: ingelogd')
      reply.header('set-cookie', o.sessionCookie.issue(session))
      return reply.header('cache-control', 'no-store').redirect(pending.terug, 303)
    })

    app.post('/portaal/logout', async function logout(request, reply) {
      if (request.headers[PORTAL_HEADER] !== '1') return sendNoSession(request, reply, 'kop')
      const session = await o.sessionCookie.read(request)
      if (session) {
        await o.sessions.destroy(session.id)
        o.log.info({ gebruikerId: session.gebruikerId }, 'portaal: uitgelogd')
      }
      reply.header('set-cookie', o.sessionCookie.clear())
      let doorsturen = '/?melding=uitgelogd'
      if (o.endProviderSession) await o.endProviderSession(request, reply)
      else doorsturen = (await rp.logoutUrl().catch(() => undefined))?.href ?? doorsturen
      return reply.header('cache-control', 'no-store').send({ doorsturen })
    })

    app.get('/portaal/uitgelogd', async function loggedOut(_request, reply) {
      return toSpa(reply, 'uitgelogd')
    })

    app.get('/portaal/sessie', async function session(request, reply) {
      if (request.headers[PORTAL_HEADER] !== '1') return sendNoSession(request, reply, 'kop')
      const p = await o.principal(request)
      if (!p) return sendNoSession(request, reply, 'sessie')
      return reply.header('cache-control', 'no-store').send(sessieBody(p, o.paginas))
    })
  }
}

/** The body of `GET /portaal/sessie`: who is logged in, for which organisation, and the menu they get. */
export function sessieBody(p: Principal, paginas: readonly PortalPagina[]) {
  return {
    gebruiker: { naam: p.naam, rollen: [...p.rollen] },
    organisatie: { oin: p.organisatie.oin, naam: p.organisatie.naam, soort: p.organisatie.soort },
    producten: [...p.producten],
    // The sources an organisation of kind bron may deliver (empty for everyone else): the Leveringen page offers these.
    bronnen: [...p.bronnen],
    navigatie: navigatieVoor(p, paginas),
  }
}

function unavailable(reply: FastifyReply, o: PortalRoutesOptions) {
  return reply.code(503).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(renderMessagePage({
    title: t('inlogdienst.onbereikbaar.titel'), text: t('inlogdienst.onbereikbaar.tekst'),
    link: { href: '/portaal/login', label: t('inloggen.opnieuw') }, stylesheet: o.stylesheet(),
  }))
}

// Only the message: openid-client errors can quote the response, and a response can quote a code.
const errorMessage = (e: unknown): string => (e instanceof Error ? `${e.name}: ${e.message}`.slice(0, 200) : 'onbekende fout')
