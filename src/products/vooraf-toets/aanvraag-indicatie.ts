import type { Bsn, Clock, Datum } from '../../core/index.js'
import type { Executor } from '../../platform/tables.js'
import { aanvraagPeriode } from './vooraf-toets-invoer.js'

export interface AanvraagIndicatie {
  readonly ingangsdatum: Datum
  readonly einddatum: Datum
  /** False when the same aanvraag (reference and peildatum) already had its indication: nothing was added. */
  readonly nieuw: boolean
  /** The `populatie_regels` row id of the indication (for the look-back event; not part of the API answer). */
  readonly id: number
}

/**
 * Records the 3-month `aanvraag` indication in the samenloop population of the asking gemeente, so facts that
 * arrive while the aanvraag is handled produce samenloop signals too. Asking again for the same aanvraag adds
 * nothing. Runs inside the caller's transaction, next to the ledger line.
 */
export async function legAanvraagIndicatieVast(tx: Executor, clock: Clock, a: {
  readonly oin: string; readonly product: string; readonly bsn: Bsn; readonly aanvraagReferentie: string; readonly peildatum: Datum
}): Promise<AanvraagIndicatie> {
  const { van, tot } = aanvraagPeriode(a.peildatum)
  const bestaand = await tx.selectFrom('populatie_regels').select('id')
    .where('oin', '=', a.oin).where('product', '=', a.product).where('bsn', '=', a.bsn).where('herkomst', '=', 'aanvraag')
    .where('referentie', '=', a.aanvraagReferentie).where('ingangsdatum', '=', van).where('vervangen', 'is', null)
    .executeTakeFirst()
  if (bestaand) return { ingangsdatum: van, einddatum: tot, nieuw: false, id: Number(bestaand.id) }
  const { id } = await tx.insertInto('populatie_regels').values({
    oin: a.oin, product: a.product, bsn: a.bsn, ingangsdatum: van, einddatum: tot, referentie: a.aanvraagReferentie,
    herkomst: 'aanvraag', vastgelegd: clock.now().toISOString(), vervangen: null,
  }).returning('id').executeTakeFirstOrThrow()
  return { ingangsdatum: van, einddatum: tot, nieuw: true, id: Number(id) }
}
