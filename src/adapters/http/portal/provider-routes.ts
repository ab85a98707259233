import formbody from '@fastify/formbody'
import type { FastifyInstance, FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import type { Interaction } from 'oidc-provider'
import type { AccessService } from '../../../platform/access/index.js'
import { t } from '../../../../web/src/i18n/index.js'
import { OIDC_PREFIX, type EmbeddedProvider } from './embedded-provider.js'
import { renderLoginPage, type LoginProblem } from './login-page.js'
import { renderMessagePage } from './html-page.js'
import type { LoginThrottle } from './login-throttle.js'
import type { PortalLog } from './portal-log.js'

export interface ProviderRoutesOptions {
  readonly embedded: EmbeddedProvider
  readonly access: Pick<AccessService, 'controleerGebruiker'>
  readonly throttle: LoginThrottle
  readonly stylesheet: () => string | undefined
  readonly log: PortalLog
}

/**
 * Mounts the embedded provider under /oidc: the Dutch login pages as ordinary Fastify routes, everything else
 * handed to the provider's own (Koa) request handler. Routes log at `warn` only, because their URLs carry
 * authorization codes and interaction ids that do not belong in an access log.
 */
export function providerRoutes(o: ProviderRoutesOptions): FastifyPluginAsync {
  return async function oidcProviderRoutes(app) {
    await app.register(interactionRoutes(o))
    await app.register(passThroughRoutes(o.embedded))
  }
}

function interactionRoutes(o: ProviderRoutesOptions): FastifyPluginAsync {
  return async function oidcInteractionRoutes(app) {
    if (!app.hasContentTypeParser('application/x-www-form-urlencoded')) await app.register(formbody)
    const opts = { logLevel: 'warn' as const }
    app.get<{ Params: { uid: string } }>(`${OIDC_PREFIX}/interaction/:uid`, opts, async function showLogin(request, reply) {
      const interaction = await currentInteraction(o, request, reply)
      if (!interaction) return
      if (interaction.prompt.name !== 'login') return skipPrompt(o, interaction, request, reply)
      return sendLogin(reply, o, request.params.uid, 200)
    })
    app.post<{ Params: { uid: string }; Body: Record<string, unknown> | undefined }>(`${OIDC_PREFIX}/interaction/:uid/login`, opts, async function submitLogin(request, reply) {
      const interaction = await currentInteraction(o, request, reply)
      if (!interaction) return
      return checkLogin(o, request, reply)
    })
  }
}

/** The interaction this browser is in, or undefined after answering with the Dutch "expired" page. */
async function currentInteraction(o: ProviderRoutesOptions, request: FastifyRequest<{ Params: { uid: string } }>, reply: FastifyReply): Promise<Interaction | undefined> {
  const interaction = await o.embedded.provider.interactionDetails(request.raw, reply.raw).catch(() => undefined)
  if (interaction && interaction.uid === request.params.uid) return interaction
  reply.code(400).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(renderMessagePage({
    title: t('inloggen.verlopen.titel'), text: t('inloggen.verlopen.tekst'),
    link: { href: '/portaal/login', label: t('inloggen.opnieuw') }, stylesheet: o.stylesheet(),
  }))
  return undefined
}

function sendLogin(reply: FastifyReply, o: ProviderRoutesOptions, uid: string, status: number, problem?: LoginProblem, gebruikersnaam?: string) {
  const action = `${OIDC_PREFIX}/interaction/${encodeURIComponent(uid)}/login`
  return reply.code(status).type('text/html; charset=utf-8').header('cache-control', 'no-store')
    .send(renderLoginPage({ action, gebruikersnaam, problem, stylesheet: o.stylesheet() }))
}

async function checkLogin(o: ProviderRoutesOptions, request: FastifyRequest<{ Params: { uid: string }; Body: Record<string, unknown> | undefined }>, reply: FastifyReply) {
  const uid = request.params.uid
  const gebruikersnaam = typeof request.body?.gebruikersnaam === 'string' ? request.body.gebruikersnaam.trim() : ''
  const wachtwoord = typeof request.body?.wachtwoord === 'string' ? request.body.wachtwoord : ''
  if (!gebruikersnaam || !wachtwoord) {
    const problem: LoginProblem = {
      kind: 'velden',
      gebruikersnaam: gebruikersnaam ? undefined : t('inloggen.fout.gebruikersnaam-leeg'),
      wachtwoord: wachtwoord ? undefined : t('inloggen.fout.wachtwoord-leeg'),
    }
    return sendLogin(reply, o, uid, 400, problem, gebruikersnaam)
  }
  const minuten = o.throttle.blockedMinutes(gebruikersnaam)
  if (minuten > 0) return sendLogin(reply, o, uid, 429, { kind: 'te-vaak', minuten }, gebruikersnaam)
  const principal = await o.access.controleerGebruiker(gebruikersnaam, wachtwoord)
  if (!principal) {
    o.throttle.failed(gebruikersnaam)
    o.log.info({ reden: 'onjuist' }, 'portaal: inloggen mislukt')
    return sendLogin(reply, o, uid, 401, { kind: 'onjuist' }, gebruikersnaam)
  }
  o.throttle.succeeded(gebruikersnaam)
  if (principal.rollen.length === 0) {
    o.log.info({ gebruikerId: principal.id, reden: 'geen-rollen' }, 'portaal: inloggen geweigerd')
    return sendLogin(reply, o, uid, 403, { kind: 'geen-rollen' }, gebruikersnaam)
  }
  // remember=false: the provider session lives as long as the browser session, not for days.
  const to = await o.embedded.provider.interactionResult(request.raw, reply.raw,
    { login: { accountId: principal.id, remember: false } }, { mergeWithLastSubmission: false })
  return reply.code(303).header('cache-control', 'no-store').redirect(to, 303)
}

/** Any prompt other than login (consent, in theory) is resolved for our first-party client without asking. */
async function skipPrompt(o: ProviderRoutesOptions, interaction: Interaction, request: FastifyRequest, reply: FastifyReply) {
  const { provider } = o.embedded
  const accountId = interaction.session?.accountId
  const clientId = typeof interaction.params.client_id === 'string' ? interaction.params.client_id : undefined
  if (!accountId || !clientId) return reply.code(400).type('text/html; charset=utf-8').send(renderMessagePage({ title: t('inlogdienst.fout.titel'), text: t('inlogdienst.fout.tekst'), stylesheet: o.stylesheet() }))
  const grant = new provider.Grant({ accountId, clientId })
  grant.addOIDCScope('openid profile')
  const grantId = await grant.save()
  const to = await provider.interactionResult(request.raw, reply.raw, { consent: { grantId } }, { mergeWithLastSubmission: true })
  return reply.redirect(to, 303)
}

/**
 * Hands every other /oidc request to the provider untouched. Fastify must not read the body (the provider parses
 * it itself), so this context has a catch-all content-type parser that leaves the stream alone.
 */
function passThroughRoutes(embedded: EmbeddedProvider): FastifyPluginAsync {
  const handle = embedded.provider.callback()
  return async function oidcPassThrough(app: FastifyInstance) {
    app.removeAllContentTypeParsers()
    app.addContentTypeParser('*', function leaveBodyUnread(_request, _payload, done) { done(null, undefined) })
    const handler = async function oidcProvider(request: FastifyRequest, reply: FastifyReply) {
      // Headers set by the server's hooks (security headers) would be lost on a hijacked reply: copy them over.
      for (const [name, value] of Object.entries(reply.getHeaders())) if (value !== undefined) reply.raw.setHeader(name, value)
      reply.hijack()
      const req = request.raw as typeof request.raw & { originalUrl?: string }
      req.originalUrl = req.url
      req.url = (req.url ?? '/').slice(OIDC_PREFIX.length) || '/'
      await new Promise<void>((resolve) => {
        reply.raw.once('finish', resolve)
        reply.raw.once('close', resolve)
        handle(req, reply.raw)
      })
    }
    app.all(`${OIDC_PREFIX}/*`, { logLevel: 'warn' }, handler)
  }
}
