import type { FastifyReply, FastifyRequest } from 'fastify'
import { AppError } from '../../core/index.js'
import { authorize, type Principal, type Requirement } from '../../platform/access/index.js'
import type { HubContext } from './hub-context.js'
import { PORTAL_HEADER, type Portal } from './portal-port.js'

declare module 'fastify' {
  interface FastifyRequest {
    principal?: Principal
  }
}

/**
 * Finds who is calling: a bearer token (API clients) or, when the portal header is present, the portal session.
 * The client is re-read from the store on every call, so a revoked client or a changed subscription counts at once.
 */
export function createAuthenticator(ctx: HubContext, portal: Portal | undefined) {
  return async function authenticate(request: FastifyRequest): Promise<Principal> {
    const header = request.headers.authorization
    if (header !== undefined) {
      const m = /^Bearer\s+(\S+)$/i.exec(header)
      if (!m) throw new AppError('unauthenticated', 'token.formaat', 'Authorization-header moet de vorm "Bearer <token>" hebben')
      const claims = await ctx.tokens.verify(m[1]!)
      const client = await ctx.access.client(claims.clientId)
      if (!client) throw new AppError('unauthenticated', 'token.client-ingetrokken', 'de client van dit token bestaat niet meer of is ingetrokken')
      if (client.organisatie.oin !== claims.oin) throw new AppError('unauthenticated', 'token.organisatie', 'token hoort niet bij de organisatie van de client')
      // A token may be narrower than its client: keep only what both allow.
      return { ...client, producten: client.producten.filter((p) => claims.scopes.includes(p)), scopes: client.scopes.filter((s) => claims.scopes.includes(s)) }
    }
    const sessions = portal ?? ctx.portal
    if (sessions && request.headers[PORTAL_HEADER] === '1') {
      const user = await sessions.principalFromRequest(request)
      if (user) return user
      throw new AppError('unauthenticated', 'portaal.sessie', 'u bent niet (meer) ingelogd')
    }
    throw new AppError('unauthenticated', 'token.ontbreekt', 'dit verzoek vereist een access token (Authorization: Bearer …)')
  }
}

export type Authenticate = ReturnType<typeof createAuthenticator>

/** A preHandler that authenticates and checks the requirement; the principal is then on `request.principal`. */
export function requireAuth(authenticate: Authenticate, requirement: Requirement = {}) {
  return async function checkAccess(request: FastifyRequest, _reply: FastifyReply): Promise<void> {
    const principal = await authenticate(request)
    authorize(principal, requirement)
    request.principal = principal
  }
}

/** The principal of an authenticated route (set by `requireAuth`). */
export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw new AppError('internal', 'intern.geen-principal', 'route zonder authenticatie vraagt om een principal')
  return request.principal
}
