import { AppError, type Datum } from '../../core/index.js'
import { valideerParameter, waardeOp, type GeldendeWaarde, type Parameter } from './parameter.js'

/** A frozen set of parameters for one product, validated when created. */
export interface ParameterRegister {
  readonly naam: string
  readonly parameters: ReadonlyMap<string, Parameter>
  /** Value on a date; throws `regels.parameter-onbekend` when the date has no value. */
  op<T extends number | string = number>(naam: string, peildatum: Datum): GeldendeWaarde<T>
}

/** Builds a register from parameter definitions (usually a JSON data file), validating every one. */
export function maakParameterRegister(naam: string, parameters: readonly Parameter[]): ParameterRegister {
  const map = new Map<string, Parameter>()
  for (const p of parameters) {
    if (map.has(p.naam)) throw new AppError('internal', 'regels.parameter-ongeldig', `parameter ${p.naam} dubbel in ${naam}`)
    map.set(p.naam, valideerParameter(p))
  }
  return Object.freeze({
    naam,
    parameters: map,
    op<T extends number | string = number>(pnaam: string, peildatum: Datum): GeldendeWaarde<T> {
      const p = map.get(pnaam)
      if (!p) throw new AppError('internal', 'regels.parameter-niet-gedefinieerd', `parameter ${pnaam} bestaat niet in ${naam}`)
      return waardeOp<T>(p, peildatum)
    },
  })
}
