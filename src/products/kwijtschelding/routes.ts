import type { FastifyInstance, FastifyPluginAsync, FastifyRequest } from 'fastify'
import type { Transaction } from 'kysely'
import { createAuthenticator, principalOf, requireAuth, type Authenticate } from '../../adapters/http/auth.js'
import type { HubContext, RouteModule } from '../../adapters/http/hub-context.js'
import { authErrors, problemSchema, security } from '../../adapters/http/routes/schemas.js'
import { AppError, type Bsn } from '../../core/index.js'
import type { Rol } from '../../platform/access/index.js'
import { guardOutput } from '../../platform/register/index.js'
import type { Tables } from '../../platform/tables.js'
import { kwsNormHistorie, legKwsNormenVast, valideerKwsNormen, KWS_TOETSEN } from './kws-normen.js'
import { resultatenExportCsv } from './resultaten-csv.js'
import { startKwsWorker, wekKwsWorker } from './toetsing-worker.js'
import { leesCsvToetsingen, leesJsonToetsing } from './toetsing-invoer.js'
import { kwsDb, maakToetsing, PRODUCT, resultatenVan, toetsingVan, VERWERKINGSACTIVITEIT, type KwsResultaat, type ToetsingSoort } from './toetsingen.js'

const ROLLEN: readonly Rol[] = ['belastingen']
const SOORTEN = ['gemeente', 'waterschap'] as const
/** A batch of 100,000 lines is about 3 MB; the limit guards mistakes, not memory. */
const CSV_MAX_BYTES = 20 * 1024 * 1024
const vereist = { product: PRODUCT, rollen: ROLLEN, soorten: SOORTEN }

const object = { type: 'object', additionalProperties: true } as const
const normSchema = {
  type: 'object',
  description: 'Eén versie van de kwijtscheldingsnormen; de hub controleert zelf en noemt alle problemen (`kwijtschelding.normen-ongeldig`). Bedragen in eurocenten.',
  properties: {
    geldigVan: { type: 'string', format: 'date' },
    kostenVanBestaanPercentage: { type: 'integer', minimum: 90, maximum: 100 },
    vermogensbufferAlleenstaandeCent: { type: 'integer', minimum: 0 },
    vermogensbufferAlleenstaandeOuderCent: { type: 'integer', minimum: 0 },
    vermogensbufferGehuwdCent: { type: 'integer', minimum: 0 },
    voertuigGrensCent: { type: 'integer', minimum: 0, description: 'standaard € 3.350 (335000)' },
    toetsen: { type: 'object', properties: Object.fromEntries(KWS_TOETSEN.map((t) => [t, { type: 'boolean' }])) },
  },
} as const

/**
 * Kwijtschelding lokale belastingen (KWS 3.0) for gemeenten and waterschappen: their norms (versioned), and
 * asynchronous checks per BSN or per batch (also the yearly verlenging), processed by a background worker.
 */
export const kwijtscheldingModule: RouteModule = {
  naam: PRODUCT,
  routes: (ctx: HubContext): FastifyPluginAsync => async function kwijtscheldingPlugin(app) {
    const authenticate = createAuthenticator(ctx, undefined)
    app.setValidatorCompiler(() => () => true)
    normenRoutes(app, ctx, authenticate)
    // The CSV parser hands the raw stream to the handler; encapsulated in this plugin.
    app.addContentTypeParser('text/csv', (_request, payload, done) => done(null, payload))
    toetsingRoutes(app, ctx, authenticate)
  },
  start: (ctx) => startKwsWorker(ctx),
}

function bewaak<T extends Record<string, unknown>>(ctx: HubContext, request: FastifyRequest, record: T): Partial<T> {
  const g = guardOutput(ctx.register, PRODUCT, principalOf(request).organisatie.soort, record)
  if (g.verwijderd.length) {
    request.log.warn({ verwijderd: g.verwijderd }, 'uitvoerbewaking verwijderde velden')
    ctx.metrics.guardRemoved.inc({ product: PRODUCT }, g.verwijderd.length)
  }
  return g.record
}

function normenRoutes(app: FastifyInstance, ctx: HubContext, authenticate: Authenticate): void {
  app.put('/kwijtschelding/normen', {
    preHandler: requireAuth(authenticate, vereist),
    schema: { tags: ['kwijtschelding'], summary: 'Kwijtscheldingsnormen vastleggen (één versie met ingangsdatum)', security, body: normSchema, response: { 200: object, ...authErrors } },
  }, async function zetNormen(request) {
    const n = valideerKwsNormen(request.body)
    return bewaak(ctx, request, { ...(await legKwsNormenVast(kwsDb(ctx), ctx.clock, principalOf(request).organisatie.oin, n)) })
  })
  app.get('/kwijtschelding/normen', {
    preHandler: requireAuth(authenticate, vereist),
    schema: { tags: ['kwijtschelding'], summary: 'Alle versies van de eigen kwijtscheldingsnormen', security, response: { 200: object, ...authErrors } },
  }, async function leesNormen(request) {
    const versies = await kwsNormHistorie(kwsDb(ctx), principalOf(request).organisatie.oin)
    return bewaak(ctx, request, { normen: versies.map((v) => bewaak(ctx, request, { ...v })) })
  })
}

function soortVan(request: FastifyRequest): ToetsingSoort {
  const s = (request.query as { soort?: string }).soort
  if (s === undefined || s === 'toetsing') return 'toetsing'
  if (s === 'verlenging') return 'verlenging'
  throw new AppError('invalid', 'kwijtschelding.soort-onbekend', 'soort moet toetsing of verlenging zijn', [{ name: 'soort', code: 'waarde-onbekend', reason: 'toegestaan: toetsing, verlenging' }])
}

async function leesCsv(request: FastifyRequest): Promise<string> {
  if (Number(request.headers['content-length'] ?? 0) > CSV_MAX_BYTES) throw new AppError('too-large', 'verzoek.te-groot', `het bestand is groter dan ${CSV_MAX_BYTES / 1024 / 1024} MB; splits het op`)
  const decoder = new TextDecoder('utf-8', { fatal: true })
  let tekst = ''
  let bytes = 0
  try {
    for await (const chunk of request.body as AsyncIterable<Buffer>) {
      bytes += chunk.length
      if (bytes > CSV_MAX_BYTES) throw new AppError('too-large', 'verzoek.te-groot', `het bestand is groter dan ${CSV_MAX_BYTES / 1024 / 1024} MB; splits het op`)
      tekst += decoder.decode(chunk, { stream: true })
    }
    return tekst + decoder.decode()
  } catch (e) {
    if (e instanceof TypeError) throw new AppError('invalid', 'kwijtschelding.geen-utf8', 'het bestand is geen geldige UTF-8-tekst')
    throw e
  }
}

function toetsingRoutes(app: FastifyInstance, ctx: HubContext, authenticate: Authenticate): void {
  app.post('/kwijtschelding/toetsingen', {
    preHandler: requireAuth(authenticate, vereist),
    schema: {
      tags: ['kwijtschelding'], summary: 'Kwijtschelding toetsen: één BSN (JSON) of een batch (CSV); asynchroon', security,
      description: 'JSON `{ bsn, peildatum, aanslagCent? }` of `text/csv` met kopregel `bsn;peildatum;aanslagCent`. `?soort=verlenging` geeft per BSN een advies (verlengen / opnieuw-beoordelen). Antwoord 202 met het id; resultaat via GET.',
      querystring: { type: 'object', properties: { soort: { type: 'string', enum: ['toetsing', 'verlenging'] } } },
      body: { content: {
        'application/json': { schema: { type: 'object', properties: { bsn: { type: 'string' }, peildatum: { type: 'string', format: 'date' }, aanslagCent: { type: 'integer', minimum: 0 } } } },
        'text/csv': { schema: { type: 'string', description: 'kopregel bsn;peildatum;aanslagCent, scheidingsteken ;' } },
      } },
      response: { 202: { type: 'object', properties: { id: { type: 'string' } } }, ...authErrors, 413: problemSchema },
    },
  }, async function nieuweToetsing(request, reply) {
    const soort = soortVan(request)
    const csv = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase() === 'text/csv'
    const regels = csv ? leesCsvToetsingen(await leesCsv(request)) : leesJsonToetsing(request.body)
    const id = await maakToetsing(ctx, principalOf(request).organisatie.oin, soort, regels, request.trace.traceId)
    wekKwsWorker(ctx)
    return reply.code(202).header('location', `/api/v1/kwijtschelding/toetsingen/${id}`).send(bewaak(ctx, request, { id }))
  })

  app.get('/kwijtschelding/toetsingen/:id', {
    preHandler: requireAuth(authenticate, vereist),
    schema: {
      tags: ['kwijtschelding'], summary: 'Status, voortgang en resultaten van een toetsing', security,
      params: { type: 'object', properties: { id: { type: 'string' } } },
      querystring: { type: 'object', properties: { resultaten: { type: 'string', enum: ['true', 'false'], description: 'false: alleen status en voortgang (geen persoonsgegevens)' } } },
      response: { 200: object, ...authErrors, 404: problemSchema },
    },
  }, async function leesToetsing(request) {
    const oin = principalOf(request).organisatie.oin
    const t = await toetsingVan(ctx, oin, (request.params as { id: string }).id)
    if ((request.query as { resultaten?: string }).resultaten === 'false') return bewaak(ctx, request, { ...t })
    const resultaten = await gelezen(ctx, request, await resultatenVan(ctx, t.id))
    return bewaak(ctx, request, { ...t, resultaten: resultaten.map((r) => bewaak(ctx, request, r)) })
  })

  app.get('/kwijtschelding/toetsingen/:id/export', {
    preHandler: requireAuth(authenticate, vereist),
    schema: {
      tags: ['kwijtschelding'], summary: 'Resultaten als CSV (één regel per BSN)', security,
      params: { type: 'object', properties: { id: { type: 'string' } } },
      response: { 200: { content: { 'text/csv': { schema: { type: 'string' } } } }, ...authErrors, 404: problemSchema },
    },
  }, async function exporteer(request, reply) {
    const t = await toetsingVan(ctx, principalOf(request).organisatie.oin, (request.params as { id: string }).id)
    const resultaten = await gelezen(ctx, request, await resultatenVan(ctx, t.id))
    return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="kwijtschelding-${t.id}.csv"`)
      .send(resultatenExportCsv(resultaten.map((r) => bewaak(ctx, request, r))))
  })
}

/** Reading results is a processing of every BSN in them: one ledger line each, before they leave the hub. */
async function gelezen(ctx: HubContext, request: FastifyRequest, resultaten: KwsResultaat[]): Promise<KwsResultaat[]> {
  const metBsn = resultaten.filter((r) => r.bsn && r.status !== 'wachtend')
  if (metBsn.length === 0) return resultaten
  const oin = principalOf(request).organisatie.oin
  await ctx.database.db.transaction().execute((tx) => ctx.ledger.record(tx as unknown as Transaction<Tables>, metBsn.map((r) => ({
    trace: request.trace, activiteit: 'toetsing-lezen', verwerkingsactiviteit: VERWERKINGSACTIVITEIT, product: PRODUCT, betrokkene: r.bsn as Bsn, actorOin: oin,
  }))))
  ctx.metrics.ledgerLines.inc({ product: PRODUCT }, metBsn.length)
  return resultaten
}
