import type { FastifyPluginAsync } from 'fastify'
import { createAuthenticator, principalOf, requireAuth } from '../../adapters/http/auth.js'
import type { HubContext, RouteModule } from '../../adapters/http/hub-context.js'
import { authErrors, problemSchema, security } from '../../adapters/http/routes/schemas.js'
import { appendToOutbox } from '../../platform/events/index.js'
import { INDICATIES_VASTGELEGD, type NieuweIndicaties } from '../../platform/matching/index.js'
import { guardOutput } from '../../platform/register/index.js'
import { kiesActueleFeiten, leesFeitenVanBsn } from './actuele-feiten.js'
import { legAanvraagIndicatieVast } from './aanvraag-indicatie.js'
import { valideerVoorafToetsInvoer } from './vooraf-toets-invoer.js'

/** The vooraf-toets belongs to the samenloop product: same register entry, same population, same subscription. */
const PRODUCT = 'samenloop'
const VERWERKING = 'samenloop.vooraf-toets'

const feitSchema = {
  type: 'object',
  properties: {
    periode: { type: 'object', properties: { van: { type: 'string' }, tot: { type: ['string', 'null'] } } },
    levering: { type: 'object', properties: { leveringId: { type: 'string' }, regel: { type: 'integer' } } },
    vastgelegd: { type: 'string' },
    gegevens: { type: 'object', additionalProperties: true, description: 'alleen de velden die het gegevensregister voor deze bron en samenloop noemt' },
  },
} as const

const antwoordSchema = {
  type: 'object',
  properties: {
    bsn: { type: 'string' }, aanvraagReferentie: { type: 'string' }, peildatum: { type: 'string', format: 'date' },
    indicatie: { type: 'object', properties: { ingangsdatum: { type: 'string' }, einddatum: { type: 'string' }, nieuw: { type: 'boolean' } } },
    feiten: { type: 'object', description: 'per bron een lijst feiten (leeg als de hub niets weet)', additionalProperties: { type: 'array', items: feitSchema } },
  },
} as const

/**
 * `POST /api/v1/samenloop/vooraf-toets/_zoek`: at a bijstandsaanvraag, every current fact the hub holds about the
 * applicant from the samenloop sources (registered fields only), and a 3-month `aanvraag` indication so later facts
 * signal too. One transaction: the facts read, the indication, the ledger line and the population event.
 */
export const voorafToetsModule: RouteModule = {
  naam: 'vooraf-toets',
  routes: (ctx: HubContext): FastifyPluginAsync => async function voorafToetsPlugin(app) {
    const authenticate = createAuthenticator(ctx, undefined)
    // The product validator lists every problem with its own codes; the schema documents the API only.
    app.setValidatorCompiler(() => () => true)
    app.post('/samenloop/vooraf-toets/_zoek', {
      preHandler: requireAuth(authenticate, { product: PRODUCT, rollen: ['inkomen'], soorten: ['gemeente'] }),
      schema: {
        tags: ['samenloop'], summary: 'Vooraf-toets bij een bijstandsaanvraag: alle actuele bronfeiten van één BSN', security,
        description: 'Legt ook een aanvraagindicatie van drie maanden vast, zodat feiten die later binnenkomen een samenloopsignaal geven. Zie docs/api/vooraf-toets.md.',
        body: {
          type: 'object', required: ['bsn', 'aanvraagReferentie', 'peildatum'],
          properties: { bsn: { type: 'string', description: 'BSN van de aanvrager (nooit in de URL)' }, aanvraagReferentie: { type: 'string', maxLength: 100 }, peildatum: { type: 'string', format: 'date' } },
        },
        response: { 200: antwoordSchema, ...authErrors, 404: problemSchema },
      },
    }, async function voorafToets(request) {
      const invoer = valideerVoorafToetsInvoer(request.body)
      const principal = principalOf(request)
      const oin = principal.organisatie.oin
      const entry = ctx.register.requireProduct(PRODUCT)
      const velden = ctx.register.velden(PRODUCT, principal.organisatie.soort)
      const antwoord = await ctx.database.db.transaction().execute(async (tx) => {
        const rows = await leesFeitenVanBsn(tx, invoer.bsn, entry.bronnen)
        const feiten = kiesActueleFeiten(rows, { bronnen: entry.bronnen, peildatum: invoer.peildatum, toegestaan: (bron, veld) => velden.has(`${bron}.${veld}`) })
        const { id, ...indicatie } = await legAanvraagIndicatieVast(tx, ctx.clock, { oin, product: PRODUCT, ...invoer })
        await ctx.ledger.record(tx, [{ trace: request.trace, activiteit: 'vooraf-toets', verwerkingsactiviteit: VERWERKING, product: PRODUCT, betrokkene: invoer.bsn, actorOin: oin }])
        if (indicatie.nieuw) {
          // The second event lets the look-back consumer match the facts the hub already holds for the new indication.
          const terugkijken: NieuweIndicaties = { oin, product: PRODUCT, naId: id - 1, totId: id }
          await appendToOutbox(tx, ctx.clock, [
            { type: 'knooppunt.populatie.gewijzigd.v1', data: { oin, product: PRODUCT, toegevoegd: 1, beeindigd: 0 }, traceId: request.trace.traceId },
            { type: INDICATIES_VASTGELEGD, data: terugkijken, traceId: request.trace.traceId },
          ])
        }
        return { bsn: invoer.bsn, aanvraagReferentie: invoer.aanvraagReferentie, peildatum: invoer.peildatum, indicatie, feiten }
      })
      ctx.metrics.ledgerLines.inc({ product: PRODUCT })
      if (antwoord.indicatie.nieuw) ctx.bus.notify()
      const guarded = guardOutput(ctx.register, PRODUCT, principal.organisatie.soort, antwoord)
      if (guarded.verwijderd.length) request.log.warn({ verwijderd: guarded.verwijderd }, 'uitvoerbewaking verwijderde velden')
      return guarded.record
    })
  },
}
