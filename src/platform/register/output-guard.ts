import type { OrganisatieSoort } from '../access/organisatie.js'
import type { GegevensRegister } from './register.js'

export interface GuardResult<T> {
  readonly record: Partial<T>
  /** Fields that were removed because the register does not allow them for this product and recipient. */
  readonly verwijderd: readonly string[]
}

/**
 * The output guard: every delivery path (API, webhook, file export, portal) sends records through here. A field
 * that is not registered for the product and the recipient's kind never leaves the hub. Unregistered fields are
 * removed, not passed; the caller reports `verwijderd` (a non-empty list is a bug in the product, logged).
 * Only top-level fields are checked: a registered field may hold a nested object (e.g. `periode`).
 */
export function guardOutput<T extends Record<string, unknown>>(
  register: GegevensRegister, product: string, ontvanger: OrganisatieSoort, record: T,
): GuardResult<T> {
  const allowed = register.velden(product, ontvanger)
  const out: Record<string, unknown> = {}
  const verwijderd: string[] = []
  for (const [k, v] of Object.entries(record)) {
    if (allowed.has(k)) out[k] = v
    else verwijderd.push(k)
  }
  return { record: out as Partial<T>, verwijderd }
}

