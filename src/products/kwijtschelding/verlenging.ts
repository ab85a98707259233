import type { KwsToetsUitkomst } from './toets-huishouden.js'

export type VerlengingAdvies = 'verlengen' | 'opnieuw-beoordelen'

/** Why a household must be assessed again; the codes are listed in docs/api/kwijtschelding.md. */
export type VerlengingReden =
  | 'belemmering-vermogen' | 'belemmering-voertuig' | 'belemmering-woningbezit' | 'belemmering-zelfstandig-ondernemer'
  | 'betalingscapaciteit' | 'geen-inkomensgegevens' | 'inkomen-niet-reele-afspiegeling' | 'svb-bruto-meegeteld'
  | 'inkomen-niet-getoetst' | 'toets-mislukt'

/**
 * The yearly verlenging: last year's recipients keep full kwijtschelding only when the sources show nothing new —
 * no belemmering, no betalingscapaciteit, and income the hub could establish. Anything else is not a refusal but a
 * reason for the gemeente to look again, listed.
 */
export function verlengingsAdvies(u: KwsToetsUitkomst | undefined): { advies: VerlengingAdvies; redenen: VerlengingReden[] } {
  if (!u) return { advies: 'opnieuw-beoordelen', redenen: ['toets-mislukt'] }
  const redenen: VerlengingReden[] = u.belemmeringen.map((b) => `belemmering-${b.soort}` as VerlengingReden)
  if (u.betalingscapaciteitCent > 0) redenen.push('betalingscapaciteit')
  for (const a of u.aandachtspunten) redenen.push(a)
  return { advies: redenen.length === 0 ? 'verlengen' : 'opnieuw-beoordelen', redenen }
}
