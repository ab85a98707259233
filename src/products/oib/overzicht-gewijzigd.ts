import type { HubContext } from '../../adapters/http/hub-context.js'
import { appendToOutbox, type HubEvent } from '../../platform/events/index.js'
import { getroffenOverzichten } from './oib-store.js'

export const OVERZICHT_GEWIJZIGD = 'knooppunt.oib.overzicht-gewijzigd.v1'

interface FeitenVastgelegd { readonly bron?: string; readonly leveringId?: string; readonly opgeslagen?: number }

/**
 * Bus consumer: when polis facts are stored, tells each gemeente whose OIB overview of a month changed, once per
 * (gemeente, month) per delivery. The event names no BSN; the gemeente reads the overview through the API (which
 * writes the ledger lines). At least once: a redelivered event may announce the same month again, which is harmless.
 */
export function overzichtGewijzigdConsument(ctx: HubContext) {
  return async function meldGewijzigdeOverzichten(event: HubEvent): Promise<void> {
    const data = event.data as FeitenVastgelegd
    if (data.bron !== 'uwv-polis' || typeof data.leveringId !== 'string' || data.opgeslagen === 0) return
    const leveringId = data.leveringId
    const aantal = await ctx.database.db.transaction().execute(async (tx) => {
      const getroffen = await getroffenOverzichten(tx, leveringId)
      await appendToOutbox(tx, ctx.clock, getroffen.map(({ oin, periode }) => ({ type: OVERZICHT_GEWIJZIGD, data: { oin, periode }, traceId: event.traceId })))
      return getroffen.length
    })
    if (aantal > 0) ctx.bus.notify()
  }
}
