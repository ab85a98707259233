import type { HubContext } from '../../adapters/http/hub-context.js'
import { runKwsRetention, verwerkVolgendeBatch } from './toetsingen.js'

const wekkers = new WeakMap<HubContext, () => void>()

/** Tells the running worker of this hub that a toetsing was queued, so it does not wait for its next poll. */
export function wekKwsWorker(ctx: HubContext): void {
  wekkers.get(ctx)?.()
}

export interface KwsWorkerOpties {
  /** How long the worker sleeps when there is nothing to do (another hub instance may queue work). */
  readonly intervalMs?: number
  /** How often expired toetsingen are deleted. */
  readonly retentieIntervalMs?: number
  readonly onFout?: (e: unknown) => void
}

/**
 * Processes queued toetsingen batch by batch until stopped; deletes expired ones once a day. Several hub instances
 * may run it at once: a toetsing is claimed per batch (see `verwerkVolgendeBatch`).
 */
export async function startKwsWorker(ctx: HubContext, opties: KwsWorkerOpties = {}): Promise<() => Promise<void>> {
  const interval = opties.intervalMs ?? 1000
  const retentieInterval = opties.retentieIntervalMs ?? 24 * 3600_000
  let actief = true
  let wek: (() => void) | undefined
  let volgendeRetentie = 0
  wekkers.set(ctx, () => wek?.())
  const slaap = (ms: number) => new Promise<void>((resolve) => {
    const t = setTimeout(() => { wek = undefined; resolve() }, ms)
    wek = () => { clearTimeout(t); wek = undefined; resolve() }
  })
  const lus = (async () => {
    while (actief) {
      let bezig = false
      try {
        if (Date.now() >= volgendeRetentie) { await runKwsRetention(ctx, ctx.clock.now()); volgendeRetentie = Date.now() + retentieInterval }
        bezig = await verwerkVolgendeBatch(ctx)
      } catch (e) {
        opties.onFout?.(e)
      }
      if (actief && !bezig) await slaap(interval)
    }
  })()
  return async () => {
    actief = false
    wek?.()
    await lus
    wekkers.delete(ctx)
  }
}
