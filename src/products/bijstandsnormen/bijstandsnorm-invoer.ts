import type { Datum } from '../../core/index.js'
import { InvoerLezer } from '../../platform/rules/index.js'

export const LEEFVORMEN = ['alleenstaande', 'alleenstaande-ouder', 'gehuwd'] as const
export type Leefvorm = (typeof LEEFVORMEN)[number]

/** Input of the bijstandsnorm calculation. */
export interface BijstandsnormInvoer {
  readonly peildatum: Datum
  readonly leefvorm: Leefvorm
  /** True when the belanghebbende (for gehuwden: at least one spouse) has reached the pensioengerechtigde leeftijd. */
  readonly aowLeeftijd: boolean
  /**
   * A in art. 22a PW: the belanghebbende plus the kostendelende medebewoners (and, when gehuwd, the spouse). Absent
   * means no kostendelende medebewoners.
   */
  readonly kostendelers?: number | undefined
}

/**
 * Turns an unknown JSON body into a typed input, or throws `AppError('invalid', 'bijstandsnorm.invoer-ongeldig')`
 * listing every problem.
 */
export function valideerBijstandsnormInvoer(body: unknown): BijstandsnormInvoer {
  const l = new InvoerLezer(body, ['peildatum', 'leefvorm', 'aowLeeftijd', 'kostendelers'])
  const peildatum = l.datum('peildatum')
  const leefvorm = l.keuze('leefvorm', LEEFVORMEN)
  const aowLeeftijd = l.jaNee('aowLeeftijd', false)
  const kostendelers = l.geheelGetal('kostendelers', 1, 20, { optioneel: true })
  if (leefvorm === 'gehuwd' && kostendelers !== undefined && kostendelers < 2) {
    l.problemen.push({ name: 'kostendelers', code: 'getal-ongeldig', reason: 'bij gehuwden telt A beide echtgenoten mee: minimaal 2' })
  }
  l.klaar('bijstandsnorm.invoer-ongeldig', 'de invoer voor de bijstandsnorm is ongeldig')
  return { peildatum: peildatum!, leefvorm: leefvorm!, aowLeeftijd: aowLeeftijd!, kostendelers }
}
