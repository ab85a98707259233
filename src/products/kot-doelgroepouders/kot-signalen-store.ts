import { createHash } from 'node:crypto'
import { newId, type Clock } from '../../core/index.js'
import { appendToOutbox } from '../../platform/events/index.js'
import type { Executor } from '../../platform/tables.js'
import type { KotSignaalKandidaat } from './vergelijk-doelgroepouders.js'

/** SHA-256 of what the signal says (not where it came from): a re-delivered identical file adds nothing. */
export function inhoudHash(k: KotSignaalKandidaat): string {
  return createHash('sha256').update(JSON.stringify([k.soort, k.bsn, k.periode, k.gegevens])).digest('hex')
}

/**
 * Stores candidate signals in `signalen` inside the caller's transaction and announces each new one on the outbox
 * (`knooppunt.signaal.aangemaakt.v1`, no BSN). Deduplication by the table's unique key (oin, product, soort, sleutel,
 * inhoud_hash): the same difference again adds nothing; the same key with other content is a new signal with
 * `correctie = 1`. Returns the ids of the new signals.
 *
 * Written for the signals service to take over: it follows the `signalen` columns only and depends on nothing but
 * the outbox.
 */
export async function bewaarSignalen(tx: Executor, clock: Clock, a: {
  readonly oin: string; readonly product: string; readonly kandidaten: readonly KotSignaalKandidaat[]; readonly traceId?: string | undefined
}): Promise<string[]> {
  const nieuw: Array<{ id: string; soort: string }> = []
  const aangemaakt = clock.now().toISOString()
  for (let i = 0; i < a.kandidaten.length; i += 400) {
    const deel = a.kandidaten.slice(i, i + 400)
    const eerder = await tx.selectFrom('signalen').select(['soort', 'sleutel'])
      .where('oin', '=', a.oin).where('product', '=', a.product).where('sleutel', 'in', deel.map((k) => k.sleutel)).execute()
    const bekend = new Set(eerder.map((r) => `${r.soort}\u0000${r.sleutel}`))
    const rows = deel.map((k) => ({
      id: newId(), oin: a.oin, product: a.product, soort: k.soort, bsn: k.bsn, sleutel: k.sleutel, inhoud_hash: inhoudHash(k),
      periode_van: k.periode.van, periode_tot: k.periode.tot, bronnen: JSON.stringify(k.bronnen), regel_id: k.regel.id,
      regel_versie: k.regel.versie, uitleg: k.uitleg, gegevens: JSON.stringify(k.gegevens),
      correctie: bekend.has(`${k.soort}\u0000${k.sleutel}`) ? 1 : 0, status: 'nieuw', terugmelding: null, aangemaakt,
    }))
    const ingevoegd = await tx.insertInto('signalen').values(rows)
      .onConflict((oc) => oc.columns(['oin', 'product', 'soort', 'sleutel', 'inhoud_hash']).doNothing())
      .returning(['id', 'soort']).execute()
    nieuw.push(...ingevoegd)
  }
  await appendToOutbox(tx, clock, nieuw.map((s) => ({
    type: 'knooppunt.signaal.aangemaakt.v1', data: { signaalId: s.id, oin: a.oin, product: a.product, soort: s.soort }, traceId: a.traceId,
  })))
  return nieuw.map((s) => s.id)
}
