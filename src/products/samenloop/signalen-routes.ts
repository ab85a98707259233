import { Readable } from 'node:stream'
import type { FastifyInstance, FastifyPluginAsync, FastifyRequest } from 'fastify'
import { createAuthenticator, principalOf, requireAuth, type Authenticate } from '../../adapters/http/auth.js'
import type { HubContext } from '../../adapters/http/hub-context.js'
import { authErrors, problemSchema, security } from '../../adapters/http/routes/schemas.js'
import { AppError, type Bsn } from '../../core/index.js'
import { authorize, type Principal } from '../../platform/access/index.js'
import { activiteitVoor, guardOutput } from '../../platform/register/index.js'
import { lijstSignalen, maakCursor, meldTerug, signaalOnbekend, vindSignaal, type Signaal } from '../../platform/signals/index.js'
import { csvKop, csvRegel } from './signalen-csv.js'
import { leesExportVerzoek, leesLijstVerzoek, leesTerugmelding, LIMIET_MAX } from './signalen-verzoek.js'

/** Which products have signals here, and their kinds (the routes refuse other products). */
export type SignaalProducten = Readonly<Record<string, readonly string[]>>

const EXPORT_PAGINA = 1_000

const signaalSchema = {
  type: 'object', additionalProperties: true,
  properties: {
    id: { type: 'string', format: 'uuid' }, product: { type: 'string' }, soort: { type: 'string' }, bsn: { type: 'string' },
    periode: { type: 'object', properties: { van: { type: 'string', format: 'date' }, tot: { type: ['string', 'null'], format: 'date' } } },
    bronnen: { type: 'array', items: { type: 'object', properties: { bron: { type: 'string' }, leveringId: { type: 'string' }, regel: { type: 'integer' } } } },
    regel: { type: 'object', properties: { id: { type: 'string' }, versie: { type: 'string' } } },
    uitleg: { type: 'string' }, gegevens: { type: 'object', additionalProperties: true }, aangemaakt: { type: 'string', format: 'date-time' },
    status: { type: 'string', enum: ['nieuw', 'terecht', 'onterecht', 'onbekend'] }, correctie: { type: 'boolean' },
  },
} as const

/**
 * The signal API (pull feed, one signal, terugmelding, CSV export). Authorisation is checked on every request for
 * the product asked for: the organisation must still take it and be a registered recipient. Every signal read is a
 * processing: one ledger line per BSN returned, written before the answer leaves the hub.
 */
export const signalenRoutes = (ctx: HubContext, producten: SignaalProducten): FastifyPluginAsync => async function signalenPlugin(app) {
  const authenticate = createAuthenticator(ctx, undefined)
  // Our own readers name every problem in Dutch at once; the schemas document the API in OpenAPI.
  app.setValidatorCompiler(() => () => true)
  feed(app, ctx, authenticate, producten)
  exporteer(app, ctx, authenticate, producten)
  enkel(app, ctx, authenticate)
  terugmelding(app, ctx, authenticate)
}

/** The product asked for must have signals here, exist in the register, be taken by the caller, and list its kind. */
function machtig(ctx: HubContext, principal: Principal, product: string, producten: SignaalProducten): void {
  const entry = ctx.register.requireProduct(product)
  if (!Object.hasOwn(producten, product)) {
    throw new AppError('invalid', 'signalen.product-zonder-signalen', `product '${product}' heeft geen signalen`, [
      { name: 'product', code: 'waarde-onbekend', reason: `producten met signalen: ${Object.keys(producten).join(', ')}` },
    ])
  }
  authorize(principal, { product, soorten: entry.ontvangers })
}

/**
 * The output guard, one level deeper for `gegevens`: each field in it must be registered for the product as
 * `<bron>.<veld>` (a source field) or `<product>.<veld>` (a value the rule adds, like the vermogensgrens).
 */
function bewaak(ctx: HubContext, request: FastifyRequest, s: Signaal) {
  const ontvanger = principalOf(request).organisatie.soort
  const velden = ctx.register.velden(s.product, ontvanger)
  const bron = s.bronnen[0]?.bron ?? ''
  const gegevens = Object.fromEntries(Object.entries(s.gegevens).filter(([k]) => velden.has(`${bron}.${k}`) || velden.has(`${s.product}.${k}`)))
  const weg = Object.keys(s.gegevens).filter((k) => !(k in gegevens)).map((k) => `gegevens.${k}`)
  const guarded = guardOutput(ctx.register, s.product, ontvanger, { ...s, gegevens })
  const verwijderd = [...guarded.verwijderd, ...weg]
  if (verwijderd.length) {
    ctx.metrics.guardRemoved.inc({ product: s.product }, verwijderd.length)
    request.log.warn({ verwijderd }, 'uitvoerbewaking verwijderde velden')
  }
  return guarded.record
}

/** One ledger line per distinct BSN read, in its own transaction before anything is sent (fail closed). */
async function logLezen(ctx: HubContext, request: FastifyRequest, product: string, signalen: readonly Signaal[], activiteit = 'signaal-lezen'): Promise<void> {
  const bsns = [...new Set(signalen.map((s) => s.bsn))]
  if (bsns.length === 0) return
  const actorOin = principalOf(request).organisatie.oin
  await ctx.database.db.transaction().execute((tx) => ctx.ledger.record(tx, bsns.map((bsn) => ({
    trace: request.trace, activiteit, verwerkingsactiviteit: activiteitVoor(ctx.register.requireProduct(product), 'leveren'), product, betrokkene: bsn as Bsn, actorOin,
  }))))
  ctx.metrics.ledgerLines.inc({ product }, bsns.length)
}

function feed(app: FastifyInstance, ctx: HubContext, authenticate: Authenticate, producten: SignaalProducten): void {
  app.get('/signalen', {
    preHandler: requireAuth(authenticate),
    schema: {
      tags: ['signalen'], summary: 'Signalen van uw organisatie, oudste eerst, met een stabiele cursor', security,
      // The handler refuses unknown parameters itself, listing them with every other problem of the query.
      querystring: { type: 'object', additionalProperties: true, required: ['product'], properties: {
        product: { type: 'string', example: 'samenloop' }, na: { type: 'string', description: 'cursor: de waarde van "volgende" uit het vorige antwoord' },
        limiet: { type: 'integer', minimum: 1, maximum: LIMIET_MAX, default: 100 }, soort: { type: 'string' },
        status: { type: 'string', enum: ['nieuw', 'terecht', 'onterecht', 'onbekend'] }, periode: { type: 'string', pattern: '^\\d{4}-\\d{2}$', description: 'maand JJJJ-MM; signalen waarvan de periode die maand raakt' },
      } },
      response: { 200: { type: 'object', properties: { signalen: { type: 'array', items: signaalSchema }, volgende: { type: ['string', 'null'] } } }, ...authErrors, 404: problemSchema },
    },
  }, async function signalenLijst(request) {
    const v = leesLijstVerzoek(request.query as Record<string, unknown>, producten[(request.query as { product?: string }).product ?? ''] ?? [])
    const principal = principalOf(request)
    machtig(ctx, principal, v.product, producten)
    const pagina = await lijstSignalen(ctx.database.db, { ...v, oin: principal.organisatie.oin })
    await logLezen(ctx, request, v.product, pagina.map((p) => p.signaal))
    const laatste = pagina[pagina.length - 1]
    return { signalen: pagina.map((p) => bewaak(ctx, request, p.signaal)), volgende: laatste ? maakCursor(laatste.seq) : (v.na ?? null) }
  })
}

function exporteer(app: FastifyInstance, ctx: HubContext, authenticate: Authenticate, producten: SignaalProducten): void {
  app.get('/signalen/export', {
    preHandler: requireAuth(authenticate),
    schema: {
      tags: ['signalen'], summary: 'Signalen als CSV-bestand (A2A), op aanmaakdatum', security,
      description: 'CSV met kopregel, scheidingsteken `;`, UTF-8. `bronnen` en `gegevens` staan als JSON in één veld. Zie docs/api/signalen.md.',
      // The handler refuses unknown parameters itself, listing them with every other problem of the query.
      querystring: { type: 'object', additionalProperties: true, required: ['product', 'van', 'tot'], properties: {
        product: { type: 'string' }, van: { type: 'string', format: 'date' }, tot: { type: 'string', format: 'date' },
      } },
      response: { 200: { content: { 'text/csv': { schema: { type: 'string' } } } }, ...authErrors, 404: problemSchema },
    },
  }, async function signalenExport(request, reply) {
    const v = leesExportVerzoek(request.query as Record<string, unknown>)
    const principal = principalOf(request)
    machtig(ctx, principal, v.product, producten)
    const filter = { oin: principal.organisatie.oin, product: v.product, limiet: EXPORT_PAGINA, aangemaakt: { van: v.van, tot: v.tot } }
    // The first page is read (and ledgered) before the status line goes out, so a failing ledger gives a 503.
    const eerste = await lijstSignalen(ctx.database.db, filter)
    await logLezen(ctx, request, v.product, eerste.map((p) => p.signaal), 'signaal-exporteren')
    async function* regels(): AsyncGenerator<string> {
      yield csvKop()
      let pagina = eerste
      while (pagina.length > 0) {
        for (const p of pagina) yield csvRegel(bewaak(ctx, request, p.signaal))
        if (pagina.length < EXPORT_PAGINA) return
        pagina = await lijstSignalen(ctx.database.db, { ...filter, naSeq: pagina[pagina.length - 1]!.seq })
        await logLezen(ctx, request, v.product, pagina.map((p) => p.signaal), 'signaal-exporteren')
      }
    }
    return reply.type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="signalen-${v.product}-${v.van}-${v.tot}.csv"`)
      .send(Readable.from(regels()))
  })
}

const idParams = { type: 'object', required: ['id'], properties: { id: { type: 'string', format: 'uuid' } } } as const

function enkel(app: FastifyInstance, ctx: HubContext, authenticate: Authenticate): void {
  app.get('/signalen/:id', {
    preHandler: requireAuth(authenticate),
    schema: { tags: ['signalen'], summary: 'Eén signaal van uw organisatie', security, params: idParams, response: { 200: signaalSchema, ...authErrors, 404: problemSchema } },
  }, async function signaalLezen(request) {
    const principal = principalOf(request)
    const signaal = await vindSignaal(ctx.database.db, principal.organisatie.oin, (request.params as { id: string }).id)
    if (!signaal) throw signaalOnbekend()
    authorize(principal, { product: signaal.product, soorten: ctx.register.requireProduct(signaal.product).ontvangers })
    await logLezen(ctx, request, signaal.product, [signaal])
    return bewaak(ctx, request, signaal)
  })
}

function terugmelding(app: FastifyInstance, ctx: HubContext, authenticate: Authenticate): void {
  app.post('/signalen/:id/terugmelding', {
    preHandler: requireAuth(authenticate),
    schema: {
      tags: ['signalen'], summary: 'Terugmelden wat het onderzoek opleverde (één keer per signaal)', security, params: idParams,
      body: { type: 'object', required: ['uitkomst'], additionalProperties: false, properties: {
        uitkomst: { type: 'string', enum: ['terecht', 'onterecht', 'onbekend'] }, toelichting: { type: 'string', maxLength: 2000 },
      } },
      response: { 200: signaalSchema, ...authErrors, 404: problemSchema, 409: problemSchema },
    },
  }, async function signaalTerugmelden(request) {
    const principal = principalOf(request)
    const id = (request.params as { id: string }).id
    const invoer = leesTerugmelding(request.body)
    const bestaand = await vindSignaal(ctx.database.db, principal.organisatie.oin, id)
    if (!bestaand) throw signaalOnbekend()
    authorize(principal, { product: bestaand.product, soorten: ctx.register.requireProduct(bestaand.product).ontvangers })
    const signaal = await ctx.database.db.transaction().execute(async (tx) => {
      const s = await meldTerug(tx, principal.organisatie.oin, id, { ...invoer, door: principal.id, op: ctx.clock.now().toISOString() })
      await ctx.ledger.record(tx, [{
        trace: request.trace, activiteit: 'signaal-terugmelden', verwerkingsactiviteit: activiteitVoor(ctx.register.requireProduct(s.product), 'leveren'), product: s.product,
        betrokkene: s.bsn as Bsn, actorOin: principal.organisatie.oin,
      }])
      return s
    })
    ctx.metrics.ledgerLines.inc({ product: signaal.product })
    return bewaak(ctx, request, signaal)
  })
}
