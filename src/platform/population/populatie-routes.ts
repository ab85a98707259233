import type { FastifyPluginAsync, FastifyRequest } from 'fastify'
import { sql } from 'kysely'
import { createAuthenticator, principalOf, type Authenticate } from '../../adapters/http/auth.js'
import type { HubContext, RouteModule } from '../../adapters/http/hub-context.js'
import { authErrors, problemSchema, security } from '../../adapters/http/routes/schemas.js'
import { AppError, datumVan, type InvalidParam } from '../../core/index.js'
import { authorize } from '../access/index.js'
import { appendToOutbox } from '../events/index.js'
import { hoogsteIndicatieId, indicatiesVastgelegdEvent } from '../matching/index.js'
import { activiteitVoor, type RegisterEntry } from '../register/index.js'
import { leesPopulatie } from './populatie-csv.js'
import { mutatiesVan, populatie, vervangingVan, type PopulatieResultaat, type PopulatieWijziging } from './populatie-service.js'
import type { PopulatieRegelRow } from './population-tables.js'

/** A population of a large gemeente is tens of thousands of lines; 1M lines of ~40 bytes still fit. */
const MAX_BYTES = 128 * 1024 * 1024

const resultaatSchema = {
  type: 'object',
  properties: { aantal: { type: 'integer', description: 'actuele indicaties na verwerking' }, toegevoegd: { type: 'integer' }, gewijzigd: { type: 'integer' }, beeindigd: { type: 'integer' } },
} as const
const productParam = { type: 'object', required: ['product'], properties: { product: { type: 'string' } } } as const
const csvBody = (beschrijving: string) => ({ content: { 'text/csv': { schema: { type: 'string', description: beschrijving } } } })

/** The processing activity a population change is logged under: `<x>.populatie` if the product names one. */
export function populatieActiviteit(entry: RegisterEntry): string {
  return activiteitVoor(entry, 'populatie')
}

/**
 * Populations (afnemersindicaties): a gemeente tells the hub for which residents it has a legitimate interest per
 * product. Uploads are all or nothing; rows are history (replaced, never deleted here; retention deletes them).
 */
export const populatieModule: RouteModule = {
  naam: 'populaties',
  routes: (ctx: HubContext): FastifyPluginAsync => async function populatiePlugin(app) {
    const authenticate = createAuthenticator(ctx, undefined)
    // The CSV reader is the single source of input errors; the schemas only document the API in OpenAPI.
    app.setValidatorCompiler(() => () => true)
    app.addContentTypeParser('text/csv', { parseAs: 'buffer', bodyLimit: MAX_BYTES }, (_req, body, done) => done(null, body))
    const magProduct = productToegang(ctx, authenticate)

    app.put('/populaties/:product', {
      onRequest: alleenCsv, preHandler: magProduct, bodyLimit: MAX_BYTES,
      schema: {
        tags: ['populaties'], summary: 'De hele populatie voor een product vervangen (alles of niets)', security,
        description: 'CSV met kopregel `bsn;ingangsdatum;einddatum;referentie`. Eén foute regel: niets wordt opgeslagen en elke foute regel staat in `invalidParams` (`regel N`, kopregel = regel 1). Zie docs/api/populaties.md.',
        params: productParam, body: csvBody('bsn;ingangsdatum;einddatum;referentie'),
        response: { 200: resultaatSchema, ...authErrors, 404: problemSchema, 413: problemSchema },
      },
    }, async function vervangPopulatie(request) {
      const { product } = request.params as { product: string }
      const gelezen = leesPopulatie(lichaam(request), 'populatie')
      if (!gelezen.ok) throw afgewezen(gelezen.problemen)
      return verwerk(ctx, request, product, 'upload', (huidig) => vervangingVan(huidig, gelezen.regels))
    })

    app.post('/populaties/:product/mutaties', {
      onRequest: alleenCsv, preHandler: magProduct, bodyLimit: MAX_BYTES,
      schema: {
        tags: ['populaties'], summary: 'Indicaties toevoegen of beëindigen (alles of niets)', security,
        description: 'CSV met kopregel `bsn;ingangsdatum;einddatum;referentie;actie`, actie `toevoegen` of `beeindigen` (met einddatum).',
        params: productParam, body: csvBody('bsn;ingangsdatum;einddatum;referentie;actie'),
        response: { 200: resultaatSchema, ...authErrors, 404: problemSchema, 413: problemSchema },
      },
    }, async function muteerPopulatie(request) {
      const { product } = request.params as { product: string }
      const gelezen = leesPopulatie(lichaam(request), 'mutatie')
      if (!gelezen.ok) throw afgewezen(gelezen.problemen)
      return verwerk(ctx, request, product, 'mutatie', (huidig) => {
        const { wijziging, problemen } = mutatiesVan(huidig, gelezen.regels)
        if (problemen.length) throw afgewezen(problemen.map((p) => ({ name: `regel ${p.regel}`, code: p.code, reason: p.reason })))
        return wijziging
      })
    })

    app.get('/populaties/:product', {
      preHandler: magProduct,
      schema: {
        tags: ['populaties'], summary: 'Hoeveel indicaties de eigen populatie telt (geen BSNs)', security, params: productParam,
        response: { 200: { type: 'object', properties: {
          product: { type: 'string' }, aantal: { type: 'integer', description: 'actuele (niet vervangen) indicaties' },
          lopend: { type: 'integer', description: 'actueel en zonder einddatum in het verleden' },
          geschiedenis: { type: 'integer', description: 'vervangen regels die nog bewaard worden' },
          laatstGewijzigd: { type: ['string', 'null'] },
        } }, ...authErrors, 404: problemSchema },
      },
    }, async function telPopulatie(request) {
      const { product } = request.params as { product: string }
      const t = await populatie(ctx.database.db).tellingen(principalOf(request).organisatie.oin, product, datumVan(ctx.clock.now()))
      return { product, ...t }
    })
  },
}

/** Authenticate first (401), then the product must exist (404), then the caller's organisation must take it (403). */
function productToegang(ctx: HubContext, authenticate: Authenticate) {
  return async function populatieToegang(request: FastifyRequest): Promise<void> {
    const principal = await authenticate(request)
    ctx.register.requireProduct((request.params as { product: string }).product)
    authorize(principal, { product: (request.params as { product: string }).product })
    request.principal = principal
  }
}

/** Before the body is parsed: a CSV file labelled application/json would otherwise be "not valid JSON". */
async function alleenCsv(request: FastifyRequest): Promise<void> {
  if (request.headers['content-type'] !== undefined && !/^text\/csv\s*(;|$)/i.test(request.headers['content-type'])) throw new AppError('unsupported-media-type', 'populatie.mediatype', 'stuur de populatie als text/csv')
}

function lichaam(request: FastifyRequest): Buffer {
  if (!Buffer.isBuffer(request.body)) throw new AppError('unsupported-media-type', 'populatie.mediatype', 'stuur de populatie als text/csv')
  return request.body
}

const afgewezen = (problemen: readonly InvalidParam[]) =>
  new AppError('invalid', 'populatie.ongeldig', `de populatie is niet opgeslagen: ${problemen.length} regel(s) afgewezen`, problemen)

/** One transaction: the change, one ledger line per BSN involved, and the outbox event. */
async function verwerk(ctx: HubContext, request: FastifyRequest, product: string, herkomst: PopulatieRegelRow['herkomst'],
  bepaal: (huidig: Awaited<ReturnType<ReturnType<typeof populatie>['actueel']>>) => PopulatieWijziging): Promise<PopulatieResultaat> {
  const oin = principalOf(request).organisatie.oin
  const entry = ctx.register.requireProduct(product)
  const resultaat = await ctx.database.db.transaction().execute(async (tx) => {
    // Two uploads for the same population at once would both diff against the same rows. SQLite serialises write
    // transactions already; PostgreSQL gets a transaction-scoped advisory lock per (oin, product).
    if (ctx.database.dialect === 'postgres') await sql`select pg_advisory_xact_lock(hashtext(${`${oin}|${product}`}))`.execute(tx)
    const p = populatie(tx)
    // Indications the vooraf-toets created (herkomst `aanvraag`) are not the gemeente's upload: they end by their own
    // einddatum, so neither a full replacement nor a mutation file touches them.
    const wijziging = bepaal((await p.actueel(oin, product)).filter((r) => r.herkomst !== 'aanvraag'))
    const tijd = ctx.clock.now().toISOString()
    const naId = await hoogsteIndicatieId(tx)
    await p.pasToe(oin, product, wijziging, herkomst, tijd)
    const verwerkingsactiviteit = populatieActiviteit(entry)
    await ctx.ledger.record(tx, [...wijziging.bsns].map((bsn) => ({
      trace: request.trace, activiteit: herkomst === 'upload' ? 'populatie-vervangen' : 'populatie-muteren', verwerkingsactiviteit,
      product, betrokkene: bsn, actorOin: oin,
    })))
    const aantal = Number((await tx.selectFrom('populatie_regels').select((eb) => eb.fn.countAll().as('n')).where('oin', '=', oin)
      .where('product', '=', product).where('vervangen', 'is', null).executeTakeFirstOrThrow()).n)
    const r: PopulatieResultaat = { aantal, ...wijziging.telling }
    if (r.toegevoegd + r.gewijzigd + r.beeindigd > 0)
      await appendToOutbox(tx, ctx.clock, [{ type: 'knooppunt.populatie.gewijzigd.v1', data: { oin, product, ...r }, traceId: request.trace.traceId }])
    // The new rows, by id range (no BSN in the event): the look-back consumer matches facts the hub already holds.
    const terugkijken = await indicatiesVastgelegdEvent(tx, oin, product, naId, request.trace.traceId)
    if (terugkijken) await appendToOutbox(tx, ctx.clock, [terugkijken])
    ctx.metrics.ledgerLines.inc({ product }, wijziging.bsns.size)
    return r
  })
  ctx.bus.notify()
  return resultaat
}
