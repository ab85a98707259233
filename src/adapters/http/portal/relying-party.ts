import * as oidc from 'openid-client'

/** What the browser must bring back to the callback: kept sealed in a short-lived cookie, never in the URL. */
export interface PendingLogin {
  readonly verifier: string
  readonly state: string
  readonly nonce: string
  /** Portal path to return to after login. */
  readonly terug: string
  /** Epoch milliseconds after which the callback refuses this login. */
  readonly verloopt: number
}

export interface RelyingPartyOptions {
  readonly issuer: string
  readonly clientId: string
  readonly clientSecret: string
  readonly redirectUri: string
  readonly postLogoutRedirectUri: string
  /** Used for every request to the provider (discovery, token); the embedded provider is reached in-process. */
  readonly fetch?: oidc.CustomFetch | undefined
  /** Pins the ID token algorithm (the embedded provider signs with ES256); otherwise the provider's metadata decides. */
  readonly idTokenAlg?: string | undefined
}

export interface RelyingParty {
  /** Starts a login: the provider's authorization URL and the secrets the callback will need. */
  start(terug: string, now: number): Promise<{ url: URL; pending: PendingLogin }>
  /** Checks the callback (state, PKCE, nonce, ID token) and returns the authenticated subject and claims. */
  finish(callbackUrl: URL, pending: PendingLogin): Promise<{ sub: string; claims: Readonly<Record<string, unknown>> }>
  /** Where to send the browser to end the provider session too; undefined when the provider cannot do that. */
  logoutUrl(): Promise<URL | undefined>
}

const LOGIN_MINUTES = 10

/**
 * The portal's side of OpenID Connect (openid-client 6): discovery from the issuer, authorization code flow with
 * PKCE (S256), state and nonce. Discovery runs on first use, not at start-up, so the hub starts even while the
 * identity provider is down; a failed discovery is retried on the next login.
 */
export function createRelyingParty(o: RelyingPartyOptions): RelyingParty {
  let configuration: Promise<oidc.Configuration> | undefined

  function config(): Promise<oidc.Configuration> {
    configuration ??= discover(o).catch((e: unknown) => {
      configuration = undefined
      throw e
    })
    return configuration
  }

  return {
    async start(terug, now) {
      const c = await config()
      const verifier = oidc.randomPKCECodeVerifier()
      const pending: PendingLogin = { verifier, state: oidc.randomState(), nonce: oidc.randomNonce(), terug, verloopt: now + LOGIN_MINUTES * 60_000 }
      const url = oidc.buildAuthorizationUrl(c, {
        redirect_uri: o.redirectUri,
        scope: 'openid profile',
        code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
        code_challenge_method: 'S256',
        state: pending.state,
        nonce: pending.nonce,
      })
      return { url, pending }
    },

    async finish(callbackUrl, pending) {
      const c = await config()
      const tokens = await oidc.authorizationCodeGrant(c, callbackUrl, {
        pkceCodeVerifier: pending.verifier, expectedState: pending.state, expectedNonce: pending.nonce, idTokenExpected: true,
      })
      const claims = tokens.claims()
      if (!claims) throw new Error('geen ID-token ontvangen')
      return { sub: claims.sub, claims }
    },

    async logoutUrl() {
      const c = await config()
      if (!c.serverMetadata().end_session_endpoint) return undefined
      // client_id instead of id_token_hint: the ID token is not kept, and tokens do not belong in URLs.
      return oidc.buildEndSessionUrl(c, { client_id: o.clientId, post_logout_redirect_uri: o.postLogoutRedirectUri })
    },
  }
}

function discover(o: RelyingPartyOptions): Promise<oidc.Configuration> {
  const execute = new URL(o.issuer).protocol === 'http:' ? [oidc.allowInsecureRequests] : []
  return oidc.discovery(new URL(o.issuer), o.clientId, { redirect_uris: [o.redirectUri], ...(o.idTokenAlg ? { id_token_signed_response_alg: o.idTokenAlg } : {}) },
    oidc.ClientSecretBasic(o.clientSecret), { execute, ...(o.fetch ? { [oidc.customFetch]: o.fetch } : {}) })
}
