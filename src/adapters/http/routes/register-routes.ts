import type { FastifyPluginAsync } from 'fastify'
import type { RouteDeps } from './index.js'

/** The gegevensregister, published without authentication: anyone may see what the hub processes and why. */
export const registerRoutes = ({ ctx }: RouteDeps): FastifyPluginAsync => async (app) => {
  app.get('/api/v1/gegevensregister', {
    schema: { tags: ['gegevensregister'], summary: 'Het gegevensregister: per product doel, grondslag, gegevens, ontvangers en bewaartermijn' },
  }, async (_request, reply) => {
    reply.header('Access-Control-Allow-Origin', '*')
    return { producten: ctx.register.entries }
  })
  app.get('/api/v1/gegevensregister/:product', {
    schema: { tags: ['gegevensregister'], summary: 'Eén product uit het gegevensregister', params: { type: 'object', properties: { product: { type: 'string' } }, required: ['product'] } },
  }, async (request, reply) => {
    reply.header('Access-Control-Allow-Origin', '*')
    return ctx.register.requireProduct((request.params as { product: string }).product)
  })
}
