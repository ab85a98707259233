import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { AppError } from '../../core/index.js'
import type { OrganisatieSoort } from '../access/organisatie.js'
import { parseRegisterEntry, type RegisterEntry } from './register-entry.js'

export interface GegevensRegister {
  readonly entries: readonly RegisterEntry[]
  product(naam: string): RegisterEntry | undefined
  /** Throws `not-found` for an unknown product: the one place that decides whether a product exists. */
  requireProduct(naam: string): RegisterEntry
  productNamen(): readonly string[]
  /** The registered field names of a product for one recipient kind. */
  velden(product: string, ontvanger: OrganisatieSoort): ReadonlySet<string>
}

export function createRegister(entries: readonly RegisterEntry[]): GegevensRegister {
  const byName = new Map(entries.map((e) => [e.naam, e]))
  if (byName.size !== entries.length) throw new AppError('invalid', 'register.dubbel', 'een product staat dubbel in het gegevensregister')
  const fieldCache = new Map<string, ReadonlySet<string>>()
  return Object.freeze({
    entries,
    product: (naam: string) => byName.get(naam),
    requireProduct(naam: string) {
      const e = byName.get(naam)
      if (!e) throw new AppError('not-found', 'product.onbekend', `onbekend product '${naam}'`, [{ name: 'product', code: 'product-onbekend', reason: `bekende producten: ${[...byName.keys()].join(', ')}` }])
      return e
    },
    productNamen: () => [...byName.keys()].sort(),
    velden(product: string, ontvanger: OrganisatieSoort) {
      const key = `${product}\u0000${ontvanger}`
      let set = fieldCache.get(key)
      if (!set) {
        set = new Set((byName.get(product)?.gegevens ?? []).filter((g) => g.ontvangers.includes(ontvanger)).map((g) => g.naam))
        fieldCache.set(key, set)
      }
      return set
    },
  })
}

/** Reads every `*.json` in the register folder, validated at start-up so a bad entry stops the hub early. */
export function loadRegister(dir: string): GegevensRegister {
  const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort()
  return createRegister(files.map((f) => parseRegisterEntry(JSON.parse(readFileSync(join(dir, f), 'utf8')) as unknown, f)))
}
