import type { Feit, Indicatie, KandidaatSignaal, SignaalRegel } from './feit.js'
import { inhoudHash } from './inhoud-hash.js'

/** The identity of a signal in the store: (afnemer, product, soort, key, content). */
export const signaalIdentiteit = (k: Pick<KandidaatSignaal, 'oin' | 'product' | 'soort' | 'sleutel' | 'inhoudHash'>): string =>
  `${k.oin}\u0000${k.product}\u0000${k.soort}\u0000${k.sleutel}\u0000${k.inhoudHash}`

/**
 * Matches facts against indications with the given rules: for every fact, every indication for its BSN in a
 * product that has a rule for the fact's source, every rule decides. Pure: the same facts and indications give the
 * same candidates whether they come as one delivery or one by one. Candidates keep the order of the facts; the
 * same signal proposed twice (two indication rows of one afnemer, or the same line twice) appears once.
 *
 * @example matchFeiten([polisRegel], [indicatie], SAMENLOOP_REGELS) // → [{ soort: 'inkomsten', … }]
 */
export function matchFeiten(feiten: Iterable<Feit>, indicaties: Iterable<Indicatie>, regels: readonly SignaalRegel[]): KandidaatSignaal[] {
  const perBsn = new Map<string, Indicatie[]>()
  for (const i of indicaties) {
    const lijst = perBsn.get(i.bsn)
    if (lijst) lijst.push(i)
    else perBsn.set(i.bsn, [i])
  }
  const perBron = new Map<string, SignaalRegel[]>()
  for (const r of regels) perBron.set(r.bron, [...(perBron.get(r.bron) ?? []), r])

  const gezien = new Set<string>()
  const uit: KandidaatSignaal[] = []
  for (const feit of feiten) {
    const bronRegels = perBron.get(feit.bron)
    const bijBsn = perBsn.get(feit.bsn)
    if (!bronRegels || !bijBsn) continue
    for (const indicatie of bijBsn) {
      for (const regel of bronRegels) {
        if (regel.product !== indicatie.product) continue
        const k = kandidaat(feit, indicatie, regel)
        if (!k) continue
        const id = signaalIdentiteit(k)
        if (gezien.has(id)) continue
        gezien.add(id)
        uit.push(k)
      }
    }
  }
  return uit
}

function kandidaat(feit: Feit, indicatie: Indicatie, regel: SignaalRegel): KandidaatSignaal | undefined {
  const u = regel.beoordeel(feit, indicatie)
  if (!u) return undefined
  return {
    oin: indicatie.oin, product: indicatie.product, soort: regel.soort, bsn: feit.bsn, sleutel: u.sleutel,
    inhoudHash: inhoudHash(u.inhoud ?? u.gegevens), periode: u.periode,
    bronnen: [{ bron: feit.bron, leveringId: feit.leveringId, regel: feit.regel }],
    regel: { id: regel.id, versie: regel.versie }, uitleg: u.uitleg, gegevens: u.gegevens,
  }
}
