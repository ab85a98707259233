import type { Bsn, Datum } from '../../core/index.js'
import { neemtProductAf } from '../access/index.js'
import type { Executor } from '../tables.js'
import type { Indicatie } from './feit.js'

/** Bound parameters per IN-list: far below SQLite's and PostgreSQL's limits, large enough for few round trips. */
const IN_LIJST = 5_000

/**
 * The current indications (rows not replaced by a later upload or mutation) of `product` for these BSNs, with the
 * afnemer's gemeentecode. Set-based: one query per 5,000 BSNs. Reads `populatie_regels` directly, so matching does
 * not depend on the population module's code, only on its table contract.
 */
export async function huidigeIndicaties(db: Executor, product: string | readonly string[], bsns: Iterable<string>, afgenomenOp?: Datum): Promise<Indicatie[]> {
  const producten = typeof product === 'string' ? [product] : [...product]
  const uniek = [...new Set(bsns)]
  if (producten.length === 0 || uniek.length === 0) return []
  const uit: Indicatie[] = []
  for (let i = 0; i < uniek.length; i += IN_LIJST) {
    let q = db.selectFrom('populatie_regels as p')
      .leftJoin('organisaties as o', 'o.oin', 'p.oin')
      .select(['p.oin', 'p.product', 'p.bsn', 'p.ingangsdatum', 'p.einddatum', 'o.gemeentecode'])
      .where('p.product', 'in', producten)
      .where('p.vervangen', 'is', null)
      .where('p.bsn', 'in', uniek.slice(i, i + IN_LIJST))
    // Only afnemers that take the product on `afgenomenOp`: no signal (nor ledger line) for a product that ended.
    if (afgenomenOp) q = q.where(neemtProductAf('p', afgenomenOp))
    const rows = await q.orderBy('p.id').execute()
    for (const r of rows) {
      uit.push({
        oin: r.oin, product: r.product, bsn: r.bsn as Bsn,
        periode: { van: r.ingangsdatum as Datum, tot: (r.einddatum || undefined) as Datum | undefined },
        gemeentecode: gemeentecodeCijfers(r.gemeentecode),
      })
    }
  }
  return uit
}

/** `GM0344` or `0344` → `0344`; anything else → undefined. */
export function gemeentecodeCijfers(code: string | null | undefined): string | undefined {
  const m = code ? /(\d{4})$/.exec(code) : null
  return m ? m[1] : undefined
}
