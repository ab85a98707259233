import type { FastifyRequest } from 'fastify'
import type { Keyring } from '../../../platform/keyring/index.js'
import { cookieName, expireCookie, readCookie, seal, serializeCookie, unseal } from './cookies.js'
import type { PortalSession, SessionStore } from './session-store.js'

export interface SessionCookie {
  /** The live session this request's cookie points to (and restarts its idle timer). */
  read(request: Pick<FastifyRequest, 'headers'>): Promise<PortalSession | undefined>
  /** `Set-Cookie` value binding the browser to `session`. */
  issue(session: PortalSession): string
  /** `Set-Cookie` value that removes the cookie. */
  clear(): string
}

/**
 * The session cookie holds only the session id, sealed (AES-256-GCM) with the keyring's session key: it cannot be
 * read, forged or altered, and it is a browser-session cookie (no Max-Age); the server decides when it expires.
 */
export function createSessionCookie(o: { keyring: Keyring; sessions: SessionStore; secure: boolean }): SessionCookie {
  const name = cookieName('knooppunt-sessie', o.secure, '/')
  const attrs = { path: '/', secure: o.secure }
  return {
    async read(request) {
      const sealed = readCookie(request.headers.cookie, name)
      const value = unseal<{ sid?: unknown }>(o.keyring, sealed)
      return typeof value?.sid === 'string' ? o.sessions.touch(value.sid) : undefined
    },
    issue: (session) => serializeCookie(name, seal(o.keyring, { sid: session.id }), attrs),
    clear: () => expireCookie(name, attrs),
  }
}
