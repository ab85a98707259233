import type { FastifyPluginAsync } from 'fastify'
import { createAuthenticator, principalOf, requireAuth } from '../../adapters/http/auth.js'
import type { HubContext } from '../../adapters/http/hub-context.js'
import { authErrors, problemSchema, security } from '../../adapters/http/routes/schemas.js'
import { AppError } from '../../core/index.js'
import type { AbonnementenService } from './abonnementen-service.js'
import type { AfleveringStatus } from './delivery-tables.js'

const tags = ['abonnementen']
const idParams = { type: 'object', properties: { id: { type: 'string', format: 'uuid' } } } as const
const abonnementSchema = {
  type: 'object',
  properties: {
    id: { type: 'string' }, url: { type: 'string' }, producten: { type: 'array', items: { type: 'string' } },
    soorten: { type: 'array', items: { type: 'string' } }, inhoud: { type: 'string', enum: ['volledig', 'verwijzing'] },
    status: { type: 'string', enum: ['actief', 'opgezegd'] }, aangemaakt: { type: 'string' }, opgezegd: { type: 'string' },
  },
} as const
const afleveringenSchema = {
  type: 'object',
  properties: {
    afleveringen: { type: 'array', items: { type: 'object', properties: {
      id: { type: 'string' }, signaalId: { type: ['string', 'null'], description: 'het signaal; null bij een gebeurtenis (zie onderwerp)' },
      onderwerp: { type: 'object', description: 'wat er wordt afgeleverd: een signaal, of een gebeurtenis zonder persoonsgegevens (zoals een gewijzigd OIB-maandoverzicht)', properties: {
        soort: { type: 'string', enum: ['signaal', 'gebeurtenis'] }, id: { type: 'string' },
        type: { type: 'string', description: 'bij een gebeurtenis: het CloudEvents-type' }, subject: { type: 'string', description: 'bij een gebeurtenis: het CloudEvents-subject (OIB: de maand)' },
      } },
      status: { type: 'string', enum: ['wachtend', 'afgeleverd', 'dood'] },
      reden: { type: ['string', 'null'], description: 'bij een dode brief: pogingen-op, toegang-vervallen, abonnement-opgezegd, signaal-verwijderd of gebeurtenis-verwijderd' },
      aantalPogingen: { type: 'integer', description: 'pogingen in de huidige reeks (opnieuw aanbieden begint een nieuwe reeks)' },
      volgendePoging: { type: ['string', 'null'] }, aangemaakt: { type: 'string' }, afgeleverd: { type: ['string', 'null'] },
      pogingen: { type: 'array', items: { type: 'object', properties: {
        tijdstip: { type: 'string' }, httpStatus: { type: ['integer', 'null'] }, fout: { type: ['string', 'null'] }, duurMs: { type: 'integer' },
      } } },
    } } },
    volgende: { type: ['string', 'null'], description: 'cursor voor de volgende pagina (parameter `na`), of null' },
  },
} as const
const pageQuery = {
  type: 'object',
  properties: {
    na: { type: 'string', description: 'cursor uit `volgende` van het vorige antwoord' },
    limiet: { type: 'integer', minimum: 1, maximum: 500, default: 50 },
  },
} as const
const errors = { ...authErrors, 404: problemSchema, 409: problemSchema }

/** The `/abonnementen` API: webhook subscriptions, their deliveries and dead letters (docs/api/abonnementen.md). */
export const deliveryRoutes = (ctx: HubContext, service: AbonnementenService): FastifyPluginAsync => async function abonnementenPlugin(app) {
  const authenticate = createAuthenticator(ctx, undefined)
  const auth = requireAuth(authenticate, {})
  // The service validates bodies and queries itself so every problem is listed at once with its own code; the
  // schemas document the API in OpenAPI.
  app.setValidatorCompiler(() => () => true)
  const oin = (request: Parameters<typeof principalOf>[0]) => principalOf(request).organisatie.oin
  const id = (request: { params: unknown }) => (request.params as { id: string }).id

  app.post('/abonnementen', {
    preHandler: auth,
    schema: {
      tags, security, summary: 'Webhookabonnement nemen op nieuwe signalen en gewijzigde OIB-maandoverzichten',
      description: 'Antwoordt met het geheim (`whsec_…`) voor de Standard Webhooks-handtekening; het wordt maar één keer getoond.',
      body: { type: 'object', required: ['url', 'producten'], additionalProperties: false, properties: {
        url: { type: 'string', maxLength: 2048, description: 'http(s)-URL van de ontvanger; in productie geen intern of privé-adres' },
        producten: { type: 'array', items: { type: 'string' }, minItems: 1, maxItems: 50, description: 'producten die uw organisatie afneemt' },
        soorten: { type: 'array', items: { type: 'string', pattern: '^[a-z][a-z0-9-]{0,31}$' }, maxItems: 50, description: 'alleen deze signaalsoorten (of gebeurtenissoorten, zoals overzicht-gewijzigd; standaard alle)' },
        inhoud: { type: 'string', enum: ['volledig', 'verwijzing'], default: 'volledig', description: '`verwijzing`: geen persoonsgegevens in het event, alleen `dataref`' },
      } },
      response: { 201: { ...abonnementSchema, properties: { ...abonnementSchema.properties, secret: { type: 'string' } } }, ...errors },
    },
  }, async function neemAbonnement(request, reply) {
    const abonnement = await service.maak(principalOf(request), request.body)
    return reply.code(201).header('location', `/api/v1/abonnementen/${abonnement.id}`).send(abonnement)
  })

  app.get('/abonnementen', {
    preHandler: auth,
    schema: { tags, security, summary: 'Abonnementen van uw organisatie', response: { 200: { type: 'object', properties: { abonnementen: { type: 'array', items: abonnementSchema } } }, ...errors } },
  }, async (request) => ({ abonnementen: await service.lijst(oin(request)) }))

  app.get('/abonnementen/:id', {
    preHandler: auth,
    schema: { tags, security, summary: 'Eén abonnement', params: idParams, response: { 200: abonnementSchema, ...errors } },
  }, async (request) => service.een(oin(request), id(request)))

  app.delete('/abonnementen/:id', {
    preHandler: auth,
    schema: { tags, security, summary: 'Abonnement opzeggen (wachtende afleveringen worden dode brieven)', params: idParams, response: { 204: { type: 'null' }, ...errors } },
  }, async (request, reply) => {
    await service.zegOp(oin(request), id(request))
    return reply.code(204).send()
  })

  app.get('/abonnementen/:id/afleveringen', {
    preHandler: auth,
    schema: {
      tags, security, summary: 'Afleveringen met al hun pogingen, nieuwste eerst', params: idParams,
      querystring: { ...pageQuery, properties: { ...pageQuery.properties, status: { type: 'string', enum: ['wachtend', 'afgeleverd', 'dood'] } } },
      response: { 200: afleveringenSchema, ...errors },
    },
  }, async (request) => service.afleveringen(oin(request), id(request), pagina(request.query, true)))

  app.get('/abonnementen/:id/dode-brieven', {
    preHandler: auth,
    schema: { tags, security, summary: 'Dode brieven: afleveringen die niet (meer) worden geprobeerd', params: idParams, querystring: pageQuery, response: { 200: afleveringenSchema, ...errors } },
  }, async (request) => service.afleveringen(oin(request), id(request), { ...pagina(request.query, false), status: 'dood' }))

  app.post('/abonnementen/:id/dode-brieven/_opnieuw', {
    preHandler: auth,
    schema: { tags, security, summary: 'Alle dode brieven opnieuw aanbieden', params: idParams, response: { 202: { type: 'object', properties: { aantal: { type: 'integer' } } }, ...errors } },
  }, async (request, reply) => reply.code(202).send(await service.allesOpnieuw(oin(request), id(request))))

  app.post('/abonnementen/:id/dode-brieven/:afleveringId/opnieuw', {
    preHandler: auth,
    schema: {
      tags, security, summary: 'Eén dode brief opnieuw aanbieden (met een nieuw schema van pogingen)',
      params: { type: 'object', properties: { id: { type: 'string', format: 'uuid' }, afleveringId: { type: 'string', format: 'uuid' } } },
      response: { 202: { type: 'object', properties: { id: { type: 'string' }, status: { type: 'string' }, volgendePoging: { type: 'string' } } }, ...errors },
    },
  }, async (request, reply) => {
    const { afleveringId } = request.params as { afleveringId: string }
    return reply.code(202).send(await service.opnieuw(oin(request), id(request), afleveringId))
  })
}

const STATUSSEN: readonly AfleveringStatus[] = ['wachtend', 'afgeleverd', 'dood']

function pagina(query: unknown, metStatus: boolean): { na?: string; limiet: number; status?: AfleveringStatus } {
  const q = (query ?? {}) as Record<string, string | undefined>
  const limiet = q.limiet === undefined ? 50 : Number(q.limiet)
  const p = []
  if (!Number.isInteger(limiet) || limiet < 1 || limiet > 500) p.push({ name: 'limiet', code: 'limiet-ongeldig', reason: 'limiet is een geheel getal van 1 tot 500' })
  if (metStatus && q.status !== undefined && !STATUSSEN.includes(q.status as AfleveringStatus))
    p.push({ name: 'status', code: 'status-ongeldig', reason: `status is een van ${STATUSSEN.join(', ')}` })
  if (p.length) throw new AppError('invalid', 'abonnement.zoekvraag-ongeldig', 'ongeldige zoekparameters', p)
  return { limiet, ...(q.na ? { na: q.na } : {}), ...(metStatus && q.status ? { status: q.status as AfleveringStatus } : {}) }
}
