import type { FastifyPluginAsync } from 'fastify'
import { createAuthenticator, principalOf, requireAuth } from '../../adapters/http/auth.js'
import type { HubContext, RouteModule } from '../../adapters/http/hub-context.js'
import { authErrors, problemSchema, security } from '../../adapters/http/routes/schemas.js'
import { AppError, maandPeriode, type Bsn } from '../../core/index.js'
import { guardOutput } from '../../platform/register/index.js'
import { kotConsument } from './kot-consument.js'
import { leesBestand } from './kot-store.js'
import { vereisGemeentecode, vergelijkGemeente } from './kot-vergelijking.js'
import { maakCursor, MAX_LIMIET, SOORTEN, valideerVergelijkingVraag, valideerVerschillenVraag } from './kot-vraag.js'
import { maandTekst, PRODUCT } from './vergelijk-doelgroepouders.js'

const toegang = { product: PRODUCT, rollen: ['inkomen'] as const, soorten: ['gemeente'] }

const verschilSchema = {
  type: 'object',
  properties: {
    id: { type: 'string' }, product: { type: 'string' }, soort: { type: 'string', enum: ['niet-geregistreerd', 'niet-in-bestand'] }, bsn: { type: 'string' },
    periode: { type: 'object', properties: { van: { type: 'string' }, tot: { type: ['string', 'null'] } } },
    bronnen: { type: 'array', items: { type: 'object', properties: { bron: { type: 'string' }, leveringId: { type: 'string' }, regel: { type: 'integer' } } } },
    regel: { type: 'object', properties: { id: { type: 'string' }, versie: { type: 'string' } } },
    uitleg: { type: 'string' }, gegevens: { type: 'object', additionalProperties: true }, aangemaakt: { type: 'string' }, status: { type: 'string' }, correctie: { type: 'boolean' },
  },
} as const

/**
 * Doelgroepouders kinderopvangtoeslag: each month the Belastingdienst file is compared with the gemeente's
 * registration, both ways. Runs by itself when the file arrives (bus consumer) and on request; the differences are
 * signals in the shared signal store, readable here per month until the signals API serves them.
 */
export const kotModule: RouteModule = {
  naam: PRODUCT,
  berichten: { [PRODUCT]: SOORTEN },
  routes: (ctx: HubContext): FastifyPluginAsync => async function kotPlugin(app) {
    const authenticate = createAuthenticator(ctx, undefined)
    app.setValidatorCompiler(() => () => true)

    app.post('/kot-doelgroepouders/vergelijkingen', {
      preHandler: requireAuth(authenticate, toegang),
      schema: {
        tags: ['kot-doelgroepouders'], summary: 'Het bestand van de Belastingdienst van een maand nu vergelijken met de eigen registratie', security,
        body: { type: 'object', required: ['periode'], properties: { periode: { type: 'string', pattern: '^\\d{4}-\\d{2}$' } } },
        response: { 200: { type: 'object', additionalProperties: true }, ...authErrors, 409: problemSchema },
      },
    }, async function vergelijk(request) {
      const periode = valideerVergelijkingVraag(request.body)
      const organisatie = principalOf(request).organisatie
      const gemeentecode = vereisGemeentecode(organisatie)
      const db = ctx.database.db
      const bestand = await leesBestand(db, periode)
      if (!bestand.aanwezig) throw new AppError('conflict', 'kot.geen-bestand', `de hub heeft nog geen bestand van de Belastingdienst over ${maandTekst(periode)}; zonder bestand wordt niets vergeleken`)
      const uitkomst = await db.transaction().execute((tx) => vergelijkGemeente(ctx, tx, { oin: organisatie.oin, gemeentecode, periode, bestand, trace: request.trace }))
      if (uitkomst.nieuweSignalen) ctx.bus.notify()
      return uitkomst
    })

    app.get('/kot-doelgroepouders/verschillen', {
      preHandler: requireAuth(authenticate, toegang),
      schema: {
        tags: ['kot-doelgroepouders'], summary: 'De gevonden verschillen van een maand (oudste eerst, cursorpaginering)', security,
        // The handler refuses unknown parameters itself, listing them with every other problem of the query.
        querystring: { type: 'object', additionalProperties: true, required: ['periode'], properties: {
          periode: { type: 'string', pattern: '^\\d{4}-\\d{2}$' }, soort: { type: 'string', enum: ['niet-geregistreerd', 'niet-in-bestand'] },
          na: { type: 'string' }, limiet: { type: 'integer', minimum: 1, maximum: MAX_LIMIET },
        } },
        response: { 200: { type: 'object', properties: { periode: { type: 'string' }, verschillen: { type: 'array', items: verschilSchema }, volgende: { type: ['string', 'null'] } } }, ...authErrors },
      },
    }, async function verschillen(request) {
      const vraag = valideerVerschillenVraag(request.query)
      const principal = principalOf(request)
      const oin = principal.organisatie.oin
      const { rows, volgende } = await ctx.database.db.transaction().execute(async (tx) => {
        let q = tx.selectFrom('signalen').selectAll().where('oin', '=', oin).where('product', '=', PRODUCT)
          .where('periode_van', '=', maandPeriode(vraag.periode).van).where('seq', '>', vraag.na)
        if (vraag.soort) q = q.where('soort', '=', vraag.soort)
        const alle = await q.orderBy('seq').limit(vraag.limiet + 1).execute()
        const rows = alle.slice(0, vraag.limiet)
        const bsns = [...new Set(rows.map((r) => r.bsn))]
        await ctx.ledger.record(tx, bsns.map((bsn) => ({
          trace: request.trace, activiteit: 'verschil-lezen', verwerkingsactiviteit: 'kot.leveren', product: PRODUCT, betrokkene: bsn as Bsn, actorOin: oin,
        })))
        if (bsns.length) ctx.metrics.ledgerLines.inc({ product: PRODUCT }, bsns.length)
        return { rows, volgende: alle.length > vraag.limiet ? maakCursor(Number(rows.at(-1)!.seq)) : null }
      })
      const velden = ctx.register.velden(PRODUCT, principal.organisatie.soort)
      const verschillen = rows.map((r) => {
        const bronnen = JSON.parse(r.bronnen) as Array<{ bron: string }>
        const { gegevens, weg } = bewaakGegevens(velden, bronnen[0]?.bron ?? '', JSON.parse(r.gegevens) as Record<string, unknown>)
        const guarded = guardOutput(ctx.register, PRODUCT, principal.organisatie.soort, {
          id: r.id, product: r.product, soort: r.soort, bsn: r.bsn, periode: { van: r.periode_van, tot: r.periode_tot },
          bronnen, regel: { id: r.regel_id, versie: r.regel_versie }, uitleg: r.uitleg,
          gegevens, aangemaakt: r.aangemaakt, status: r.status, correctie: Number(r.correctie) === 1,
        })
        const verwijderd = [...guarded.verwijderd, ...weg]
        if (verwijderd.length) request.log.warn({ verwijderd }, 'uitvoerbewaking verwijderde velden')
        return guarded.record
      })
      return { periode: vraag.periode, verschillen, volgende }
    })
  },
  subscribe(ctx) {
    ctx.bus.subscribe('kot-doelgroepouders-vergelijking', ['knooppunt.feiten.vastgelegd.v1'], kotConsument(ctx))
  },
}

/**
 * The output guard one level deeper, as the signals API does it: a field in `gegevens` leaves the hub only when the
 * register lists it as `<bron>.<veld>` or `<product>.<veld>`.
 */
function bewaakGegevens(velden: ReadonlySet<string>, bron: string, gegevens: Record<string, unknown>): { gegevens: Record<string, unknown>; weg: string[] } {
  const toegestaan = (k: string) => velden.has(`${bron}.${k}`) || velden.has(`${PRODUCT}.${k}`)
  return {
    gegevens: Object.fromEntries(Object.entries(gegevens).filter(([k]) => toegestaan(k))),
    weg: Object.keys(gegevens).filter((k) => !toegestaan(k)).map((k) => `gegevens.${k}`),
  }
}
