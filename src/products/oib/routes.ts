import type { FastifyPluginAsync } from 'fastify'
import { createAuthenticator, principalOf, requireAuth } from '../../adapters/http/auth.js'
import type { HubContext, RouteModule } from '../../adapters/http/hub-context.js'
import { authErrors, security } from '../../adapters/http/routes/schemas.js'
import type { Bsn } from '../../core/index.js'
import { guardOutput } from '../../platform/register/index.js'
import { stelOverzichtSamen, type OibOverzicht } from './oib-overzicht.js'
import { leesClienten, leesPolisFeiten, PRODUCT } from './oib-store.js'
import { maakCursor, MAX_LIMIET, valideerOibVraag } from './oib-vraag.js'
import { OVERZICHT_BATCH, OVERZICHT_GEWIJZIGD, overzichtGewijzigdConsument } from './overzicht-gewijzigd.js'

const overzichtSchema = {
  type: 'object',
  properties: {
    bsn: { type: 'string' }, periode: { type: 'string' }, referentie: { type: ['string', 'null'] },
    nettoIndicatiefCent: { type: 'integer', description: 'som van de netto indicatieve inkomens (docs/algoritmeregister/netto-inkomen.md)' },
    inkomstenverhoudingen: { type: 'array', items: { type: 'object', properties: {
      inkomstenverhoudingId: { type: 'string' }, werkgeverNaam: { type: 'string' }, loonheffingennummer: { type: 'string' }, soortInkomen: { type: 'string' },
      brutoloonCent: { type: 'integer' }, loonheffingCent: { type: 'integer' }, nettoIndicatiefCent: { type: 'integer' },
      bron: { type: 'object', properties: { bron: { type: 'string' }, leveringId: { type: 'string' }, regel: { type: 'integer' } } },
    } } },
  },
} as const

/**
 * OIB (Ondersteuning Inkomstenverrekening Bijstand): per client per month every income relation from the
 * polisadministratie and a netto indicatief inkomen, for the gemeente's own `oib` population only; and a bus
 * consumer that announces changed months (`knooppunt.oib.overzicht-gewijzigd.v1`, no BSN).
 */
export const oibModule: RouteModule = {
  naam: PRODUCT,
  berichten: { [PRODUCT]: ['overzicht-gewijzigd'] }, // the soort of the notice `MELDINGEN` makes of OVERZICHT_GEWIJZIGD
  routes: (ctx: HubContext): FastifyPluginAsync => async function oibPlugin(app) {
    const authenticate = createAuthenticator(ctx, undefined)
    app.setValidatorCompiler(() => () => true)
    app.get('/oib/overzichten', {
      preHandler: requireAuth(authenticate, { product: PRODUCT, rollen: ['inkomen'], soorten: ['gemeente'] }),
      schema: {
        tags: ['oib'], summary: 'OIB-maandoverzichten van de eigen cliënten: inkomstenverhoudingen en netto indicatief inkomen', security,
        description: 'Cursorpaginering: geef `volgende` uit het antwoord mee als `na`. Zie docs/api/oib.md.',
        // The handler refuses unknown parameters itself, listing them with every other problem of the query.
        querystring: { type: 'object', additionalProperties: true, required: ['periode'], properties: {
          periode: { type: 'string', pattern: '^\\d{4}-\\d{2}$' }, na: { type: 'string' }, limiet: { type: 'integer', minimum: 1, maximum: MAX_LIMIET },
        } },
        response: { 200: { type: 'object', properties: { periode: { type: 'string' }, overzichten: { type: 'array', items: overzichtSchema }, volgende: { type: ['string', 'null'] } } }, ...authErrors },
      },
    }, async function oibOverzichten(request) {
      const vraag = valideerOibVraag(request.query)
      const principal = principalOf(request)
      const oin = principal.organisatie.oin
      const { overzichten, volgende } = await ctx.database.db.transaction().execute(async (tx) => {
        const clienten = await leesClienten(tx, oin, vraag.periode, vraag.na, vraag.limiet + 1)
        const pagina = clienten.slice(0, vraag.limiet)
        const feiten = await leesPolisFeiten(tx, pagina.map((c) => c.bsn), vraag.periode)
        const perBsn = new Map<string, typeof feiten>()
        for (const f of feiten) { const lijst = perBsn.get(f.bsn); if (lijst) lijst.push(f); else perBsn.set(f.bsn, [f]) }
        const overzichten = pagina.map((c) => stelOverzichtSamen(c.bsn, vraag.periode, c.referentie, perBsn.get(c.bsn) ?? []))
        await ctx.ledger.record(tx, pagina.map((c) => ({
          trace: request.trace, activiteit: 'overzicht-lezen', verwerkingsactiviteit: 'oib.overzicht', product: PRODUCT, betrokkene: c.bsn as Bsn, actorOin: oin,
        })))
        return { overzichten, volgende: clienten.length > vraag.limiet ? maakCursor(pagina.at(-1)!.rij) : null }
      })
      if (overzichten.length) ctx.metrics.ledgerLines.inc({ product: PRODUCT }, overzichten.length)
      return { periode: vraag.periode, overzichten: overzichten.map((o) => bewaak(ctx, request, principal.organisatie.soort, o)), volgende }
    })
  },
  subscribe(ctx) {
    ctx.bus.subscribeBatch('oib-overzichten', ['knooppunt.feiten.vastgelegd.v1'], overzichtGewijzigdConsument(ctx), { maxBatch: OVERZICHT_BATCH })
  },
}

function bewaak(ctx: HubContext, request: { log: { warn(o: object, m: string): void } }, soort: Parameters<typeof guardOutput>[2], o: OibOverzicht): Partial<OibOverzicht> {
  const guarded = guardOutput(ctx.register, PRODUCT, soort, { ...o })
  if (guarded.verwijderd.length) request.log.warn({ verwijderd: guarded.verwijderd }, 'uitvoerbewaking verwijderde velden')
  return guarded.record
}

export { OVERZICHT_GEWIJZIGD }
