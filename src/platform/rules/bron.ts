/**
 * Where a parameter value comes from. Every value in a parameter file cites one: a statute article (BWB id +
 * article, with the consolidation date that was read), a Staatscourant mededeling, or another publication.
 */
export interface Bron {
  /** `wet` = wetten.overheid.nl consolidation; `staatscourant` = mededeling; `overig` = other publication. */
  readonly soort: 'wet' | 'staatscourant' | 'overig'
  /** Human-readable citation, e.g. `art. 475da lid 1 Rv`. */
  readonly omschrijving: string
  /** BWB id of the regulation, e.g. `BWBR0001827`. */
  readonly bwbId?: string
  /** Article (and member) as cited, e.g. `475da lid 1 onder a`. */
  readonly artikel?: string
  /** Consolidation date of the statute version that was read. */
  readonly versie?: string
  /** Staatscourant reference, e.g. `Stcrt. 2022, 14977`. */
  readonly staatscourant?: string
  readonly url?: string
}

/** Short one-line citation used in traces and documentation. */
export function citeer(bron: Bron): string {
  if (bron.soort === 'wet' && bron.bwbId) {
    const versie = bron.versie ? `, versie ${bron.versie}` : ''
    return `${bron.omschrijving} (${bron.bwbId}${versie})`
  }
  if (bron.soort === 'staatscourant' && bron.staatscourant) return `${bron.omschrijving} (${bron.staatscourant})`
  return bron.omschrijving
}
