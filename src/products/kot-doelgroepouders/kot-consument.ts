import type { HubContext } from '../../adapters/http/hub-context.js'
import { newSpanId, newTraceId } from '../../core/index.js'
import type { HubEvent } from '../../platform/events/index.js'
import { gemeentecodeVan, vergelijkGemeente } from './kot-vergelijking.js'
import { leesBestand, maandenVanLevering } from './kot-store.js'
import { BRON, PRODUCT } from './vergelijk-doelgroepouders.js'

/** Every gemeente that takes the product and has a gemeentecode (the file is per gemeentecode). */
async function kotGemeenten(ctx: HubContext): Promise<Array<{ oin: string; gemeentecode: string }>> {
  const uit: Array<{ oin: string; gemeentecode: string }> = []
  for (const o of await ctx.access.organisaties()) {
    const gemeentecode = gemeentecodeVan(o)
    if (o.soort !== 'gemeente' || !gemeentecode) continue
    if ((await ctx.access.producten(o.oin)).includes(PRODUCT)) uit.push({ oin: o.oin, gemeentecode })
  }
  return uit
}

/**
 * Bus consumer: when the Belastingdienst file (or part of it) is stored, compares each month it covers for every
 * gemeente that takes the product and has lines in this delivery. A gemeente the delivery does not mention is left
 * alone: if the file comes in parts, its part may still be on its way, and comparing now would report every
 * registered parent as missing (the manual run compares on request). One transaction per gemeente and month, so a
 * large run commits in steps; a redelivered event compares again and adds nothing (signals are deduplicated).
 */
export function kotConsument(ctx: HubContext) {
  return async function vergelijkNaLevering(event: HubEvent): Promise<void> {
    const data = event.data as { bron?: string; leveringId?: string; opgeslagen?: number }
    if (data.bron !== BRON || typeof data.leveringId !== 'string' || data.opgeslagen === 0) return
    const db = ctx.database.db
    const maanden = await maandenVanLevering(db, data.leveringId)
    if (maanden.length === 0) return
    const gemeenten = await kotGemeenten(ctx)
    const trace = { traceId: event.traceId ?? newTraceId(), spanId: newSpanId() }
    for (const periode of maanden) {
      const bestand = await leesBestand(db, periode)
      const genoemd = bestand.gemeentenIn(data.leveringId)
      for (const g of gemeenten.filter((x) => genoemd.has(x.gemeentecode))) {
        await db.transaction().execute((tx) => vergelijkGemeente(ctx, tx, { ...g, periode, bestand, trace }))
        ctx.bus.notify()
      }
    }
  }
}
