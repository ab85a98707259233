import type { FastifyPluginAsync, FastifyRequest } from 'fastify'
import type { Principal } from '../../../platform/access/index.js'
import { PORTAL_HEADER } from '../portal-port.js'
import { sendNoSession } from './problem.js'

/** What the start page shows of one processing: no data subject, no span ids. */
export interface ActiviteitRegel {
  readonly seq: number
  readonly activiteit: string
  readonly verwerkingsactiviteit: string
  readonly product: string
  readonly gestart: string
  readonly beeindigd: string
  readonly status: string
}

/** The ledger as the portal needs it (port); `createRecentLedger(db)` from platform/ledger implements it. */
export interface PortalLedger {
  recent(actorOin: string, limit: number): Promise<readonly ActiviteitRegel[]>
}

export const ACTIVITEIT_LIMIET = 20

/** `GET /api/v1/portaal/activiteit`: the last 20 ledger lines where the user's organisation was the actor. */
export function activityRoutes(o: { ledger: PortalLedger | undefined; principal: (r: FastifyRequest) => Promise<Principal | undefined> }): FastifyPluginAsync {
  return async function portaalActiviteit(app) {
    app.get('/api/v1/portaal/activiteit', async function activiteit(request, reply) {
      if (request.headers[PORTAL_HEADER] !== '1') return sendNoSession(request, reply, 'kop')
      const p = await o.principal(request)
      if (!p) return sendNoSession(request, reply, 'sessie')
      const lines = o.ledger ? await o.ledger.recent(p.organisatie.oin, ACTIVITEIT_LIMIET) : []
      const regels = lines.map(({ seq, activiteit, verwerkingsactiviteit, product, gestart, beeindigd, status }) =>
        ({ seq, activiteit, verwerkingsactiviteit, product, gestart, beeindigd, status }))
      return reply.header('cache-control', 'no-store').send({ regels })
    })
  }
}
