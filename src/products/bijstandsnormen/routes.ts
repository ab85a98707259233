import type { FastifyPluginAsync } from 'fastify'
import { createAuthenticator, principalOf, requireAuth } from '../../adapters/http/auth.js'
import type { HubContext, RouteModule } from '../../adapters/http/hub-context.js'
import { authErrors, problemSchema, security } from '../../adapters/http/routes/schemas.js'
import { guardOutput } from '../../platform/register/index.js'
import { berekenBijstandsnorm } from './bereken-bijstandsnorm.js'
import { valideerBijstandsnormInvoer } from './bijstandsnorm-invoer.js'

const PRODUCT = 'bijstandsnormen'

const stappen = { type: 'array', items: { type: 'object', additionalProperties: true } } as const

const bodySchema = {
  type: 'object',
  description: 'Invoer; de hub controleert die zelf (één foutcode `bijstandsnorm.invoer-ongeldig` met alle problemen)',
  properties: {
    peildatum: { type: 'string', format: 'date', description: 'JJJJ-MM-DD, vanaf 2022-01-01' },
    leefvorm: { type: 'string', enum: ['alleenstaande', 'alleenstaande-ouder', 'gehuwd'] },
    aowLeeftijd: { type: 'boolean', description: 'pensioengerechtigde leeftijd bereikt (standaard false)' },
    kostendelers: { type: 'integer', minimum: 1, maximum: 20, description: 'A in art. 22a PW: aanvrager plus kostendelende medebewoners van 27 of ouder' },
  },
} as const

const antwoordSchema = {
  type: 'object',
  properties: {
    normInclusiefVakantietoeslagCent: { type: 'integer' },
    normExclusiefVakantietoeslagCent: { type: 'integer' },
    kostendelersnormPerPersoonCent: { type: 'integer' },
    vermogensgrensCent: { type: 'integer' },
    alleParametersGeverifieerd: { type: 'boolean' },
    berekening: stappen,
  },
} as const

/**
 * `POST /api/v1/normen/bijstand/_bereken`: the bijstandsnorm for a peildatum and leefvorm, with its explanation.
 * No personal data goes in or out, so there is no ledger line; any client whose organisation takes the product may call.
 */
export const bijstandsnormenRoutes: RouteModule = {
  naam: PRODUCT,
  routes: (ctx: HubContext): FastifyPluginAsync => async function bijstandsnormenPlugin(app) {
    const authenticate = createAuthenticator(ctx, undefined)
    // The product validator is the single source of input errors (one code, every problem listed); the JSON
    // Schema above only documents the body in OpenAPI, so Ajv must not reject first with a different code.
    app.setValidatorCompiler(() => () => true)
    app.post('/normen/bijstand/_bereken', {
      preHandler: requireAuth(authenticate, { product: PRODUCT }),
      schema: {
        tags: ['regels'], summary: 'Bijstandsnorm en vermogensgrens op een peildatum, met berekening', security,
        body: bodySchema,
        response: { 200: antwoordSchema, ...authErrors, 400: problemSchema },
      },
    }, async function berekenNorm(request) {
      const principal = principalOf(request)
      const u = berekenBijstandsnorm(valideerBijstandsnormInvoer(request.body))
      const record = {
        normInclusiefVakantietoeslagCent: u.normInclusiefVakantietoeslagCent,
        normExclusiefVakantietoeslagCent: u.normExclusiefVakantietoeslagCent,
        ...(u.kostendelersnormPerPersoonCent === undefined ? {} : { kostendelersnormPerPersoonCent: u.kostendelersnormPerPersoonCent }),
        vermogensgrensCent: u.vermogensgrensCent,
        alleParametersGeverifieerd: u.alleParametersGeverifieerd,
        berekening: u.berekening,
      }
      const guarded = guardOutput(ctx.register, PRODUCT, principal.organisatie.soort, record)
      if (guarded.verwijderd.length) request.log.warn({ verwijderd: guarded.verwijderd }, 'uitvoerbewaking verwijderde velden')
      return guarded.record
    })
  },
}
