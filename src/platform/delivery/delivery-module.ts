import type { HubContext, RouteModule } from '../../adapters/http/hub-context.js'
import { createAbonnementenService } from './abonnementen-service.js'
import { CONSUMER_NAME, GEBEURTENIS_CONSUMER_NAME, GEBEURTENIS_TYPES, planAfleveringen, planGebeurtenis, PLANNING_BATCH, SIGNAAL_AANGEMAAKT } from './delivery-consumer.js'
import { resolveDeliveryOptions, type DeliveryOptions } from './delivery-options.js'
import { deliveryRoutes } from './delivery-routes.js'
import { startDeliveryWorker, type DeliveryWorker } from './delivery-worker.js'
import { toegangCache, type ToegangVan } from './toegang-cache.js'

/**
 * Event-driven delivery to afnemers: the `/abonnementen` API, bus consumers that plan one delivery per matching
 * subscription for every new signal and every notice (an OIB month changed), and a worker that sends them as
 * signed CloudEvents with persisted retries.
 * One module value may serve several hubs (tests): each hub context gets its own worker.
 *
 * @example
 * createDeliveryModule({ allowPrivateUrls: config.mode !== 'productie', publicUrl: config.publicUrl, hubOin })
 */
export function createDeliveryModule(options: DeliveryOptions): RouteModule {
  const opts = resolveDeliveryOptions(options)
  const workers = new WeakMap<HubContext, DeliveryWorker>()
  // One cache per hub, shared by the planner and the worker: both re-check access.
  const toegangen = new WeakMap<HubContext, ToegangVan>()
  const toegang = (ctx: HubContext) => { let t = toegangen.get(ctx); if (!t) toegangen.set(ctx, (t = toegangCache(ctx, opts.toegangCacheMs))); return t }
  const wake = (ctx: HubContext) => () => workers.get(ctx)?.wake()
  const urlGuard = { allowPrivateUrls: opts.allowPrivateUrls, ...(opts.resolve ? { resolve: opts.resolve } : {}) }
  return {
    naam: 'webhooks',
    routes: (ctx) => deliveryRoutes(ctx, createAbonnementenService(ctx, urlGuard, wake(ctx), opts.berichten)),
    subscribe(ctx) {
      ctx.bus.subscribeBatch(CONSUMER_NAME, [SIGNAAL_AANGEMAAKT], async function planWebhooks(events) {
        if (await planAfleveringen(ctx, events, opts, toegang(ctx))) wake(ctx)()
      }, { maxBatch: PLANNING_BATCH })
      ctx.bus.subscribe(GEBEURTENIS_CONSUMER_NAME, GEBEURTENIS_TYPES, async function planMeldingen(event) {
        if (await planGebeurtenis(ctx, event)) wake(ctx)()
      })
    },
    async start(ctx) {
      const worker = startDeliveryWorker(ctx, opts, toegang(ctx))
      workers.set(ctx, worker)
      return async function stopWebhooks() {
        workers.delete(ctx)
        await worker.stop()
      }
    },
  }
}

/** Production settings (SSRF check on, demo hub OIN, localhost links): the lead passes the real values through `createDeliveryModule`. */
export const deliveryModule: RouteModule = createDeliveryModule({ allowPrivateUrls: false })
