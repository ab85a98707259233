import { exportJWK, generateKeyPair, importJWK, jwtVerify, SignJWT, errors as joseErrors, type JWK, type CryptoKey } from 'jose'
import { AppError, newId, type Clock } from '../../core/index.js'
import type { Keyring } from '../keyring/index.js'
import type { Db } from '../tables.js'

const ALG = 'ES256'
/** NL API strategy / our own rule: access tokens live at most 15 minutes. */
export const MAX_TOKEN_SECONDS = 15 * 60
/** Verified tokens remembered at most (a token lives ≤ 15 minutes; the set is emptied when full). */
const MAX_GEVERIFIEERD = 10_000

export interface AccessTokenClaims {
  readonly clientId: string
  readonly oin: string
  readonly scopes: readonly string[]
}

export interface TokenService {
  issue(claims: AccessTokenClaims, lifetimeSeconds?: number): Promise<{ accessToken: string; expiresIn: number }>
  /** Verifies signature, issuer, audience and expiry; throws `unauthenticated` with a code saying which failed. */
  verify(token: string): Promise<AccessTokenClaims>
  jwks(): Promise<{ keys: JWK[] }>
}

/**
 * Issues and checks the hub's access tokens (JWT, ES256). The signing key is created on first use and stored in
 * the database, its private half encrypted with the keyring, so every hub instance signs and verifies alike.
 */
export async function createTokenService(deps: { db: Db; clock: Clock; keyring: Keyring; issuer: string; audience?: string }): Promise<TokenService> {
  const audience = deps.audience ?? 'knooppunt-api'
  const { kid, privateKey } = await loadOrCreateKey(deps)
  const publicKeys = new Map<string, CryptoKey | Uint8Array>()
  /** Tokens whose signature and claims checked out, with their expiry (seconds since the epoch). */
  const geverifieerd = new Map<string, { readonly claims: AccessTokenClaims; readonly exp: number }>()

  async function publicKey(header: { kid?: string }): Promise<CryptoKey | Uint8Array> {
    const id = header.kid ?? ''
    const cached = publicKeys.get(id)
    if (cached) return cached
    const row = await deps.db.selectFrom('sleutels').select(['publiek', 'ingetrokken']).where('kid', '=', id).executeTakeFirst()
    if (!row || row.ingetrokken) throw new AppError('unauthenticated', 'token.sleutel-onbekend', 'token is ondertekend met een onbekende sleutel')
    const key = await importJWK(JSON.parse(row.publiek) as JWK, ALG)
    publicKeys.set(id, key)
    return key
  }

  return {
    async issue(claims, lifetimeSeconds = MAX_TOKEN_SECONDS) {
      const expiresIn = Math.min(lifetimeSeconds, MAX_TOKEN_SECONDS)
      const iat = Math.floor(deps.clock.now().getTime() / 1000)
      const accessToken = await new SignJWT({ oin: claims.oin, scope: claims.scopes.join(' ') })
        .setProtectedHeader({ alg: ALG, kid, typ: 'at+jwt' })
        .setIssuer(deps.issuer).setAudience(audience).setSubject(claims.clientId)
        .setIssuedAt(iat).setExpirationTime(iat + expiresIn).setJti(newId())
        .sign(privateKey)
      return { accessToken, expiresIn }
    },

    async verify(token) {
      // A token already verified in this process is not verified again (an ES256 check per request was ~5 % of the
      // hub's CPU on the event path); its expiry is still checked against the clock on every call.
      const bekend = geverifieerd.get(token)
      if (bekend && bekend.exp > deps.clock.now().getTime() / 1000) return bekend.claims
      try {
        const { payload } = await jwtVerify(token, publicKey, {
          issuer: deps.issuer, audience, algorithms: [ALG], currentDate: deps.clock.now(), typ: 'at+jwt',
        })
        if (typeof payload.sub !== 'string' || typeof payload.oin !== 'string') throw new AppError('unauthenticated', 'token.ongeldig', 'token mist verplichte claims')
        const claims = { clientId: payload.sub, oin: payload.oin, scopes: typeof payload.scope === 'string' ? payload.scope.split(' ').filter(Boolean) : [] }
        if (typeof payload.exp === 'number') {
          if (geverifieerd.size >= MAX_GEVERIFIEERD) geverifieerd.clear()
          geverifieerd.set(token, { claims, exp: payload.exp })
        }
        return claims
      } catch (e) {
        throw tokenError(e)
      }
    },

    async jwks() {
      const rows = await deps.db.selectFrom('sleutels').select(['kid', 'publiek']).where('doel', '=', 'token').where('ingetrokken', 'is', null).execute()
      return { keys: rows.map((r) => ({ ...(JSON.parse(r.publiek) as JWK), kid: r.kid, alg: ALG, use: 'sig' })) }
    },
  }
}

function tokenError(e: unknown): AppError {
  if (e instanceof AppError) return e
  if (e instanceof joseErrors.JWTExpired) return new AppError('unauthenticated', 'token.verlopen', 'token is verlopen; vraag een nieuw token aan')
  if (e instanceof joseErrors.JWSSignatureVerificationFailed) return new AppError('unauthenticated', 'token.handtekening-ongeldig', 'handtekening van het token klopt niet')
  if (e instanceof joseErrors.JWTClaimValidationFailed) return new AppError('unauthenticated', 'token.claim-ongeldig', `token is niet voor deze API (${e.claim})`)
  return new AppError('unauthenticated', 'token.ongeldig', 'token is geen geldig JWT van deze hub')
}

async function loadOrCreateKey(deps: { db: Db; clock: Clock; keyring: Keyring }): Promise<{ kid: string; privateKey: CryptoKey | Uint8Array }> {
  const existing = await deps.db.selectFrom('sleutels').selectAll().where('doel', '=', 'token').where('ingetrokken', 'is', null)
    .orderBy('aangemaakt', 'desc').executeTakeFirst()
  if (existing) {
    const jwk = JSON.parse(deps.keyring.decrypt('sleutel-wrap', existing.prive_versleuteld)) as JWK
    return { kid: existing.kid, privateKey: await importJWK(jwk, ALG) }
  }
  const { publicKey, privateKey } = await generateKeyPair(ALG, { extractable: true })
  const kid = newId()
  const row = {
    kid, doel: 'token', alg: ALG,
    publiek: JSON.stringify(await exportJWK(publicKey)),
    prive_versleuteld: deps.keyring.encrypt('sleutel-wrap', JSON.stringify(await exportJWK(privateKey))),
    aangemaakt: deps.clock.now().toISOString(), ingetrokken: null,
  }
  // Two instances starting at once: both insert; the later one simply adds a second valid key. Both verify.
  await deps.db.insertInto('sleutels').values(row).execute()
  return { kid, privateKey }
}
