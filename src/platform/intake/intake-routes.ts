import type { FastifyPluginAsync, FastifyRequest } from 'fastify'
import { createAuthenticator, principalOf, requireAuth } from '../../adapters/http/auth.js'
import type { HubContext, RouteModule } from '../../adapters/http/hub-context.js'
import { authErrors, problemSchema, security } from '../../adapters/http/routes/schemas.js'
import { AppError, datumVan, leesTijdCursor, maakTijdCursor, onbekendeParameters, type InvalidParam } from '../../core/index.js'
import { gewenstePerProduct } from '../population/index.js'
import { feitActiviteit } from './feit-opslag.js'
import { BRON_FORMATEN, type BronFormaat } from './formats/index.js'
import { verslagVan, verwerkGebeurtenis, verwerkLevering } from './levering-service.js'
import { startRetentie } from './retentie.js'

const LEVERING_ID = /^(?!event-)[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/
const bronParam = { type: 'object', required: ['bron'], properties: { bron: { type: 'string', enum: [...BRON_FORMATEN.keys()] } } } as const
const antwoordSchema = {
  type: 'object',
  properties: {
    leveringId: { type: 'string' }, aantalRegels: { type: 'integer' }, geaccepteerd: { type: 'integer' },
    afgewezen: { type: 'array', items: { type: 'object', properties: { regel: { type: 'integer' }, code: { type: 'string' }, reden: { type: 'string' } } } },
    afgewezenAfgekapt: { type: 'boolean' },
  },
} as const

function formaatVan(request: FastifyRequest): { bron: string; formaat: BronFormaat } {
  const { bron } = request.params as { bron: string }
  const formaat = BRON_FORMATEN.get(bron)
  if (!formaat) throw new AppError('not-found', 'bron.onbekend', `onbekende bron '${bron}'`, [{ name: 'bron', code: 'bron-onbekend', reason: `bekende bronnen: ${[...BRON_FORMATEN.keys()].join(', ')}` }])
  // A source delivers only the formats it is authorised for: the RDW cannot deliver polis lines, nor ask for them.
  if (!principalOf(request).bronnen.includes(bron))
    throw new AppError('forbidden', 'toegang.bron', `uw organisatie is niet gemachtigd om '${bron}' te leveren of op te vragen`)
  return { bron, formaat }
}

/**
 * Source intake: CSV deliveries (streamed, idempotent), single facts (event path), and the selection of BSNs the
 * hub wants. Only organisations of kind `bron` with role `bron`. Also runs the retention job.
 */
export const intakeModule: RouteModule = {
  naam: 'bronnen',
  routes: (ctx: HubContext): FastifyPluginAsync => async function intakePlugin(app) {
    const authenticate = createAuthenticator(ctx, undefined)
    const alleenBron = requireAuth(authenticate, { soorten: ['bron'], rollen: ['bron'] })
    // The product validator (the format) is the single source of input errors; schemas document the API.
    app.setValidatorCompiler(() => () => true)
    // The raw request stream: a delivery of a gigabyte is read line by line, never buffered.
    app.addContentTypeParser('text/csv', (_request, payload, done) => done(null, payload))

    app.post('/bronnen/:bron/leveringen', {
      // Before the body is parsed: a CSV file labelled application/json would otherwise be "not valid JSON".
      onRequest: async function alleenCsv(request) {
        if (request.headers['content-type'] !== undefined && !/^text\/csv\s*(;|$)/i.test(request.headers['content-type'])) throw new AppError('unsupported-media-type', 'levering.mediatype', 'stuur de levering als text/csv')
      },
      preHandler: alleenBron,
      schema: {
        tags: ['bronnen'], summary: 'Een bronbestand leveren (CSV, gestreamd, idempotent op Levering-Id)', security,
        description: 'Kopregel en kolommen per bron: docs/formats. Goede regels worden verwerkt, foute gemeld. Zelfde Levering-Id met dezelfde bytes: 200 met hetzelfde antwoord; met andere bytes: 409. Zie docs/api/bronnen.md.',
        params: bronParam,
        headers: { type: 'object', required: ['levering-id'], properties: { 'levering-id': { type: 'string', description: 'uniek per levering van deze bron (idempotentie)' } } },
        body: { content: { 'text/csv': { schema: { type: 'string' } } } },
        response: { 200: antwoordSchema, 201: antwoordSchema, ...authErrors, 404: problemSchema, 409: problemSchema },
      },
    }, async function lever(request, reply) {
      const { bron, formaat } = formaatVan(request)
      const leveringId = request.headers['levering-id']
      if (typeof leveringId !== 'string' || !LEVERING_ID.test(leveringId))
        throw new AppError('invalid', 'levering.id-ongeldig', 'de header Levering-Id is verplicht: 1–128 tekens (letters, cijfers, . _ : -), niet beginnend met event-')
      if (!isStroom(request.body)) throw new AppError('unsupported-media-type', 'levering.mediatype', 'stuur de levering als text/csv')
      const { antwoord, herhaald } = await verwerkLevering(ctx, { bron, formaat, leveringId, oin: principalOf(request).organisatie.oin, trace: request.trace, inhoud: request.body })
      return reply.code(herhaald ? 200 : 201).send(antwoord)
    })

    app.get('/bronnen/:bron/leveringen', {
      preHandler: alleenBron,
      schema: {
        tags: ['bronnen'], summary: 'De eigen leveringen van deze bron, nieuwste eerst (zonder losse gebeurtenissen), per pagina', security, params: bronParam,
        // The handler refuses unknown parameters itself, listing them with every other problem of the query.
        querystring: { type: 'object', additionalProperties: true, properties: {
          limiet: { type: 'integer', minimum: 1, maximum: MAX_LEVERINGEN, default: MAX_LEVERINGEN },
          na: { type: 'string', description: 'de waarde van "volgende" uit het vorige antwoord' },
        } },
        response: { 200: { type: 'object', properties: {
          leveringen: { type: 'array', items: { type: 'object', additionalProperties: true } },
          volgende: { type: ['string', 'null'], description: 'cursor voor de volgende (oudere) pagina; null als dit de laatste is' },
        } }, ...authErrors, 400: problemSchema, 404: problemSchema },
      },
    }, async function leveringen(request) {
      const { bron } = formaatVan(request)
      const { limiet, na } = leveringenPagina(request.query)
      let q = ctx.database.db.selectFrom('leveringen').select(['levering_id', 'status', 'aantal_regels', 'geaccepteerd', 'ontvangen', 'verwerkt'])
        .where('bron', '=', bron).where('oin', '=', principalOf(request).organisatie.oin).where('levering_id', 'not like', 'event-%')
      if (na) q = q.where((eb) => eb.or([eb('ontvangen', '<', na[0]), eb.and([eb('ontvangen', '=', na[0]), eb('levering_id', '<', na[1])])]))
      const rows = await q.orderBy('ontvangen', 'desc').orderBy('levering_id', 'desc').limit(limiet + 1).execute()
      const pagina = rows.slice(0, limiet)
      const laatste = pagina.at(-1)
      return {
        leveringen: pagina.map((r) => ({ leveringId: r.levering_id, status: r.status, aantalRegels: Number(r.aantal_regels), geaccepteerd: Number(r.geaccepteerd), afgewezen: Number(r.aantal_regels) - Number(r.geaccepteerd), ontvangen: r.ontvangen, verwerkt: r.verwerkt })),
        volgende: rows.length > limiet && laatste ? maakTijdCursor(laatste.ontvangen, laatste.levering_id) : null,
      }
    })

    app.get('/bronnen/:bron/leveringen/:leveringId', {
      preHandler: alleenBron,
      schema: {
        tags: ['bronnen'], summary: 'Het verslag van één eigen levering (met de afgewezen regels)', security,
        params: { type: 'object', properties: { bron: { type: 'string' }, leveringId: { type: 'string' } } },
        response: { 200: antwoordSchema, ...authErrors, 404: problemSchema },
      },
    }, async function levering(request) {
      const { bron } = formaatVan(request)
      const { leveringId } = request.params as { leveringId: string }
      const r = await ctx.database.db.selectFrom('leveringen').selectAll().where('bron', '=', bron).where('levering_id', '=', leveringId)
        .where('oin', '=', principalOf(request).organisatie.oin).where('status', '=', 'verwerkt').executeTakeFirst()
      if (!r) throw new AppError('not-found', 'levering.onbekend', `geen verwerkte levering ${leveringId} van uw organisatie voor ${bron}`)
      return verslagVan(r)
    })

    app.post('/bronnen/:bron/gebeurtenissen', {
      preHandler: alleenBron,
      schema: {
        tags: ['bronnen'], summary: 'Eén feit aanleveren zodra het bekend is (JSON, velden als de CSV-kolommen)', security,
        params: bronParam, body: { type: 'object', additionalProperties: true },
        response: { 201: antwoordSchema, ...authErrors, 404: problemSchema },
      },
    }, async function gebeurtenis(request, reply) {
      const { bron, formaat } = formaatVan(request)
      // This plugin reads text/csv as a raw stream (for deliveries); here it would be validated as if it were a fact.
      if (isStroom(request.body)) throw new AppError('unsupported-media-type', 'verzoek.mediatype', 'stuur een gebeurtenis als application/json; een CSV-bestand gaat naar /leveringen')
      const antwoord = await verwerkGebeurtenis(ctx, { bron, formaat, oin: principalOf(request).organisatie.oin, trace: request.trace, body: request.body })
      return reply.code(201).send(antwoord)
    })

    app.get('/bronnen/:bron/selectie', {
      preHandler: alleenBron,
      schema: {
        tags: ['bronnen'], summary: 'De BSNs waarover de hub nu feiten van deze bron wil (CSV, kolom bsn)', security, params: bronParam,
        response: { 200: { content: { 'text/csv': { schema: { type: 'string' } } } }, ...authErrors, 404: problemSchema },
      },
    }, async function selectie(request, reply) {
      const { bron } = formaatVan(request)
      const rijen = await gewenstePerProduct(ctx.database.db, bron, ctx.register, datumVan(ctx.clock.now()))
      // Handing a BSN to a source is a processing of that BSN: one ledger line each, under the product that wants it.
      const actor = principalOf(request).organisatie.oin
      await ctx.database.db.transaction().execute((tx) => ctx.ledger.record(tx, rijen.map((r) => {
        const entry = ctx.register.requireProduct(r.product)
        return { trace: request.trace, activiteit: 'selectie-verstrekken', verwerkingsactiviteit: feitActiviteit(entry), product: r.product, betrokkene: r.bsn, actorOin: actor }
      })))
      const bsns = rijen.map((r) => r.bsn)
      return reply.type('text/csv; charset=utf-8').header('cache-control', 'no-store').send(`bsn\n${bsns.map((b) => `${b}\n`).join('')}`)
    })
  },
  start: async (ctx: HubContext) => startRetentie(ctx),
}

const isStroom = (v: unknown): v is AsyncIterable<Buffer> => typeof v === 'object' && v !== null && Symbol.asyncIterator in v

/** Deliveries per page of the list (and the default). */
const MAX_LEVERINGEN = 100

/** The list's query: `limiet` 1–100, `na` only as the list itself wrote it (its fields reach the store as parameters). */
function leveringenPagina(query: unknown): { limiet: number; na?: [string, string] } {
  const q = (query ?? {}) as Record<string, unknown>
  const p: InvalidParam[] = onbekendeParameters(q, ['limiet', 'na'])
  const limiet = q.limiet === undefined ? MAX_LEVERINGEN : Number(q.limiet)
  if (!Number.isInteger(limiet) || limiet < 1 || limiet > MAX_LEVERINGEN) p.push({ name: 'limiet', code: 'limiet-ongeldig', reason: `limiet is een geheel getal van 1 tot ${MAX_LEVERINGEN}` })
  let na: [string, string] | undefined
  if (q.na !== undefined) {
    na = leesTijdCursor(String(q.na), LEVERING_ID)
    if (!na) p.push({ name: 'na', code: 'cursor-ongeldig', reason: 'gebruik de waarde van "volgende" uit het vorige antwoord' })
  }
  if (p.length) throw new AppError('invalid', 'levering.zoekvraag-ongeldig', 'ongeldige zoekparameters', p)
  return { limiet, ...(na ? { na } : {}) }
}
