import type { HubContext } from '../../adapters/http/hub-context.js'
import { appendToOutbox, type HubEvent } from '../../platform/events/index.js'
import { getroffenOverzichten } from './oib-store.js'

export const OVERZICHT_GEWIJZIGD = 'knooppunt.oib.overzicht-gewijzigd.v1'

interface FeitenVastgelegd { readonly bron?: string; readonly leveringId?: string; readonly opgeslagen?: number }

/** Fact events per consumer turn. */
export const OVERZICHT_BATCH = 200

/**
 * Bus consumer (batch): when polis facts are stored, tells each gemeente whose OIB overview of a month changed, once
 * per (gemeente, month) per consumer turn — a turn takes every fact event waiting, so many events about one month
 * make one notice, in one transaction. The event names no BSN; the gemeente reads the overview through the API (which
 * writes the ledger lines); it carries the trace of the first delivery that touched the month. At least once: a
 * redelivered event may announce the same month again, which is harmless.
 */
export function overzichtGewijzigdConsument(ctx: HubContext) {
  return async function meldGewijzigdeOverzichten(events: readonly HubEvent[]): Promise<void> {
    const traces = new Map<string, string | undefined>()
    for (const event of events) {
      const data = event.data as FeitenVastgelegd
      if (data.bron !== 'uwv-polis' || typeof data.leveringId !== 'string' || data.opgeslagen === 0) continue
      if (!traces.has(data.leveringId)) traces.set(data.leveringId, event.traceId)
    }
    if (traces.size === 0) return
    const aantal = await ctx.database.db.transaction().execute(async (tx) => {
      const getroffen = await getroffenOverzichten(tx, [...traces.keys()])
      await appendToOutbox(tx, ctx.clock, getroffen.map(({ oin, periode, leveringId }) => ({ type: OVERZICHT_GEWIJZIGD, data: { oin, periode }, traceId: traces.get(leveringId) })))
      return getroffen.length
    })
    if (aantal > 0) ctx.bus.notify()
  }
}
