import { AppError, type Datum } from '../../core/index.js'
import { valideerParameter, waardeOp, type GeldendeWaarde, type Parameter } from './parameter.js'

/** A frozen set of parameters for one product, validated when created. */
export interface ParameterRegister {
  readonly naam: string
  readonly parameters: ReadonlyMap<string, Parameter>
  /** Value on a date; throws `regels.parameter-onbekend` when the date has no value. */
  op<T extends number | string = number>(naam: string, peildatum: Datum): GeldendeWaarde<T>
}

/** At most this many dates are remembered per parameter; then that parameter's memory starts again (bulk runs use a few). */
const MAX_DATA_PER_PARAMETER = 4096

/**
 * Builds a register from parameter definitions (usually a JSON data file), validating every one. Lookups are
 * remembered per parameter and date (calculations run millions of times over a handful of dates); the remembered value
 * is frozen and the same one a fresh lookup gives. A date without a value is never remembered: it throws every time.
 */
export function maakParameterRegister(naam: string, parameters: readonly Parameter[]): ParameterRegister {
  const map = new Map<string, Parameter>()
  for (const p of parameters) {
    if (map.has(p.naam)) throw new AppError('internal', 'regels.parameter-ongeldig', `parameter ${p.naam} dubbel in ${naam}`)
    map.set(p.naam, valideerParameter(p))
  }
  const onthouden = new Map<string, Map<string, GeldendeWaarde<number | string>>>()
  return Object.freeze({
    naam,
    parameters: map,
    op<T extends number | string = number>(pnaam: string, peildatum: Datum): GeldendeWaarde<T> {
      const perDatum = onthouden.get(pnaam)
      const bekend = perDatum?.get(peildatum)
      if (bekend) return bekend as GeldendeWaarde<T>
      const p = map.get(pnaam)
      if (!p) throw new AppError('internal', 'regels.parameter-niet-gedefinieerd', `parameter ${pnaam} bestaat niet in ${naam}`)
      const w = Object.freeze(waardeOp<T>(p, peildatum))
      if (!perDatum) onthouden.set(pnaam, new Map([[peildatum, w]]))
      else {
        if (perDatum.size >= MAX_DATA_PER_PARAMETER) perDatum.clear()
        perDatum.set(peildatum, w)
      }
      return w
    },
  })
}
