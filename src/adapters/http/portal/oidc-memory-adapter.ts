import type { AdapterFactory, AdapterPayload } from 'oidc-provider'
import type { Clock } from '../../../core/index.js'

interface Entry { readonly payload: AdapterPayload; readonly expiresAt: number }

/**
 * Storage for the embedded provider's sessions, interactions, codes and tokens: in memory, with expiry by the hub's
 * clock. Ours rather than the package's quick-start adapter so it is scoped to one provider instance (tests run
 * several side by side) and does not print a development warning in the demo. Portal sessions are in memory too,
 * so a restart logs everybody out either way; a multi-instance deployment uses an external provider (`extern`).
 */
export function createOidcMemoryAdapter(clock: Clock): AdapterFactory {
  const store = new Map<string, Entry>()
  const now = () => clock.now().getTime()

  function get(key: string): AdapterPayload | undefined {
    const e = store.get(key)
    if (!e) return undefined
    if (e.expiresAt <= now()) {
      store.delete(key)
      return undefined
    }
    return e.payload
  }

  function set(key: string, payload: AdapterPayload, expiresIn: number): void {
    // Sweep on write: cheap at demo scale and keeps the map from growing with abandoned logins.
    if (store.size > 1000) for (const [k, e] of store) if (e.expiresAt <= now()) store.delete(k)
    store.set(key, { payload, expiresAt: now() + expiresIn * 1000 })
  }

  return class OidcMemoryAdapter {
    constructor(private readonly model: string) {}

    private key(id: string): string { return `${this.model}:${id}` }

    async upsert(id: string, payload: AdapterPayload, expiresIn: number): Promise<void> {
      set(this.key(id), payload, expiresIn)
      if (this.model === 'Session' && payload.uid) set(`uid:${payload.uid}`, { id }, expiresIn)
      if (payload.grantId) {
        const grant = get(`grant:${payload.grantId}`)
        const keys = (grant?.keys as string[] | undefined) ?? []
        set(`grant:${payload.grantId}`, { keys: [...keys, this.key(id)] }, expiresIn)
      }
      if (payload.userCode) set(`userCode:${payload.userCode}`, { id }, expiresIn)
    }

    async find(id: string): Promise<AdapterPayload | undefined> { return get(this.key(id)) }

    async findByUid(uid: string): Promise<AdapterPayload | undefined> {
      const ref = get(`uid:${uid}`)
      return typeof ref?.id === 'string' ? get(this.key(ref.id)) : undefined
    }

    async findByUserCode(userCode: string): Promise<AdapterPayload | undefined> {
      const ref = get(`userCode:${userCode}`)
      return typeof ref?.id === 'string' ? get(this.key(ref.id)) : undefined
    }

    async consume(id: string): Promise<void> {
      const e = store.get(this.key(id))
      if (e) e.payload.consumed = Math.floor(now() / 1000)
    }

    async destroy(id: string): Promise<void> { store.delete(this.key(id)) }

    async revokeByGrantId(grantId: string): Promise<void> {
      const grant = get(`grant:${grantId}`)
      for (const key of (grant?.keys as string[] | undefined) ?? []) store.delete(key)
      store.delete(`grant:${grantId}`)
    }
  }
}
