import type { FastifyPluginAsync } from 'fastify'
import { AppError, parseOin } from '../../../core/index.js'
import { ORGANISATIE_SOORTEN, ROLLEN, type Principal, type Rol } from '../../../platform/access/index.js'
import { principalOf, requireAuth } from '../auth.js'
import type { RouteDeps } from './index.js'
import { authErrors, security } from './schemas.js'

const clientSchema = {
  type: 'object',
  properties: { clientId: { type: 'string' }, oin: { type: 'string' }, naam: { type: 'string' }, scopes: { type: 'array', items: { type: 'string' } }, rollen: { type: 'array', items: { type: 'string' } }, aangemaakt: { type: 'string' }, ingetrokken: { type: 'string' } },
} as const

/** A beheerder of the hub (kind `beheer`) manages everyone; a beheerder of an afnemer only its own organisation. */
function assertManages(p: Principal, oin: string): void {
  if (p.organisatie.soort !== 'beheer' && p.organisatie.oin !== oin)
    throw new AppError('forbidden', 'toegang.andere-organisatie', 'u kunt alleen de clients van uw eigen organisatie beheren')
}

/** Organisations and API clients (beheer). */
export const beheerRoutes = ({ ctx, authenticate }: RouteDeps): FastifyPluginAsync => async (app) => {
  const beheer = requireAuth(authenticate, { scope: 'beheer', rollen: ['beheerder'] })

  app.get('/api/v1/mij', {
    preHandler: requireAuth(authenticate),
    schema: {
      tags: ['toegang'], summary: 'Wie ben ik: organisatie, rollen en producten van de aanroeper', security,
      response: { 200: { type: 'object', additionalProperties: true, description: 'soort, naam, organisatie, rollen, producten en scopes van de aanroeper' }, ...authErrors },
    },
  }, async (request) => {
    const p = principalOf(request)
    return { soort: p.soort, naam: p.naam, organisatie: p.organisatie, rollen: p.rollen, producten: p.producten, scopes: p.scopes }
  })

  app.get('/api/v1/organisaties', { preHandler: beheer, schema: { tags: ['beheer'], summary: 'Organisaties', security, response: { 200: { type: 'object', properties: { organisaties: { type: 'array', items: { type: 'object', additionalProperties: true } } } }, ...authErrors } } }, async (request) => {
    const p = principalOf(request)
    const all = await ctx.access.organisaties()
    const visible = p.organisatie.soort === 'beheer' ? all : all.filter((o) => o.oin === p.organisatie.oin)
    return { organisaties: await Promise.all(visible.map(async (o) => ({ ...o, producten: await ctx.access.producten(o.oin) }))) }
  })

  app.post('/api/v1/organisaties', {
    preHandler: requireAuth(authenticate, { scope: 'beheer', rollen: ['beheerder'], soorten: ['beheer'] }),
    schema: {
      tags: ['beheer'], summary: 'Organisatie aanmaken of wijzigen', security,
      body: {
        type: 'object', required: ['oin', 'naam', 'soort'], additionalProperties: false,
        properties: { oin: { type: 'string' }, naam: { type: 'string', minLength: 1 }, soort: { type: 'string', enum: [...ORGANISATIE_SOORTEN] }, gemeentecode: { type: 'string' }, agbCode: { type: 'string' }, producten: { type: 'array', items: { type: 'string' } }, bronnen: { type: 'array', items: { type: 'string' }, description: 'alleen voor soort bron: de bronformaten die zij mag leveren' } },
      },
      response: { 201: { type: 'object', additionalProperties: true }, ...authErrors },
    },
  }, async (request, reply) => {
    const b = request.body as { oin: string; naam: string; soort: (typeof ORGANISATIE_SOORTEN)[number]; gemeentecode?: string; agbCode?: string; producten?: string[]; bronnen?: string[] }
    const oin = parseOin(b.oin)
    await ctx.access.registreerOrganisatie({ oin, naam: b.naam, soort: b.soort, gemeentecode: b.gemeentecode, agbCode: b.agbCode })
    if (b.producten?.length) await ctx.access.abonneer(oin, b.producten)
    if (b.bronnen?.length) await ctx.access.machtigBron(oin, b.bronnen)
    reply.status(201)
    return { ...(await ctx.access.organisatie(oin)), producten: await ctx.access.producten(oin), bronnen: await ctx.access.bronnenVan(oin) }
  })

  app.get('/api/v1/clients', { preHandler: beheer, schema: { tags: ['beheer'], summary: 'API-clients', security, response: { 200: { type: 'object', properties: { clients: { type: 'array', items: clientSchema } } }, ...authErrors } } }, async (request) => {
    const p = principalOf(request)
    return { clients: await ctx.access.clients(p.organisatie.soort === 'beheer' ? undefined : p.organisatie.oin) }
  })

  app.post('/api/v1/clients', {
    preHandler: beheer,
    schema: {
      tags: ['beheer'], summary: 'API-client aanmaken (het secret wordt één keer getoond)', security,
      body: {
        type: 'object', required: ['oin', 'naam', 'scopes', 'rollen'], additionalProperties: false,
        properties: { oin: { type: 'string' }, naam: { type: 'string', minLength: 1 }, scopes: { type: 'array', items: { type: 'string' } }, rollen: { type: 'array', items: { type: 'string', enum: [...ROLLEN] } } },
      },
      response: { 201: { type: 'object', properties: { clientId: { type: 'string' }, clientSecret: { type: 'string' } } }, ...authErrors },
    },
  }, async (request, reply) => {
    const b = request.body as { oin: string; naam: string; scopes: string[]; rollen: Rol[] }
    const p = principalOf(request)
    assertManages(p, b.oin)
    if (p.organisatie.soort !== 'beheer' && b.scopes.includes('beheer'))
      throw new AppError('forbidden', 'toegang.scope', 'alleen het beheer van de hub kan clients met scope beheer maken')
    reply.status(201).header('Cache-Control', 'no-store')
    return ctx.access.maakClient({ oin: parseOin(b.oin), naam: b.naam, scopes: b.scopes, rollen: b.rollen })
  })

  app.post('/api/v1/clients/:clientId/intrekken', {
    preHandler: beheer,
    schema: { tags: ['beheer'], summary: 'API-client intrekken', security, params: { type: 'object', required: ['clientId'], properties: { clientId: { type: 'string' } } }, response: { 204: { type: 'null' }, ...authErrors } },
  }, async (request, reply) => {
    const { clientId } = request.params as { clientId: string }
    const p = principalOf(request)
    const client = (await ctx.access.clients()).find((c) => c.clientId === clientId)
    if (!client) throw new AppError('not-found', 'client.onbekend', 'client bestaat niet')
    assertManages(p, client.oin)
    await ctx.access.trekClientIn(clientId)
    reply.status(204)
  })
}
