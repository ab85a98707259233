import type { HubContext } from '../../adapters/http/hub-context.js'
import { newSpanId, newTraceId } from '../../core/index.js'
import { INDICATIES_VASTGELEGD, kijkTerug, type NieuweIndicaties } from '../../platform/matching/index.js'
import { PRODUCT, SAMENLOOP_REGELS } from './regels/index.js'

/** Durable consumer name of the look-back step (its position in the outbox survives restarts). */
export const TERUGKIJK_CONSUMER = 'samenloop-terugkijken'

/**
 * Look-back for samenloop: when a gemeente adds or changes indications (upload, mutation file, vooraf-toets), the
 * facts the hub already holds for those BSNs are matched against the new indications with every samenloop rule.
 * Events of other products are passed by.
 */
export function abonneerTerugkijken(ctx: HubContext): void {
  ctx.bus.subscribe(TERUGKIJK_CONSUMER, [INDICATIES_VASTGELEGD], async function samenloopTerugkijken(event) {
    const ref = event.data as NieuweIndicaties
    if (ref.product !== PRODUCT) return
    await kijkTerug(ctx, ref, SAMENLOOP_REGELS, { trace: { traceId: event.traceId ?? newTraceId(), spanId: newSpanId() } })
  })
}
