import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { Kysely } from 'kysely'
import type { HubContext } from '../../adapters/http/hub-context.js'
import { addMonths, datumVan, type Bsn, type Datum } from '../../core/index.js'
import type { Tables } from '../../platform/tables.js'

/** One row of the request log: who asked what, when, how many; never an amount, never a BSN in the clear. */
export interface BvvVerzoeklogRow {
  seq: import('kysely').Generated<number>
  tijdstip: string
  oin: string
  client_id: string
  endpoint: string
  http_status: number
  aantal: number
  aantal_fout: number
  trace_id: string
  /** Keyed hash of the BSN when the request named one (see `bvvBetrokkeneRef`). */
  betrokkene_ref: string | null
}
/** A type alias (not an interface) so Kysely's `withTables` accepts it. */
export type BvvVerzoeklogTables = { bvv_verzoeklog: BvvVerzoeklogRow }

/** The seed: the calculation is delivered and deleted; the request log is kept at most 18 months. */
export const BVV_VERZOEKLOG_MAANDEN = 18

interface Telling { aantal: number; fout: number; bsn?: Bsn | undefined }
const tellingen = new WeakMap<FastifyRequest, Telling>()

const logDb = (ctx: HubContext): Kysely<Tables & BvvVerzoeklogTables> => ctx.database.db.withTables<BvvVerzoeklogTables>()

/**
 * The keyed reference of a BSN in the request log: an HMAC with the ledger's reference key, domain-separated by a
 * prefix so the value cannot be matched against ledger references without the key and the prefix.
 */
export const bvvBetrokkeneRef = (ctx: HubContext, bsn: Bsn): string => ctx.keyring.ref('ledger-ref', `bvv-verzoeklog|${bsn}`)

/** Counts calculations of this request (bulk: per answered line). */
export function telBerekening(request: FastifyRequest, fout: boolean): void {
  const t = tellingen.get(request) ?? { aantal: 0, fout: 0 }
  t.aantal += 1
  if (fout) t.fout += 1
  tellingen.set(request, t)
}

/** Marks that this request named a BSN (its keyed reference goes into the log). */
export function noteerBsn(request: FastifyRequest, bsn: Bsn): void {
  tellingen.set(request, { ...(tellingen.get(request) ?? { aantal: 0, fout: 0 }), bsn })
}

/**
 * Writes one log row per authenticated request once the answer is sent (for bulk: after the last line streamed), so
 * the counts are final. A request without a principal (no or bad token) is not logged here; the access log has it.
 */
export function registreerVerzoeklog(app: FastifyInstance, ctx: HubContext): void {
  app.addHook('onResponse', async (request, reply) => {
    const principal = request.principal
    if (!principal) return
    const t = tellingen.get(request) ?? { aantal: reply.statusCode < 400 ? 1 : 0, fout: reply.statusCode < 400 ? 0 : 1 }
    try {
      await logDb(ctx).insertInto('bvv_verzoeklog').values({
        tijdstip: ctx.clock.now().toISOString(), oin: principal.organisatie.oin, client_id: principal.id,
        endpoint: `${request.method} ${request.routeOptions.url ?? request.url}`, http_status: reply.statusCode,
        aantal: t.aantal, aantal_fout: t.fout, trace_id: request.trace.traceId, betrokkene_ref: t.bsn ? bvvBetrokkeneRef(ctx, t.bsn) : null,
      }).execute()
    } catch (err) {
      request.log.error({ err }, 'verzoeklog beslagvrije voet kon niet worden geschreven')
    }
  })
}

/** The oldest moment a row may have: `now` minus 18 months. */
export const bvvBewaarGrens = (now: Date): string => `${addMonths(datumVan(now), -BVV_VERZOEKLOG_MAANDEN)}${now.toISOString().slice(10)}`

/** Deletes request-log rows older than 18 months. Returns how many went. */
export async function runBvvRetention(ctx: HubContext, now: Date): Promise<number> {
  const r = await logDb(ctx).deleteFrom('bvv_verzoeklog').where('tijdstip', '<', bvvBewaarGrens(now)).executeTakeFirst()
  return Number(r.numDeletedRows)
}

/** The request-log rows of one organisation, newest first (for operations and tests; no amounts, no BSNs). */
export async function bvvVerzoeklog(ctx: HubContext, oin: string, opts: { vanaf?: Datum; limiet?: number } = {}) {
  let q = logDb(ctx).selectFrom('bvv_verzoeklog').selectAll().where('oin', '=', oin)
  if (opts.vanaf) q = q.where('tijdstip', '>=', opts.vanaf)
  return q.orderBy('seq', 'desc').limit(opts.limiet ?? 1000).execute()
}

/** Runs the retention job at start and then every `intervalMs` (default daily) while the hub runs. */
export async function startBvvRetentie(ctx: HubContext, opts: { intervalMs?: number; onFout?: (e: unknown) => void } = {}): Promise<() => Promise<void>> {
  let lopend: Promise<unknown> = Promise.resolve()
  const draai = () => { lopend = runBvvRetention(ctx, ctx.clock.now()).catch((e) => opts.onFout?.(e)) }
  draai()
  const timer = setInterval(draai, opts.intervalMs ?? 24 * 3600_000)
  timer.unref()
  return async () => { clearInterval(timer); await lopend }
}
