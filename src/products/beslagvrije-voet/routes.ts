import { Readable } from 'node:stream'
import type { FastifyInstance, FastifyPluginAsync, FastifyRequest } from 'fastify'
import { createAuthenticator, principalOf, requireAuth, type Authenticate } from '../../adapters/http/auth.js'
import type { HubContext, RouteModule } from '../../adapters/http/hub-context.js'
import { authErrors, problemSchema, security } from '../../adapters/http/routes/schemas.js'
import { AppError, isDatum, parseBsn, type Bsn, type Datum } from '../../core/index.js'
import type { Rol } from '../../platform/access/index.js'
import { guardOutput } from '../../platform/register/index.js'
import { leesPolisInkomen } from '../kwijtschelding/polis-inkomen.js'
import { berekenBvvAntwoord, berekenBvvMetPolis } from './bereken-regel.js'
import { valideerBeslagvrijeVoetInvoer } from './beslagvrije-voet-invoer.js'
import { startBulk, type BulkFormaat, type BulkRecord } from './bulk-berekeningen.js'
import { CSV_VELDEN, leesRegels } from './bulk-formaten.js'
import { noteerBsn, registreerVerzoeklog, startBvvRetentie, telBerekening } from './verzoeklog.js'

const PRODUCT = 'beslagvrije-voet'
const ROLLEN: readonly Rol[] = ['beslaglegger', 'inkomen', 'belastingen', 'schuldhulp']
/** Bulk bodies are streamed, not buffered, so the limit guards disk-sized mistakes rather than memory. */
const BULK_MAX_BYTES = 100 * 1024 * 1024
const BULK_MAX_REGEL_TEKENS = 64 * 1024

const MEDIATYPE: Record<BulkFormaat, string> = { ndjson: 'application/x-ndjson', csv: 'text/csv' }

const invoerSchema = {
  type: 'object',
  description: 'Invoer; de hub controleert die zelf en noemt alle problemen tegelijk (`beslagvrije-voet.invoer-ongeldig`). Bedragen in hele eurocenten.',
  properties: {
    peildatum: { type: 'string', format: 'date' },
    leefsituatie: { type: 'string', enum: ['alleenstaande', 'alleenstaande-ouder', 'gehuwd-zonder-kinderen', 'gehuwd-met-kinderen'] },
    woonadresBekend: { type: 'boolean' }, bijstand: { type: 'boolean' },
    ...Object.fromEntries(Object.entries(CSV_VELDEN).filter(([, s]) => s === 'cent').map(([k]) => [k, { type: 'integer', minimum: 0 }])),
  },
} as const

const antwoordSchema = {
  type: 'object',
  properties: {
    beslagvrijeVoetCent: { type: 'integer' }, alleParametersGeverifieerd: { type: 'boolean' },
    inkomenPerMaandCent: { type: 'integer', description: 'alleen bij bsn: het netto inkomen dat de hub uit de polis nam' },
    inkomenControle: { type: 'object', additionalProperties: true, description: 'alleen bij bsn: de gebruikte maand en de controle tegen de laatste vier maanden' },
    berekening: { type: 'array', items: { type: 'object', additionalProperties: true } },
  },
} as const

/**
 * The beslagvrije voet (Rv art. 475c–475i) for beslagleggers, gemeenten and waterschappen: one calculation, or a
 * streamed bulk file. Nothing is stored; a ledger line is written only when a BSN is involved.
 */
export const beslagvrijeVoetRoutes: RouteModule = {
  naam: PRODUCT,
  routes: (ctx: HubContext): FastifyPluginAsync => async function beslagvrijeVoetPlugin(app) {
    const authenticate = createAuthenticator(ctx, undefined)
    // The product validator is the single source of input errors; the schemas only document the API in OpenAPI.
    app.setValidatorCompiler(() => () => true)
    registreerVerzoeklog(app, ctx)
    enkeleBerekening(app, ctx, authenticate)
    // A child scope, so the stream parsers apply to the bulk route only and the single route stays JSON-only.
    await app.register(async function bulkScope(bulk) { bulkBerekeningen(bulk, ctx, authenticate) })
  },
  /** The retention job of the request log (at most 18 months). */
  start: (ctx) => startBvvRetentie(ctx),
}

function enkeleBerekening(app: FastifyInstance, ctx: HubContext, authenticate: Authenticate): void {
  app.post('/beslagvrije-voet/berekeningen', {
    preHandler: requireAuth(authenticate, { product: PRODUCT, rollen: ROLLEN }),
    schema: {
      tags: ['regels'], summary: 'Beslagvrije voet berekenen, met alle rekenstappen', security,
      body: invoerSchema,
      response: { 200: antwoordSchema, ...authErrors, 400: problemSchema, 404: problemSchema },
    },
  }, async function berekenBvv(request) {
    if (heeftBsn(request.body)) return bewaak(ctx, request, { ...(await berekenMetBsn(ctx, request, request.body as Record<string, unknown>)) })
    return bewaak(ctx, request, { ...berekenBvvAntwoord(request.body) })
  })
}

const heeftBsn = (body: unknown) => typeof body === 'object' && body !== null && 'bsn' in body

/**
 * A beslaglegger may give a BSN and let the hub take the income from the polis facts (netto indicatief inkomen of the
 * latest month, checked against the last four). The lookup is a processing of personal data and is ledgered, also when
 * the hub has no recent polis facts (the answer then says so instead of computing with a guess); the other fields
 * are validated with the income taken from the polis.
 */
async function berekenMetBsn(ctx: HubContext, request: FastifyRequest, body: Record<string, unknown>) {
  const { bsn: waarde, ...velden } = body
  const bsn = parseBsn(waarde)
  noteerBsn(request, bsn)
  // The lookup needs a valid peildatum; without one, answer every problem of the body before looking anything up.
  if (!isDatum(velden.peildatum)) valideerBeslagvrijeVoetInvoer({ ...velden, inkomenPerMaandCent: velden.inkomenPerMaandCent ?? 0, belastbaarJaarinkomenCent: velden.belastbaarJaarinkomenCent ?? 0 })
  const polis = await leesPolisInkomen(ctx.database.db, bsn, velden.peildatum as Datum)
  await ledger(ctx, request, bsn, polis ? 'ok' : 'fout')
  if (!polis) {
    throw new AppError('not-found', 'beslagvrije-voet.geen-inkomensfeiten',
      'de hub heeft voor deze BSN geen recente inkomensgegevens uit de polisadministratie; geef inkomenPerMaandCent en belastbaarJaarinkomenCent zelf op zonder bsn')
  }
  return berekenBvvMetPolis(velden, polis)
}

async function ledger(ctx: HubContext, request: FastifyRequest, bsn: Bsn, status: 'ok' | 'fout'): Promise<void> {
  const principal = principalOf(request)
  await ctx.database.db.transaction().execute((tx) => ctx.ledger.record(tx, [{
    trace: request.trace, activiteit: 'inkomen-opvragen', verwerkingsactiviteit: 'bvv.berekenen', product: PRODUCT,
    betrokkene: bsn, actorOin: principal.organisatie.oin, status,
  }]))
  ctx.metrics.ledgerLines.inc({ product: PRODUCT })
}

function bewaak<T extends Record<string, unknown>>(ctx: HubContext, request: FastifyRequest, record: T): Partial<T> {
  const guarded = guardOutput(ctx.register, PRODUCT, principalOf(request).organisatie.soort, record)
  if (guarded.verwijderd.length) request.log.warn({ verwijderd: guarded.verwijderd }, 'uitvoerbewaking verwijderde velden')
  return guarded.record
}

function bulkBerekeningen(app: FastifyInstance, ctx: HubContext, authenticate: Authenticate): void {
  // Pass the raw request stream through: the handler reads it line by line instead of Fastify buffering it.
  for (const type of Object.values(MEDIATYPE)) app.addContentTypeParser(type, (_request, payload, done) => done(null, payload))
  app.post('/beslagvrije-voet/berekeningen/_bulk', {
    preHandler: requireAuth(authenticate, { product: PRODUCT, rollen: ROLLEN }),
    schema: {
      tags: ['regels'], summary: 'Veel berekeningen tegelijk: NDJSON of CSV in, antwoorden in dezelfde volgorde terug', security,
      description: 'Content-Type `application/x-ndjson` (één JSON-object per regel) of `text/csv` (kopregel met veldnamen, scheidingsteken `;`). Zie docs/api/regels.md.',
      body: { content: {
        [MEDIATYPE.ndjson]: { schema: { type: 'string', description: 'één JSON-object per regel, velden als bij /berekeningen' } },
        [MEDIATYPE.csv]: { schema: { type: 'string', description: 'kopregel met veldnamen, scheidingsteken ;' } },
      } },
      querystring: { type: 'object', properties: { berekening: { type: 'string', enum: ['true', 'false'], description: 'rekenstappen meesturen (alleen NDJSON; standaard true)' } } },
      response: {
        200: { description: 'één antwoord per regel, in dezelfde volgorde en hetzelfde formaat als de invoer', content: {
          [MEDIATYPE.ndjson]: { schema: { type: 'string' } }, [MEDIATYPE.csv]: { schema: { type: 'string' } },
        } },
        ...authErrors, 413: problemSchema,
      },
    },
  }, async function bulkBvv(request, reply) {
    const formaat = formaatVan(request)
    const lengte = Number(request.headers['content-length'] ?? 0)
    if (lengte > BULK_MAX_BYTES) throw new AppError('too-large', 'verzoek.te-groot', `het bulkbestand is groter dan ${BULK_MAX_BYTES / 1024 / 1024} MB; splits het op`)
    const regels = leesRegels(request.body as AsyncIterable<Buffer>, { maxRegelTekens: BULK_MAX_REGEL_TEKENS, maxBytes: BULK_MAX_BYTES })
    const antwoorden = await startBulk(regels, {
      formaat,
      spoor: (request.query as { berekening?: string }).berekening !== 'false',
      bewaak: (record: BulkRecord) => { telBerekening(request, record.fout !== undefined); return bewaak(ctx, request, record) },
      meldIntern: (regel, err) => request.log.error({ err, regel }, 'onverwachte fout in bulkregel'),
    })
    return reply.type(`${MEDIATYPE[formaat]}; charset=utf-8`).send(Readable.from(antwoorden))
  })
}

function formaatVan(request: FastifyRequest): BulkFormaat {
  const type = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase()
  return type === MEDIATYPE.csv ? 'csv' : 'ndjson'
}
