import type { ParameterRegister } from './parameter-register.js'

/**
 * What the algorithm register (docs/algoritmeregister) needs to know about a calculation: generated pages are built
 * from this description plus the parameter register, so the documentation cannot drift from the data.
 */
export interface Algoritme {
  /** File name of the page, e.g. `beslagvrije-voet`. */
  readonly id: string
  readonly titel: string
  /** Plain-Dutch purpose, for residents. */
  readonly doel: string
  /** Legal basis, one line each. */
  readonly grondslag: readonly string[]
  /** The steps in order, plain Dutch, each with its article. */
  readonly stappen: readonly { readonly wat: string; readonly grondslag: string }[]
  /** Known limitations and unverified points, stated openly. */
  readonly beperkingen: readonly string[]
  readonly parameters: ParameterRegister
}
