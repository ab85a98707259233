import type { FastifyPluginAsync } from 'fastify'
import type { Authenticate } from '../auth.js'
import type { HttpConfig, HubContext } from '../hub-context.js'
import { beheerRoutes } from './beheer-routes.js'
import { healthRoutes } from './health-routes.js'
import { inzageRoutes } from './inzage-routes.js'
import { oauthRoutes } from './oauth-routes.js'
import { registerRoutes } from './register-routes.js'

export interface RouteDeps {
  readonly ctx: HubContext
  readonly config: HttpConfig
  readonly authenticate: Authenticate
}

/** The platform's own routes; products add theirs as RouteModules. */
export const platformRoutes = (deps: RouteDeps): FastifyPluginAsync => async (app) => {
  for (const routes of [healthRoutes, oauthRoutes, registerRoutes, inzageRoutes, beheerRoutes]) await app.register(routes(deps))
}
