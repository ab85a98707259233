import type { FastifyPluginAsync, FastifyRequest } from 'fastify'
import type { Principal } from '../../platform/access/index.js'

/**
 * What the HTTP server needs from the portal (web login). The portal owns the OpenID Connect login, the session
 * cookie and the static SPA; the API only asks it "who is this browser?".
 */
export interface Portal {
  /** Registers /oidc (embedded provider, demo), /portaal/* (login, callback, logout) and the SPA at `/`. */
  readonly plugin: FastifyPluginAsync
  /** The logged-in user of this request, from the session cookie; undefined when there is no valid session. */
  principalFromRequest(request: FastifyRequest): Promise<Principal | undefined>
  close(): Promise<void>
}

/** Header the SPA sends on every API call; a cookie session is only accepted with it (CSRF defence). */
export const PORTAL_HEADER = 'x-knooppunt-portaal'
