import type { FastifyPluginAsync } from 'fastify'
import { AppError } from '../../../core/index.js'
import type { RouteDeps } from './index.js'

/** Liveness, readiness (store and bus reachable), Prometheus metrics and the OpenAPI document. */
export const healthRoutes = ({ ctx }: RouteDeps): FastifyPluginAsync => async (app) => {
  app.get('/health/live', { schema: { hide: true } }, async () => ({ status: 'ok' }))

  app.get('/health/ready', { schema: { hide: true } }, async () => {
    const checks = await Promise.allSettled([ctx.database.ping(), ctx.bus.ping()])
    const [store, bus] = checks.map((c) => (c.status === 'fulfilled' ? 'ok' : 'onbereikbaar'))
    if (store !== 'ok' || bus !== 'ok')
      throw new AppError('unavailable', 'gezondheid.niet-gereed', `niet gereed: opslag ${store}, bus ${bus}`)
    return { status: 'ok', opslag: store, bus }
  })

  app.get('/metrics', { schema: { hide: true } }, async (_request, reply) => {
    reply.type(ctx.metrics.registry.contentType)
    return ctx.metrics.registry.metrics()
  })

  app.get('/api/v1/openapi.json', { schema: { hide: true } }, async (_request, reply) => {
    reply.header('Access-Control-Allow-Origin', '*')
    return app.swagger()
  })
}
