import type { FastifyPluginAsync } from 'fastify'
import { AppError } from '../../../core/index.js'
import type { RouteDeps } from './index.js'
import { problemSchema } from './schemas.js'

/** OAuth2 client credentials (RFC 6749 §4.4) and the JWKS to verify our tokens. */
export const oauthRoutes = ({ ctx }: RouteDeps): FastifyPluginAsync => async (app) => {
  app.post('/api/v1/oauth/token', {
    schema: {
      tags: ['toegang'], summary: 'Access token aanvragen (client credentials)',
      consumes: ['application/x-www-form-urlencoded'],
      body: {
        type: 'object', required: ['grant_type'],
        properties: { grant_type: { type: 'string' }, client_id: { type: 'string' }, client_secret: { type: 'string' }, scope: { type: 'string' } },
      },
      response: {
        200: { type: 'object', properties: { access_token: { type: 'string' }, token_type: { type: 'string' }, expires_in: { type: 'integer' }, scope: { type: 'string' } } },
        400: problemSchema, 401: problemSchema, 415: problemSchema,
      },
    },
  }, async (request, reply) => {
    const body = request.body as { grant_type: string; client_id?: string; client_secret?: string; scope?: string }
    if (body.grant_type !== 'client_credentials')
      throw oauthError('invalid', 'unsupported_grant_type', 'alleen grant_type=client_credentials wordt ondersteund')
    const basic = parseBasic(request.headers.authorization)
    const clientId = basic?.id ?? body.client_id
    const secret = basic?.secret ?? body.client_secret
    if (!clientId || !secret) throw oauthError('unauthenticated', 'invalid_client', 'client_id en client_secret ontbreken')
    const principal = await ctx.access.controleerClient(clientId, secret)
    if (!principal) throw oauthError('unauthenticated', 'invalid_client', 'onbekende client of onjuist secret')
    const granted = [...principal.producten, ...principal.scopes]
    const asked = body.scope?.split(' ').filter(Boolean)
    const notAllowed = (asked ?? []).filter((s) => !granted.includes(s))
    if (notAllowed.length) throw oauthError('invalid', 'invalid_scope', `scope niet toegestaan voor deze client: ${notAllowed.join(' ')}`)
    const scopes = asked ?? granted
    const { accessToken, expiresIn } = await ctx.tokens.issue({ clientId, oin: principal.organisatie.oin, scopes })
    reply.header('Cache-Control', 'no-store').header('Pragma', 'no-cache')
    return { access_token: accessToken, token_type: 'Bearer', expires_in: expiresIn, scope: scopes.join(' ') }
  })

  app.get('/api/v1/oauth/jwks.json', { schema: { tags: ['toegang'], summary: 'Publieke sleutels van de hub (JWKS)' } }, async () => ctx.tokens.jwks())
}

function oauthError(kind: 'invalid' | 'unauthenticated', error: string, message: string): AppError {
  return new AppError(kind, `oauth.${error}`, message)
}

function parseBasic(header: string | undefined): { id: string; secret: string } | undefined {
  const m = header ? /^Basic\s+(\S+)$/i.exec(header) : null
  if (!m) return undefined
  const decoded = Buffer.from(m[1]!, 'base64').toString('utf8')
  const i = decoded.indexOf(':')
  if (i < 0) return undefined
  return { id: decodeURIComponent(decoded.slice(0, i)), secret: decodeURIComponent(decoded.slice(i + 1)) }
}
