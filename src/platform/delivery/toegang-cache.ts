import type { HubContext } from '../../adapters/http/hub-context.js'
import type { Organisatie } from '../access/index.js'

export type ToegangVan = (oin: string) => Toegang

/** An organisation and the products it takes, as the re-checks at planning and at send time read them. */
export interface Toegang { readonly organisatie: Promise<Organisatie | undefined>; readonly producten: Promise<readonly string[]> }

/**
 * `Toegang` per OIN, reused for `ms` (monotonic time) by every planning turn and claimed batch: the re-checks then
 * cost no round trip for an organisation seen within the bound, and a product that ended (or an organisation removed) stops
 * deliveries at most `ms` later. Concurrent batches share one read; a failed read is not kept.
 */
export function toegangCache(ctx: HubContext, ms: number): ToegangVan {
  const entries = new Map<string, Toegang & { readonly tot: number }>()
  return function toegang(oin: string): Toegang {
    const nu = performance.now()
    let e = entries.get(oin)
    if (!e || e.tot <= nu) {
      if (entries.size > 10_000) entries.clear() // bounded: organisations are few, but never grow without end
      const nieuw = { tot: nu + ms, organisatie: ctx.access.organisatie(oin), producten: ctx.access.producten(oin) as Promise<readonly string[]> }
      const vergeet = () => { if (entries.get(oin) === nieuw) entries.delete(oin) }
      nieuw.organisatie.catch(vergeet)
      nieuw.producten.catch(vergeet)
      if (ms > 0) entries.set(oin, nieuw)
      e = nieuw
    }
    return e
  }
}

/** One look per organisation for one planning turn or claimed batch, also when the cache is off (`ms` 0). */
export function perBeurt(toegang: ToegangVan): ToegangVan {
  const perOin = new Map<string, Toegang>()
  return (oin) => { let t = perOin.get(oin); if (!t) perOin.set(oin, (t = toegang(oin))); return t }
}
