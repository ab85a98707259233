import type { Cent, Maand } from '../../core/index.js'
import { berekenNettoInkomen } from '../netto-inkomen/index.js'

/** A stored uwv-polis fact row for one client in one month (all versions; the latest per key counts). */
export interface PolisFeit {
  readonly id: number
  readonly bsn: string
  readonly sleutel: string
  readonly gegevens: string
  readonly leveringId: string
  readonly regel: number
  readonly vastgelegd: string
}

/** One income relation in the overview: who pays, how much, what was withheld, and the netto estimate. */
export interface Inkomstenverhouding {
  readonly inkomstenverhoudingId: string
  readonly werkgeverNaam: string
  readonly loonheffingennummer: string
  readonly soortInkomen: string
  readonly brutoloonCent: Cent
  readonly loonheffingCent: Cent
  readonly nettoIndicatiefCent: Cent
  readonly bron: { readonly bron: 'uwv-polis'; readonly leveringId: string; readonly regel: number }
}

/** The OIB overview of one client for one month. */
export interface OibOverzicht {
  readonly bsn: string
  readonly periode: Maand
  readonly referentie: string | null
  readonly inkomstenverhoudingen: readonly Inkomstenverhouding[]
  /** Sum of the relations' netto indicatief inkomen (method: docs/algoritmeregister/netto-inkomen.md). */
  readonly nettoIndicatiefCent: Cent
}

interface PolisVelden {
  periode?: string; inkomstenverhoudingId?: string; werkgeverNaam?: string; loonheffingennummer?: string
  soortInkomen?: string; brutoloonCent?: number; loonheffingCent?: number
}

/**
 * Builds one client's month overview (pure). Per income relation only the latest recorded version counts (a
 * correction replaces the original); the netto indicatief inkomen is computed per relation with the documented
 * method (`berekenNettoInkomen`, without a vakantiebijslag reservation: the polis lines carry none) and summed.
 * Relations are ordered by id so the answer is stable.
 */
export function stelOverzichtSamen(bsn: string, periode: Maand, referentie: string | null, feiten: readonly PolisFeit[]): OibOverzicht {
  const laatste = new Map<string, PolisFeit>()
  for (const f of feiten) {
    const eerder = laatste.get(f.sleutel)
    if (!eerder || f.vastgelegd > eerder.vastgelegd || (f.vastgelegd === eerder.vastgelegd && f.id > eerder.id)) laatste.set(f.sleutel, f)
  }
  const verhoudingen: Inkomstenverhouding[] = []
  for (const f of laatste.values()) {
    const g = JSON.parse(f.gegevens) as PolisVelden
    if (g.periode !== undefined && g.periode !== periode) continue
    const bruto = (g.brutoloonCent ?? 0) as Cent
    const lh = (g.loonheffingCent ?? 0) as Cent
    const netto = berekenNettoInkomen({ maand: periode, brutoLoonCent: bruto, ingehoudenLoonheffingCent: lh }, { spoor: false })
    verhoudingen.push({
      inkomstenverhoudingId: g.inkomstenverhoudingId ?? f.sleutel.split('|')[0]!, werkgeverNaam: g.werkgeverNaam ?? '',
      loonheffingennummer: g.loonheffingennummer ?? '', soortInkomen: g.soortInkomen ?? 'overig',
      brutoloonCent: bruto, loonheffingCent: lh, nettoIndicatiefCent: netto.nettoIndicatiefInkomenCent,
      bron: { bron: 'uwv-polis', leveringId: f.leveringId, regel: f.regel },
    })
  }
  verhoudingen.sort((a, b) => a.inkomstenverhoudingId.localeCompare(b.inkomstenverhoudingId))
  const nettoIndicatiefCent = verhoudingen.reduce((s, v) => s + v.nettoIndicatiefCent, 0) as Cent
  return { bsn, periode, referentie, inkomstenverhoudingen: verhoudingen, nettoIndicatiefCent }
}
