import type { Afronding, Cent } from '../../core/index.js'
import type { Bron } from './bron.js'
import type { Eenheid, GeldendeWaarde } from './parameter.js'

/** A parameter as used in a step: its name, value and unit, validity and source. */
export interface GebruikteParameter {
  readonly naam: string
  readonly waarde: number | string
  /**
   * How to read `waarde`: `cent` (integer eurocents), `basispunten` (1/100 %: 932 = 9,32 %), `getal` (a count) or
   * `factor` (a decimal text, e.g. `0.06630`, or an amount in euros where the statute formula works in euros).
   */
  readonly eenheid: Eenheid
  readonly van: string
  readonly tot: string
  readonly bron: Bron
  readonly geverifieerd: boolean
}

/**
 * One step of an explained calculation: what was done, by which formula, on which inputs, with which parameters (and
 * their sources), and the resulting amount in cents. A resident can follow the list top to bottom.
 */
export interface Stap {
  /** Stable id, e.g. `475da-lid-1-maximum`. */
  readonly id: string
  /** Plain Dutch: what this step does. */
  readonly wat: string
  /** The legal basis of this step, e.g. `art. 475da lid 4 Rv`. */
  readonly grondslag: string
  readonly formule?: string
  readonly invoer: Readonly<Record<string, number | string | boolean>>
  readonly parameters: readonly GebruikteParameter[]
  /** The rounding applied in this step, if any, and why. */
  readonly afronding?: { readonly wijze: Afronding; readonly toelichting: string }
  readonly bedragCent: number
}

/** Collects steps. `geenSpoor()` returns a collector that drops them, for bulk runs and benchmarks. */
export interface Spoor {
  readonly actief: boolean
  stap(stap: Stap): void
  stappen(): readonly Stap[]
}

export function nieuwSpoor(): Spoor {
  const lijst: Stap[] = []
  return {
    actief: true,
    stap(s) { lijst.push(s) },
    stappen() { return lijst },
  }
}

const LEEG: readonly Stap[] = Object.freeze([])
const GEEN: Spoor = Object.freeze({ actief: false, stap() {}, stappen: () => LEEG })

/** A collector that records nothing (calculations still run every step). */
export const geenSpoor = (): Spoor => GEEN

/** Converts a looked-up value into the form a step records. */
export function gebruikt(w: GeldendeWaarde<number | string>): GebruikteParameter {
  return { naam: w.parameter, waarde: w.waarde, eenheid: w.eenheid, van: w.van, tot: w.tot, bron: w.bron, geverifieerd: w.geverifieerd }
}

/** Result of an explained calculation. */
export interface Uitkomst<T> {
  readonly uitkomst: T
  readonly berekening: readonly Stap[]
}

export type { Cent }
