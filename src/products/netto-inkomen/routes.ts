import type { FastifyPluginAsync, FastifyRequest } from 'fastify'
import { createAuthenticator, principalOf, requireAuth } from '../../adapters/http/auth.js'
import type { HubContext, RouteModule } from '../../adapters/http/hub-context.js'
import { authErrors, problemSchema, security } from '../../adapters/http/routes/schemas.js'
import type { Rol } from '../../platform/access/index.js'
import { guardOutput } from '../../platform/register/index.js'
import { berekenLoonheffingAntwoord, berekenNettoAntwoord, MAX_INKOMSTENVERHOUDINGEN, SOORTEN_INKOMEN } from './api.js'
import { LEEFTIJDSGROEPEN } from './loonheffing/index.js'

const PRODUCT = 'netto-inkomen'
/** The roles that use the netto inkomen elsewhere: OIB (inkomen) and the beslagvrije voet. */
export const NETTO_ROLLEN: readonly Rol[] = ['inkomen', 'beslaglegger', 'belastingen', 'schuldhulp']

const stappen = { type: 'array', items: { type: 'object', additionalProperties: true } } as const
const cent = { type: 'integer', minimum: 0, maximum: 100_000_000 } as const

const loonheffingSchema = {
  type: 'object',
  description: 'Invoer; de hub controleert die zelf en noemt alle problemen tegelijk (`loonheffing.invoer-ongeldig`). Bedragen in hele eurocenten.',
  properties: {
    peildatum: { type: 'string', format: 'date', description: 'JJJJ-MM-DD; de tabel van dat kalenderjaar (2022 tot en met 2026)' },
    loonPerMaandCent: { ...cent, description: 'loon voor de loonheffing in de maand' },
    loonheffingskorting: { type: 'boolean', description: 'loonheffingskorting toegepast (standaard true)' },
    leeftijdsgroep: { type: 'string', enum: [...LEEFTIJDSGROEPEN], description: 'kolom van de tabel (standaard jonger-dan-aow)' },
    alleenstaandeOuderenkorting: { type: 'boolean', description: 'alleen vanaf de AOW-leeftijd (standaard false)' },
  },
} as const

const loonheffingAntwoord = {
  type: 'object',
  properties: {
    loonheffingCent: { type: 'integer' }, tabelloonCent: { type: 'integer' }, metLoonheffingskortingCent: { type: 'integer' },
    zonderLoonheffingskortingCent: { type: 'integer' }, verrekendeArbeidskortingCent: { type: 'integer' },
    nauwkeurigheid: { type: 'string', enum: ['tabel', 'benadering'] }, alleParametersGeverifieerd: { type: 'boolean' }, berekening: stappen,
  },
} as const

const nettoSchema = {
  type: 'object',
  description: 'Invoer; de hub controleert die zelf en noemt alle problemen tegelijk (`netto-inkomen.invoer-ongeldig`, velden als `inkomstenverhoudingen[0].brutoloonCent`). Bedragen in hele eurocenten.',
  properties: {
    periode: { type: 'string', pattern: '^\\d{4}-\\d{2}$', description: 'de maand, JJJJ-MM' },
    controleerLoonheffing: { type: 'boolean', description: 'een opgegeven loonheffing naast de tabelbedragen zetten (standaard false)' },
    inkomstenverhoudingen: {
      type: 'array', minItems: 1, maxItems: MAX_INKOMSTENVERHOUDINGEN,
      items: {
        type: 'object',
        properties: {
          inkomstenverhoudingId: { type: 'string' },
          soortInkomen: { type: 'string', enum: [...SOORTEN_INKOMEN] },
          brutoloonCent: { ...cent, description: 'loon voor de loonheffing (loon LB/PH) in de maand' },
          loonheffingCent: { ...cent, description: 'ingehouden loonheffing; ontbreekt die bij soortInkomen loon, dan schat de hub haar met de witte maandtabel' },
          vakantiebijslagReserveringCent: { ...cent, description: 'gereserveerde (nog niet betaalde) vakantiebijslag' },
          werknemersinhoudingenCent: { ...cent, description: 'andere werknemersinhoudingen, bijvoorbeeld pensioenpremie' },
          loonheffingskorting: { type: 'boolean', description: 'voor de tabelschatting (standaard true)' },
          leeftijdsgroep: { type: 'string', enum: [...LEEFTIJDSGROEPEN], description: 'voor de tabelschatting (standaard jonger-dan-aow)' },
        },
      },
    },
  },
} as const

const nettoAntwoord = {
  type: 'object',
  properties: {
    periode: { type: 'string' }, nettoIndicatiefInkomenCent: { type: 'integer' }, loonheffingGeschat: { type: 'boolean' },
    alleParametersGeverifieerd: { type: 'boolean' },
    inkomstenverhoudingen: { type: 'array', items: { type: 'object', additionalProperties: true } },
    berekening: stappen,
  },
} as const

/**
 * The white-table loonheffing and the netto indicatief inkomen, computed from amounts the caller gives. No BSN goes
 * in or out, so there is no ledger line and nothing is stored (like the bijstandsnormen); the access log and the
 * request metrics have the call. The BSN path (income from the polis) stays with OIB and the beslagvrije voet.
 */
export const nettoInkomenRoutes: RouteModule = {
  naam: PRODUCT,
  routes: (ctx: HubContext): FastifyPluginAsync => async function nettoInkomenPlugin(app) {
    const authenticate = createAuthenticator(ctx, undefined)
    // The product validators are the single source of input errors; the schemas only document the API in OpenAPI.
    app.setValidatorCompiler(() => () => true)
    const preHandler = requireAuth(authenticate, { product: PRODUCT, rollen: NETTO_ROLLEN })
    app.post('/loonheffing/_bereken', {
      preHandler,
      schema: {
        tags: ['regels'], summary: 'Loonheffing volgens de witte maandtabel (2022–2026), met berekening', security,
        body: loonheffingSchema, response: { 200: loonheffingAntwoord, ...authErrors, 400: problemSchema },
      },
    }, async function berekenLoonheffingRoute(request) {
      return bewaak(ctx, request, { ...berekenLoonheffingAntwoord(request.body) })
    })
    app.post('/netto-inkomen/_bereken', {
      preHandler,
      schema: {
        tags: ['regels'], summary: 'Netto indicatief inkomen van een maand uit polisachtige regels, met berekening', security,
        body: nettoSchema, response: { 200: nettoAntwoord, ...authErrors, 400: problemSchema },
      },
    }, async function berekenNettoRoute(request) {
      return bewaak(ctx, request, { ...berekenNettoAntwoord(request.body) })
    })
  },
}

function bewaak<T extends Record<string, unknown>>(ctx: HubContext, request: FastifyRequest, record: T): Partial<T> {
  const guarded = guardOutput(ctx.register, PRODUCT, principalOf(request).organisatie.soort, record)
  if (guarded.verwijderd.length) request.log.warn({ verwijderd: guarded.verwijderd }, 'uitvoerbewaking verwijderde velden')
  return guarded.record
}
