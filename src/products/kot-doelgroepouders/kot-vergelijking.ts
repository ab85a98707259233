import type { HubContext } from '../../adapters/http/hub-context.js'
import { AppError, type Bsn, type Maand, type TraceContext } from '../../core/index.js'
import type { Organisatie } from '../../platform/access/index.js'
import type { Transaction } from 'kysely'
import type { Tables } from '../../platform/tables.js'
import { bewaarSignalen } from './kot-signalen-store.js'
import { leesRegistratie, type BestandVanMaand } from './kot-store.js'
import { PRODUCT, vergelijkDoelgroepouders } from './vergelijk-doelgroepouders.js'

/** What one comparison of one gemeente and month found. */
export interface KotVergelijking {
  readonly periode: Maand
  readonly gemeentecode: string
  readonly inBestand: number
  readonly geregistreerd: number
  /** Differences found now, per direction (including ones signalled before). */
  readonly verschillen: { readonly 'niet-geregistreerd': number; readonly 'niet-in-bestand': number }
  /** Signals that are new with this run. */
  readonly nieuweSignalen: number
}

/** The four-digit CBS code of a gemeente (`GM0344` and `0344` both give `0344`), or undefined. */
export function gemeentecodeVan(o: Organisatie): string | undefined {
  return /(\d{4})$/.exec(o.gemeentecode ?? '')?.[1]
}

/** Throws when the organisation has no gemeentecode: the file is per gemeentecode, so nothing can be compared. */
export function vereisGemeentecode(o: Organisatie): string {
  const code = gemeentecodeVan(o)
  if (!code) throw new AppError('conflict', 'kot.gemeentecode-onbekend', 'voor uw organisatie is geen gemeentecode vastgelegd; de beheerder van de hub moet die eerst invullen')
  return code
}

/**
 * Compares one gemeente's registration with the month's file, stores the new differences as signals and writes
 * one ledger line per parent compared (in the file for this gemeente, or registered), all in `tx`.
 */
export async function vergelijkGemeente(ctx: HubContext, tx: Transaction<Tables>, a: {
  readonly oin: string; readonly gemeentecode: string; readonly periode: Maand; readonly bestand: BestandVanMaand; readonly trace: TraceContext
}): Promise<KotVergelijking> {
  const regels = a.bestand.perGemeente(a.gemeentecode)
  const registratie = await leesRegistratie(tx, a.oin, a.periode)
  const kandidaten = vergelijkDoelgroepouders({ periode: a.periode, bestand: regels, registratie, leveringen: a.bestand.leveringen })
  const nieuw = await bewaarSignalen(tx, ctx.database.dialect, ctx.clock, { oin: a.oin, product: PRODUCT, kandidaten, traceId: a.trace.traceId })
  const bsns = new Set([...regels.map((r) => r.bsn), ...registratie.map((r) => r.bsn)])
  await ctx.ledger.record(tx, [...bsns].map((bsn) => ({
    trace: a.trace, activiteit: 'vergelijken', verwerkingsactiviteit: 'kot.vergelijken', product: PRODUCT, betrokkene: bsn as Bsn, actorOin: a.oin,
  })))
  if (bsns.size) ctx.metrics.ledgerLines.inc({ product: PRODUCT }, bsns.size)
  const tel = (s: string) => kandidaten.filter((k) => k.soort === s).length
  return {
    periode: a.periode, gemeentecode: a.gemeentecode, inBestand: regels.length, geregistreerd: registratie.length,
    verschillen: { 'niet-geregistreerd': tel('niet-geregistreerd'), 'niet-in-bestand': tel('niet-in-bestand') }, nieuweSignalen: nieuw.length,
  }
}
