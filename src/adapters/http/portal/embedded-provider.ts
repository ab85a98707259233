import { generateKeyPairSync, randomBytes } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import Provider, { type Configuration, type KoaContextLike } from 'oidc-provider'
import type { Clock } from '../../../core/index.js'
import type { AccessService } from '../../../platform/access/index.js'
import type { Keyring } from '../../../platform/keyring/index.js'
import { t } from '../../../../web/src/i18n/index.js'
import { escapeHtml, renderHtmlPage, renderMessagePage } from './html-page.js'
import { createOidcMemoryAdapter } from './oidc-memory-adapter.js'

/** Where the provider lives inside the hub. */
export const OIDC_PREFIX = '/oidc'

export interface EmbeddedProviderDeps {
  readonly access: Pick<AccessService, 'gebruiker'>
  readonly keyring: Keyring
  readonly clock: Clock
  readonly publicUrl: string
  readonly stylesheet: () => string | undefined
}

export interface EmbeddedProvider {
  readonly provider: Provider
  readonly issuer: string
  /** The portal's own registration at this provider. */
  readonly client: { readonly clientId: string; readonly clientSecret: string }
  /** Ends the provider session of the browser that sent `req` (by its provider cookie), if any. */
  endSession(req: IncomingMessage, res: ServerResponse): Promise<void>
}

export const PORTAL_CLIENT_ID = 'knooppunt-portaal'

/**
 * The demo's OpenID Provider (oidc-provider 8): one confidential client (the portal), authorization code with PKCE
 * (S256) only, no consent screen for that first-party client, Dutch pages. Users and passwords are the hub's own
 * (`AccessService`); the login form itself is served by `interactionRoutes`.
 */
export function createEmbeddedProvider(deps: EmbeddedProviderDeps): EmbeddedProvider {
  const issuer = `${deps.publicUrl}${OIDC_PREFIX}`
  const secure = deps.publicUrl.startsWith('https:')
  // Derived from the master key, so the client secret and cookie keys survive restarts without being stored.
  const clientSecret = deps.keyring.ref('sessie', 'oidc-client-secret')
  const cookieKey = deps.keyring.ref('sessie', 'oidc-cookies')
  const config: Configuration = {
    adapter: createOidcMemoryAdapter(deps.clock),
    clients: [{
      client_id: PORTAL_CLIENT_ID,
      client_secret: clientSecret,
      client_name: t('app.naam'),
      redirect_uris: [`${deps.publicUrl}/portaal/callback`],
      post_logout_redirect_uris: [`${deps.publicUrl}/portaal/uitgelogd`],
      grant_types: ['authorization_code'],
      response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_basic',
      id_token_signed_response_alg: 'ES256',
    }],
    jwks: { keys: [signingKey()] },
    cookies: {
      keys: [cookieKey],
      // Lax instead of the package's None: the provider is only ever used top-level, never in an iframe. `Secure` is
      // set by the provider itself whenever the request came in over HTTPS.
      long: { signed: true, httpOnly: true, sameSite: 'lax' },
      short: { signed: true, httpOnly: true, sameSite: 'lax' },
    },
    scopes: ['openid', 'profile'],
    claims: { openid: ['sub'], profile: ['name'] },
    features: {
      devInteractions: { enabled: false },
      rpInitiatedLogout: { enabled: true, logoutSource: logoutPage(deps.stylesheet), postLogoutSuccessSource: loggedOutPage(deps.stylesheet) },
    },
    pkce: { methods: ['S256'], required: () => true },
    interactions: { url: (_ctx, interaction) => `${OIDC_PREFIX}/interaction/${interaction.uid}` },
    findAccount: async (_ctx, sub) => {
      const p = await deps.access.gebruiker(sub)
      return p ? { accountId: p.id, claims: () => ({ sub: p.id, name: p.naam }) } : undefined
    },
    loadExistingGrant: firstPartyGrant,
    renderError: errorPage(deps.stylesheet),
    // Short lifetimes: the portal only needs the ID token once, at login; its own session takes over from there.
    ttl: { AccessToken: 300, AuthorizationCode: 60, IdToken: 300, Interaction: 600, Session: 10 * 3600, Grant: 10 * 3600 },
  }
  const provider = new Provider(issuer, config)
  // Behind a TLS-terminating proxy the provider must believe X-Forwarded-Proto, or it builds http:// URLs.
  provider.proxy = secure
  return {
    provider,
    issuer,
    client: { clientId: PORTAL_CLIENT_ID, clientSecret },
    async endSession(req, res) {
      const session = await (provider as unknown as { Session: { get(ctx: { req: IncomingMessage; res: ServerResponse }): Promise<{ accountId?: string; destroy(): Promise<void> }> } })
        .Session.get({ req, res })
      if (session.accountId) await session.destroy()
    },
  }
}

/** A fresh ES256 key per process: ID tokens are checked once, right after login, by this same process. */
function signingKey(): object {
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' })
  return { ...privateKey.export({ format: 'jwk' }), kid: randomBytes(8).toString('hex'), alg: 'ES256', use: 'sig' }
}

/** The portal is the hub's own client: asking users to consent to it would be noise, so the grant is implied. */
async function firstPartyGrant(ctx: KoaContextLike) {
  const { provider, client, account, session, result } = ctx.oidc
  if (!client || !account) return undefined
  const existing = result?.consent?.grantId ?? (session as unknown as { grantIdFor(id: string): string | undefined } | undefined)?.grantIdFor(client.clientId)
  if (existing) {
    const found = await provider.Grant.find(existing)
    if (found) return found
  }
  const grant = new provider.Grant({ clientId: client.clientId, accountId: account.accountId })
  grant.addOIDCScope('openid profile')
  await grant.save()
  return grant
}

function errorPage(stylesheet: () => string | undefined) {
  return (ctx: KoaContextLike) => {
    ctx.type = 'html'
    ctx.body = renderMessagePage({
      title: t('inlogdienst.fout.titel'), text: t('inlogdienst.fout.tekst'),
      link: { href: '/portaal/login', label: t('inloggen.opnieuw') }, stylesheet: stylesheet(),
    })
  }
}

function logoutPage(stylesheet: () => string | undefined) {
  return (ctx: KoaContextLike, form: string) => {
    // `form` is the provider's own hidden form (with its CSRF token); our button submits it with logout=yes.
    ctx.body = renderHtmlPage({
      title: t('uitloggen.titel'),
      stylesheet: stylesheet(),
      main: `<h1 class="utrecht-heading-1">${escapeHtml(t('uitloggen.titel'))}</h1>
<p class="utrecht-paragraph">${escapeHtml(t('uitloggen.tekst'))}</p>${form}
<button class="utrecht-button utrecht-button--primary-action" autofocus type="submit" form="op.logoutForm" value="yes" name="logout">${escapeHtml(t('uitloggen.knop'))}</button>`,
    })
  }
}

function loggedOutPage(stylesheet: () => string | undefined) {
  return (ctx: KoaContextLike) => {
    ctx.body = renderMessagePage({ title: t('uitloggen.klaar.titel'), text: t('uitloggen.klaar.tekst'), stylesheet: stylesheet() })
  }
}
