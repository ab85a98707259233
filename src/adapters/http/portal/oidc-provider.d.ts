/**
 * The part of oidc-provider 8.x that the portal uses. The package ships no types and `@types/oidc-provider` is not a
 * dependency; declaring only what we call keeps the compiler honest about it (and shows what we rely on when
 * upgrading).
 */
declare module 'oidc-provider' {
  type IncomingMessage = import('node:http').IncomingMessage
  type ServerResponse = import('node:http').ServerResponse

  export interface KoaContextLike {
    body: unknown
    type: string
    status: number
    host: string
    oidc: {
      client?: { clientId: string; clientName?: string } | undefined
      account?: { accountId: string } | undefined
      session?: { accountId?: string | undefined } | undefined
      result?: { consent?: { grantId?: string } } | undefined
      provider: Provider
    }
  }

  export interface AccountClaims { sub: string; [claim: string]: unknown }
  export interface Account {
    accountId: string
    claims(use: string, scope: string): Promise<AccountClaims> | AccountClaims
  }

  export interface AdapterPayload { [key: string]: unknown; uid?: string; grantId?: string; userCode?: string; consumed?: number }
  export interface Adapter {
    upsert(id: string, payload: AdapterPayload, expiresIn: number): Promise<void>
    find(id: string): Promise<AdapterPayload | undefined>
    findByUserCode(userCode: string): Promise<AdapterPayload | undefined>
    findByUid(uid: string): Promise<AdapterPayload | undefined>
    consume(id: string): Promise<void>
    destroy(id: string): Promise<void>
    revokeByGrantId(grantId: string): Promise<void>
  }
  export type AdapterFactory = new (name: string) => Adapter

  export interface ClientMetadata {
    client_id: string
    client_secret?: string
    client_name?: string
    redirect_uris: string[]
    post_logout_redirect_uris?: string[]
    grant_types?: string[]
    response_types?: string[]
    token_endpoint_auth_method?: string
    id_token_signed_response_alg?: string
  }

  export interface Configuration {
    adapter?: AdapterFactory
    clients?: ClientMetadata[]
    jwks?: { keys: object[] }
    cookies?: {
      keys?: string[]
      long?: { signed?: boolean; httpOnly?: boolean; sameSite?: 'lax' | 'strict' | 'none'; secure?: boolean }
      short?: { signed?: boolean; httpOnly?: boolean; sameSite?: 'lax' | 'strict' | 'none'; secure?: boolean }
      names?: { session?: string; interaction?: string; resume?: string }
    }
    claims?: Record<string, string[]>
    scopes?: string[]
    features?: {
      devInteractions?: { enabled: boolean }
      rpInitiatedLogout?: {
        enabled?: boolean
        logoutSource?: (ctx: KoaContextLike, form: string) => Promise<void> | void
        postLogoutSuccessSource?: (ctx: KoaContextLike) => Promise<void> | void
      }
      [feature: string]: unknown
    }
    pkce?: { methods?: string[]; required?: (ctx: KoaContextLike, client: unknown) => boolean }
    interactions?: { url?: (ctx: KoaContextLike, interaction: { uid: string }) => Promise<string> | string }
    findAccount?: (ctx: KoaContextLike, sub: string) => Promise<Account | undefined>
    loadExistingGrant?: (ctx: KoaContextLike) => Promise<Grant | undefined>
    renderError?: (ctx: KoaContextLike, out: Record<string, string>, error: Error) => Promise<void> | void
    ttl?: Record<string, number>
    conformIdTokenClaims?: boolean
    [option: string]: unknown
  }

  export interface Grant {
    jti: string
    addOIDCScope(scope: string): void
    save(): Promise<string>
  }

  export interface Interaction {
    uid: string
    prompt: { name: string; reasons: string[]; details: Record<string, unknown> }
    params: Record<string, unknown>
    session?: { accountId: string; uid: string } | undefined
  }

  export class Provider {
    constructor(issuer: string, configuration?: Configuration)
    proxy: boolean
    readonly issuer: string
    callback(): (req: IncomingMessage, res: ServerResponse) => void
    interactionDetails(req: IncomingMessage, res: ServerResponse): Promise<Interaction>
    interactionResult(req: IncomingMessage, res: ServerResponse, result: Record<string, unknown>, options?: { mergeWithLastSubmission?: boolean }): Promise<string>
    Grant: {
      new (init: { accountId: string; clientId: string }): Grant
      find(id: string): Promise<Grant | undefined>
    }
    on(event: string, listener: (...args: unknown[]) => void): this
  }
  export const errors: {
    SessionNotFound: new (...args: unknown[]) => Error
    OIDCProviderError: new (...args: unknown[]) => Error & { status: number; error: string; error_description?: string }
  }
  export default Provider
}
