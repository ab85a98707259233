import { addMonths, isMaand, type Bsn, type Cent, type Datum, type Maand } from '../../core/index.js'
import type { Stap } from '../../platform/rules/index.js'
import type { Executor } from '../../platform/tables.js'
import { berekenNettoInkomen } from '../netto-inkomen/index.js'
import { centVan, leesFeiten, tekst, type Feit, type FeitRef } from './feiten-lezer.js'

/** One month of polis income: every income relation of that month together. */
export interface PolisMaand {
  readonly maand: Maand
  readonly brutoCent: Cent
  readonly loonheffingCent: Cent
  /** Netto indicatief inkomen (method of src/products/netto-inkomen). */
  readonly nettoCent: Cent
  readonly inkomstenverhoudingen: number
  readonly feiten: readonly FeitRef[]
}

/** The latest polis month, checked against the four months that end with it. */
export interface PolisInkomen {
  readonly laatste: PolisMaand
  /** The four calendar months ending with the latest, newest first; a month without polis lines is absent. */
  readonly maanden: readonly PolisMaand[]
  readonly gemiddeldeNettoCent: Cent
  /** |latest − average| as a percentage of the average, rounded down. */
  readonly afwijkingProcent: number
  /** False when the latest month deviates more than the margin from the four-month average. */
  readonly reeleAfspiegeling: boolean
  /** The netto-inkomen steps of the latest month. */
  readonly berekening: readonly Stap[]
}

/**
 * A method choice of Knooppunt, not a statutory amount: the law (art. 475d Rv and the Besluit beslagvrije voet) says
 * to use the latest month unless the last four months show it is no realistic reflection; the hub flags a deviation
 * above this margin and leaves the judgement to the caller.
 */
export const CONTROLE_MARGE_PROCENT = 10
/** How many months before the peildatum's month the latest polis month may lie and still count as recent. */
export const RECENT_MAANDEN = 4

const maandVan = (f: Feit): string | undefined => tekst(f.gegevens.periode) ?? f.geldigVan.slice(0, 7)
const vorigeMaand = (m: string, n: number) => addMonths(`${m}-01` as Datum, -n).slice(0, 7) as Maand

/**
 * Netto income per month from a person's `uwv-polis` facts: the latest month on or before the peildatum's month
 * (and at most `RECENT_MAANDEN` before it), with the four-month check. `undefined` when there is no recent month.
 */
export function polisInkomen(feiten: readonly Feit[], peildatum: Datum): PolisInkomen | undefined {
  const tot = peildatum.slice(0, 7)
  const van = vorigeMaand(tot, RECENT_MAANDEN)
  const perMaand = new Map<string, Feit[]>()
  for (const f of feiten) {
    if (f.bron !== 'uwv-polis') continue
    const m = maandVan(f)
    if (!m || !isMaand(m) || m > tot) continue
    perMaand.set(m, [...(perMaand.get(m) ?? []), f])
  }
  const laatsteMaand = [...perMaand.keys()].sort().at(-1)
  if (!laatsteMaand || laatsteMaand < van) return undefined
  const maanden: PolisMaand[] = []
  let berekening: readonly Stap[] = []
  for (let i = 0; i < 4; i++) {
    const m = vorigeMaand(laatsteMaand, i)
    const lijst = perMaand.get(m)
    if (!lijst) continue
    const bruto = lijst.reduce((s, f) => s + (centVan(f.gegevens.brutoloonCent) ?? 0), 0) as Cent
    const lh = Math.min(bruto, lijst.reduce((s, f) => s + (centVan(f.gegevens.loonheffingCent) ?? 0), 0)) as Cent
    const u = berekenNettoInkomen({ maand: m, brutoLoonCent: bruto, ingehoudenLoonheffingCent: lh }, { spoor: i === 0 })
    if (i === 0) berekening = u.berekening
    maanden.push({ maand: m, brutoCent: bruto, loonheffingCent: lh, nettoCent: u.nettoIndicatiefInkomenCent, inkomstenverhoudingen: lijst.length, feiten: lijst.map((f) => f.ref) })
  }
  const laatste = maanden[0]!
  const gemiddelde = Math.floor(maanden.reduce((s, m) => s + m.nettoCent, 0) / 4) as Cent
  const afwijking = gemiddelde === 0 ? (laatste.nettoCent === 0 ? 0 : 100) : Math.floor((Math.abs(laatste.nettoCent - gemiddelde) * 100) / gemiddelde)
  return { laatste, maanden, gemiddeldeNettoCent: gemiddelde, afwijkingProcent: afwijking, reeleAfspiegeling: afwijking <= CONTROLE_MARGE_PROCENT, berekening }
}

/** Reads a BSN's polis facts and applies `polisInkomen`. */
export async function leesPolisInkomen(db: Executor, bsn: Bsn, peildatum: Datum): Promise<PolisInkomen | undefined> {
  return polisInkomen(await leesFeiten(db, [bsn], ['uwv-polis']), peildatum)
}
