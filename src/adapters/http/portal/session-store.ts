import { randomBytes } from 'node:crypto'
import type { Clock } from '../../../core/index.js'

/** What the hub remembers about a logged-in browser. Only the user id: roles and products are re-read per request. */
export interface PortalSession {
  readonly id: string
  readonly gebruikerId: string
  readonly aangemaakt: number
  laatstGezien: number
}

export interface SessionStoreOptions {
  readonly clock: Clock
  /** Ends a session that has not been used for this long (default 30 minutes). */
  readonly idleSeconds?: number
  /** Ends every session after this long, used or not (default 10 hours: one working day). */
  readonly absoluteSeconds?: number
}

export interface SessionStore {
  create(gebruikerId: string): PortalSession
  /** The live session with this id, its idle timer restarted; undefined when unknown or expired. */
  touch(id: string): PortalSession | undefined
  destroy(id: string): void
  clear(): void
  readonly size: number
}

/**
 * Portal sessions in memory. Session ids are 256-bit random values; the cookie carries them sealed, so a guessed or
 * altered cookie never reaches this map.
 */
export function createSessionStore(o: SessionStoreOptions): SessionStore {
  const idleMs = (o.idleSeconds ?? 30 * 60) * 1000
  const absoluteMs = (o.absoluteSeconds ?? 10 * 60 * 60) * 1000
  const sessions = new Map<string, PortalSession>()
  const now = () => o.clock.now().getTime()
  const expired = (s: PortalSession, t: number) => t - s.laatstGezien > idleMs || t - s.aangemaakt > absoluteMs

  function sweep(t: number): void {
    for (const [id, s] of sessions) if (expired(s, t)) sessions.delete(id)
  }

  return {
    create(gebruikerId) {
      const t = now()
      if (sessions.size % 100 === 0) sweep(t)
      const s: PortalSession = { id: randomBytes(32).toString('base64url'), gebruikerId, aangemaakt: t, laatstGezien: t }
      sessions.set(s.id, s)
      return s
    },
    touch(id) {
      const s = sessions.get(id)
      if (!s) return undefined
      const t = now()
      if (expired(s, t)) {
        sessions.delete(id)
        return undefined
      }
      s.laatstGezien = t
      return s
    },
    destroy: (id) => { sessions.delete(id) },
    clear: () => sessions.clear(),
    get size() { return sessions.size },
  }
}
