import type { HubContext, RouteModule } from '../../adapters/http/hub-context.js'
import { newSpanId, newTraceId } from '../../core/index.js'
import { matchLevering, matchLeveringen, type MatchOpties, type MatchResultaat, type TeMatchenLevering } from '../../platform/matching/index.js'
import { PRODUCT, SAMENLOOP_REGELS, SOORTEN } from './regels/index.js'
import { signalenRoutes } from './signalen-routes.js'
import { abonneerTerugkijken } from './terugkijk-consument.js'

/** Durable consumer name of the matching step (its position in the outbox survives restarts). */
export const MATCHING_CONSUMER = 'samenloop-matching'
/** Fact events matched per consumer turn (one transaction and one ledger append for the small ones together). */
export const MATCHING_BATCH = 200

/**
 * Matches one stored delivery against the samenloop population with every samenloop rule, and stores the signals.
 * For batch runs and benchmarks; the bus consumer matches the deliveries of a turn together (`matchLeveringen`).
 */
export function matchSamenloopLevering(ctx: HubContext, bron: string, leveringId: string, opties: MatchOpties = {}): Promise<MatchResultaat> {
  return matchLevering(ctx, bron, leveringId, SAMENLOOP_REGELS, opties)
}

interface FeitenVastgelegd { readonly bron: string; readonly leveringId: string; readonly opgeslagen?: number }

/**
 * Samenloop in the hub: the signal API (`/api/v1/signalen…`) and the consumer that turns every
 * `knooppunt.feiten.vastgelegd.v1` into signals.
 */
export const samenloopModule: RouteModule = {
  naam: PRODUCT,
  routes: (ctx) => signalenRoutes(ctx, { [PRODUCT]: SOORTEN }),
  berichten: { [PRODUCT]: SOORTEN },
  subscribe(ctx) {
    ctx.bus.subscribeBatch(MATCHING_CONSUMER, ['knooppunt.feiten.vastgelegd.v1'], async function samenloopMatchen(events) {
      const leveringen: TeMatchenLevering[] = []
      for (const event of events) {
        const data = event.data as FeitenVastgelegd
        if (data.opgeslagen === 0) continue
        leveringen.push({ bron: data.bron, leveringId: data.leveringId, opgeslagen: data.opgeslagen, trace: { traceId: event.traceId ?? newTraceId(), spanId: newSpanId() } })
      }
      await matchLeveringen(ctx, leveringen, SAMENLOOP_REGELS)
    }, { maxBatch: MATCHING_BATCH })
    abonneerTerugkijken(ctx)
  },
}
