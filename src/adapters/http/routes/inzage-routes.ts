import type { FastifyPluginAsync } from 'fastify'
import { parseBsn, type Bsn } from '../../../core/index.js'
import type { LedgerLine } from '../../../platform/ledger/index.js'
import type { Executor } from '../../../platform/tables.js'
import { registratiesVan } from '../../../platform/population/index.js'
import { guardOutput } from '../../../platform/register/index.js'
import { principalOf, requireAuth } from '../auth.js'
import type { RouteDeps } from './index.js'
import { authErrors, security } from './schemas.js'

/**
 * Inzage (AVG art. 15): every processing of one BSN, newest first. Only for privacy officers. The hub's own
 * privacy officer (organisation kind `beheer`) sees every line; an afnemer's privacy officer sees the lines of
 * processing done on behalf of their own organisation: its own, and what a source did with the BSN because the
 * afnemer had it registered for that product at the time (`VOOR_AFNEMERS`). The search itself is a processing and is
 * logged.
 */
export const inzageRoutes = ({ ctx, authenticate }: RouteDeps): FastifyPluginAsync => async (app) => {
  app.post('/api/v1/inzage/_zoek', {
    preHandler: requireAuth(authenticate, { scope: 'inzage', rollen: ['privacy-officer'] }),
    schema: {
      tags: ['logboek'], summary: 'Alle verwerkingen van één BSN (inzageverzoek)', security,
      body: { type: 'object', required: ['bsn'], additionalProperties: false, properties: { bsn: { type: 'string', description: 'BSN van de betrokkene (nooit in de URL)' } } },
      response: { 200: { type: 'object', properties: { regels: { type: 'array', items: { type: 'object', additionalProperties: true } } } }, ...authErrors },
    },
  }, async (request) => {
    const principal = principalOf(request)
    const bsn = parseBsn((request.body as { bsn: unknown }).bsn)
    await ctx.database.db.transaction().execute((tx) => ctx.ledger.record(tx, [{
      trace: request.trace, activiteit: 'inzage', verwerkingsactiviteit: 'logboek.inzage', product: 'inzage',
      betrokkene: bsn, actorOin: principal.organisatie.oin,
    }]))
    ctx.metrics.ledgerLines.inc({ product: 'inzage' })
    const all = await ctx.ledger.inzage(bsn)
    const visible = principal.organisatie.soort === 'beheer' ? all : await voorAfnemer(ctx.database.db, principal.organisatie.oin, bsn, all)
    return { regels: visible.map((l) => guardOutput(ctx.register, 'inzage', principal.organisatie.soort, { ...l }).record) }
  })
}

/**
 * Processing a source's request does with a BSN only because afnemers registered it: the selectie hands it to the
 * source, and a delivered fact about it is kept. The ledger line names the source as actor; each afnemer that had the
 * BSN registered for the line's product at that moment sees it as done on its behalf.
 */
const VOOR_AFNEMERS: ReadonlySet<string> = new Set(['selectie-verstrekken', 'bronfeit-vastleggen'])

async function voorAfnemer(db: Executor, oin: string, bsn: Bsn, regels: readonly LedgerLine[]): Promise<LedgerLine[]> {
  const registraties = regels.some((l) => l.actorOin !== oin && VOOR_AFNEMERS.has(l.activiteit)) ? await registratiesVan(db, oin, bsn) : []
  return regels.filter((l) => l.actorOin === oin || (VOOR_AFNEMERS.has(l.activiteit)
    && registraties.some((r) => r.product === l.product && r.van <= l.gestart && (r.tot === null || l.gestart < r.tot))))
}
