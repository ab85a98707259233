import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify'
import cors from '@fastify/cors'
import formbody from '@fastify/formbody'
import helmet from '@fastify/helmet'
import rateLimit from '@fastify/rate-limit'
import swagger from '@fastify/swagger'
import pino from 'pino'
import { AppError, continueTrace, onbekendeParameters, formatTraceparent, type TraceContext } from '../../core/index.js'
import { createAuthenticator } from './auth.js'
import type { HttpDeps } from './hub-context.js'
import { loggerOptions, redactingDestination } from './log-redaction.js'
import { fromFastifyError, toProblem } from './problem.js'
import { platformRoutes } from './routes/index.js'
import { problemSchema } from './routes/schemas.js'

/** The API version (NL API Design Rules: `API-Version` header on every response). */
export const API_VERSION = '1.0.0'

declare module 'fastify' {
  interface FastifyRequest {
    trace: TraceContext & { parentSpanId?: string }
  }
}

/**
 * Builds the HTTP server: NL API Design Rules conventions, problem+json for every error, tokens, rate limits,
 * security headers, OpenAPI generated from the route schemas, and the platform and product routes.
 */
export async function createHttpServer(deps: HttpDeps): Promise<FastifyInstance> {
  const { ctx, config } = deps
  const logger = pino({ level: config.logLevel, ...loggerOptions }, redactingDestination(deps.logStream ?? process.stdout))
  const app = Fastify({
    loggerInstance: logger,
    bodyLimit: config.bodyLimitBytes,
    trustProxy: false,
    ajv: { customOptions: { allErrors: true, removeAdditional: false, coerceTypes: false } },
    return503OnClosing: true,
    // Errors the router raises before any hook runs (a broken %-encoding): problem+json like every other error.
    frameworkErrors: function kaderFout(err, request, reply) {
      reply.header('API-Version', API_VERSION)
      void sendProblem(reply, fromFastifyError(err), request)
    },
  })

  // Only JSON (and form-encoded for the token endpoint) unless a route registers more: anything else is a 415.
  app.removeContentTypeParser('text/plain')
  app.decorateRequest('trace', null as never)
  app.addHook('onRequest', async (request, reply) => {
    request.trace = continueTrace(request.headers.traceparent as string | undefined)
    reply.header('API-Version', API_VERSION)
    reply.header('traceparent', formatTraceparent(request.trace))
    // PostgreSQL refuses U+0000 in text, so a NUL that reaches a query is a 500; it is never meaningful input here.
    if (/%00/i.test(request.url)) throw nulTeken('de URL')
  })
  app.addHook('preValidation', async (request) => {
    // The form parser is there for the token endpoint (and the portal's login); an API route takes a form only if its
    // schema says so, else a form-encoded body would pass as a JSON object of strings.
    if (request.url.startsWith('/api/') && request.headers['content-type']?.startsWith('application/x-www-form-urlencoded')
      && !((request.routeOptions.schema as { consumes?: string[] } | undefined)?.consumes ?? []).includes('application/x-www-form-urlencoded'))
      throw new AppError('unsupported-media-type', 'verzoek.mediatype', 'deze route neemt geen formulier (application/x-www-form-urlencoded) aan; stuur application/json')
    if (bevatNul(request.body)) throw nulTeken('de body')
  })
  app.addHook('onResponse', async (request, reply) => {
    ctx.metrics.httpDuration.observe({ method: request.method, route: request.routeOptions.url ?? 'onbekend', status: String(reply.statusCode) }, reply.elapsedTime / 1000)
  })

  app.setErrorHandler(async (err, request, reply) => {
    let e = fromFastifyError(err)
    // Fastify's own 413 does not say the limit; the route knows it.
    const limiet = request.routeOptions.bodyLimit
    if (e.code === 'verzoek.te-groot' && !(err instanceof AppError) && limiet)
      e = new AppError('too-large', 'verzoek.te-groot', `de body van het verzoek is groter dan toegestaan (hoogstens ${limiet >= 1024 * 1024 ? `${Math.round(limiet / 1024 / 1024)} MB` : `${Math.round(limiet / 1024)} kB`})`)
    if (e.kind === 'internal') request.log.error({ err }, 'onverwachte fout')
    return sendProblem(reply, e, request)
  })
  app.setNotFoundHandler(async (request, reply) =>
    sendProblem(reply, new AppError('not-found', 'route.onbekend', `er is geen ${request.method} ${request.url.split('?')[0]} in deze API`), request))

  await app.register(helmet, {
    contentSecurityPolicy: { directives: { defaultSrc: ["'self'"], imgSrc: ["'self'", 'data:'], styleSrc: ["'self'", "'unsafe-inline'"], scriptSrc: ["'self'"], formAction: ["'self'"], frameAncestors: ["'none'"] } },
    crossOriginEmbedderPolicy: false,
  })
  // Open CORS only where the NL API Design Rules ask for it: the published OpenAPI document.
  await app.register(cors, { origin: (_o, cb) => cb(null, false) })
  await app.register(formbody)
  if (config.rateLimitPerMinute > 0) {
    await app.register(rateLimit, {
      max: config.rateLimitPerMinute, timeWindow: '1 minute',
      keyGenerator: (r: FastifyRequest) => r.ip,
      errorResponseBuilder: () => new AppError('rate-limited', 'verzoek.te-veel', 'te veel verzoeken; probeer het over een minuut opnieuw'),
    })
  }
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Knooppunt API', version: API_VERSION, description: 'Informatieknooppunt voor gemeenten. Zie docs/api.md.', contact: { name: 'Knooppunt', url: config.publicUrl } },
      servers: [{ url: config.publicUrl }],
      components: {
        securitySchemes: {
          oauth2: { type: 'oauth2', flows: { clientCredentials: { tokenUrl: `${config.publicUrl}/api/v1/oauth/token`, scopes: Object.fromEntries(ctx.register.productNamen().map((p) => [p, `toegang tot ${p}`])) } } },
        },
      },
    },
  })

  // A JSON body over bodyLimit is answered 413 by Fastify before any handler runs: publish that problem on every route
  // that takes one (routes with a limit of their own, such as CSV uploads, list their 413 themselves).
  app.addHook('onRoute', function documenteerTeGroot(route) {
    const schema = route.schema as { body?: { content?: Record<string, unknown> }; response?: Record<string, unknown> } | undefined
    const json = schema?.body && (!schema.body.content || 'application/json' in schema.body.content)
    if (json && schema.response && !schema.response[413]) schema.response = { ...schema.response, 413: problemSchema }
  })

  // Every API route refuses query parameters it does not know — a BSN in a URL, or a typo such as `limit` that would
  // silently give the default — with a 400 naming them (`parameter-onbekend`), before anything else runs. Known are the
  // properties of the route's querystring schema. (A hook, not the schema: several modules read their input
  // themselves and switch schema validation off.) A route whose handler checks its query itself, to list every
  // problem at once, says so with `additionalProperties: true`.
  app.addHook('onRoute', function weigerOnbekendeParameters(route) {
    if (!route.url.startsWith('/api/v1/')) return
    const query = (route.schema as { querystring?: { properties?: object; additionalProperties?: unknown } } | undefined)?.querystring
    if (query?.additionalProperties === true) return
    const bekend = Object.keys(query?.properties ?? {})
    const controle = async function onbekendeQueryParameters(request: FastifyRequest): Promise<void> {
      const p = onbekendeParameters(request.query as Record<string, unknown>, bekend)
      if (p.length) throw new AppError('invalid', 'verzoek.ongeldig', `onbekende parameter in de URL: ${p.map((x) => x.name).join(', ')}`, p)
    }
    route.onRequest = [controle, ...(route.onRequest === undefined ? [] : [route.onRequest].flat())]
  })

  const authenticate = createAuthenticator(ctx, deps.portal)
  await app.register(platformRoutes({ ctx, config, authenticate }))
  for (const m of deps.modules ?? []) if (m.routes) await app.register(m.routes(ctx), { prefix: '/api/v1' })
  if (deps.portal) await app.register(deps.portal.plugin)
  return app as unknown as FastifyInstance
}

function sendProblem(reply: import('fastify').FastifyReply, e: AppError, request: FastifyRequest) {
  const problem = toProblem(e, request.url.split('?')[0], request.trace?.traceId)
  if (e.kind === 'unauthenticated') reply.header('WWW-Authenticate', 'Bearer realm="knooppunt"')
  return reply.status(problem.status).type('application/problem+json').send(problem)
}

const nulTeken = (waar: string) => new AppError('invalid', 'verzoek.nul-teken', `${waar} bevat een NUL-teken (U+0000); dat is nergens geldige invoer`)

/** True when a parsed JSON or form body holds U+0000 in a key or string. Iterative: a deeply nested body cannot overflow the stack. */
function bevatNul(body: unknown): boolean {
  const stapel: unknown[] = [body]
  while (stapel.length) {
    const v = stapel.pop()
    if (typeof v === 'string') { if (v.includes('\u0000')) return true; continue }
    if (Array.isArray(v)) { for (const x of v) stapel.push(x); continue }
    if (typeof v !== 'object' || v === null) continue
    const proto = Object.getPrototypeOf(v)
    if (proto !== Object.prototype && proto !== null) continue // a Buffer or stream: the CSV readers check their own fields
    for (const [k, x] of Object.entries(v)) { if (k.includes('\u0000')) return true; stapel.push(x) }
  }
  return false
}
