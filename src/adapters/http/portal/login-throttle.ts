import type { Clock } from '../../../core/index.js'

export interface LoginThrottle {
  /** Minutes to wait when this name is locked out, else 0. */
  blockedMinutes(gebruikersnaam: string): number
  failed(gebruikersnaam: string): void
  succeeded(gebruikersnaam: string): void
}

/**
 * Slows password guessing per user name: after `maxFailures` wrong passwords within the window, that name is locked
 * for the rest of the window. The global rate limiter protects the server; this protects one account.
 */
export function createLoginThrottle(o: { clock: Clock; maxFailures?: number; windowMinutes?: number }): LoginThrottle {
  const max = o.maxFailures ?? 10
  const windowMs = (o.windowMinutes ?? 15) * 60_000
  const failures = new Map<string, { count: number; since: number }>()
  const key = (name: string) => name.trim().toLowerCase()
  const now = () => o.clock.now().getTime()

  function current(name: string): { count: number; since: number } | undefined {
    const f = failures.get(key(name))
    if (f && now() - f.since > windowMs) {
      failures.delete(key(name))
      return undefined
    }
    return f
  }

  return {
    blockedMinutes(name) {
      const f = current(name)
      if (!f || f.count < max) return 0
      return Math.max(1, Math.ceil((f.since + windowMs - now()) / 60_000))
    },
    failed(name) {
      const f = current(name)
      if (f) f.count += 1
      else {
        if (failures.size > 10_000) failures.clear() // a flood of random names must not exhaust memory
        failures.set(key(name), { count: 1, since: now() })
      }
    },
    succeeded(name) { failures.delete(key(name)) },
  }
}
