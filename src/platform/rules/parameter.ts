import { AppError, addDays, isDatum, type Datum } from '../../core/index.js'
import type { Bron } from './bron.js'

/** Units a parameter can have; amounts are always integer eurocents. */
export type Eenheid = 'cent' | 'basispunten' | 'getal' | 'factor'

/** One dated value of a parameter, as stored in a data file. */
export interface ParameterWaarde {
  /** First day the value applies (ISO date). */
  readonly van: string
  /**
   * Last day the value applies. Required on the last value: a value never silently extends beyond the period it was
   * published for (the pitfall of corpora that keep serving 2022 amounts in 2024).
   */
  readonly tot?: string
  /** The value: cents for `cent`, basis points (1/100 %) for `basispunten`. Factors are decimal strings. */
  readonly waarde: number | string
  readonly bron: Bron
  /** False when the value could not be checked against a primary source; the note says why. */
  readonly geverifieerd: boolean
  readonly notitie?: string
}

/** A named parameter with its dated values, e.g. `bijstandsnorm.alleenstaande`. */
export interface Parameter {
  readonly naam: string
  readonly omschrijving: string
  readonly eenheid: Eenheid
  readonly waarden: readonly ParameterWaarde[]
  /**
   * Set when the parameter is known to exist but no value could be verified: lookups then refuse with this reason
   * instead of computing with a guess.
   */
  readonly ontbreekt?: string
}

/** The value of a parameter on a peildatum, with where it came from. */
export interface GeldendeWaarde<T extends number | string = number> {
  readonly parameter: string
  readonly waarde: T
  /** The parameter's unit, so that whoever shows the value need not guess it from the name. */
  readonly eenheid: Eenheid
  readonly van: Datum
  readonly tot: Datum
  readonly bron: Bron
  readonly geverifieerd: boolean
  readonly notitie?: string | undefined
}

type Periode = { van: Datum; tot: Datum; waarde: ParameterWaarde }
// Parameter definitions are frozen data: compute their periods once (lookups run millions of times in bulk).
const cache = new WeakMap<Parameter, readonly Periode[]>()

/** The validity period of each value: until the day before the next value, or its own `tot`. */
export function geldigheid(parameter: Parameter): readonly Periode[] {
  const hit = cache.get(parameter)
  if (hit) return hit
  const perioden = berekenGeldigheid(parameter)
  cache.set(parameter, perioden)
  return perioden
}

function berekenGeldigheid(parameter: Parameter): Periode[] {
  const sorted = [...parameter.waarden].sort((a, b) => (a.van < b.van ? -1 : a.van > b.van ? 1 : 0))
  return sorted.map((w, i) => {
    const next = sorted[i + 1]
    const eind = w.tot ?? (next ? addDays(next.van as Datum, -1) : undefined)
    if (eind === undefined) {
      throw new AppError('internal', 'regels.parameter-zonder-einddatum', `parameter ${parameter.naam}: laatste waarde (${w.van}) heeft geen einddatum`)
    }
    const tot = next && next.van <= eind ? addDays(next.van as Datum, -1) : (eind as Datum)
    return { van: w.van as Datum, tot, waarde: w }
  })
}

/**
 * Checks a parameter definition once, at load time (fail at registration, not at request time): valid dates, no
 * overlaps, an end date on the last value, integer cents.
 */
export function valideerParameter(parameter: Parameter): Parameter {
  const fout = (reden: string) => new AppError('internal', 'regels.parameter-ongeldig', `parameter ${parameter.naam}: ${reden}`)
  if (parameter.waarden.length === 0 && !parameter.ontbreekt) throw fout('geen waarden en geen reden (ontbreekt)')
  const seen = new Set<string>()
  for (const w of parameter.waarden) {
    if (!isDatum(w.van)) throw fout(`ongeldige van-datum ${w.van}`)
    if (w.tot !== undefined && (!isDatum(w.tot) || w.tot < w.van)) throw fout(`ongeldige tot-datum ${w.tot}`)
    if (seen.has(w.van)) throw fout(`dubbele waarde op ${w.van}`)
    seen.add(w.van)
    if (parameter.eenheid === 'cent' || parameter.eenheid === 'basispunten' || parameter.eenheid === 'getal') {
      if (typeof w.waarde !== 'number' || !Number.isSafeInteger(w.waarde)) throw fout(`waarde op ${w.van} is geen geheel getal`)
    }
    if (parameter.eenheid === 'factor' && (typeof w.waarde !== 'string' || !/^-?\d+(\.\d+)?$/.test(w.waarde))) {
      throw fout(`factor op ${w.van} moet een decimale tekst zijn`)
    }
  }
  geldigheid(parameter)
  return parameter
}

/**
 * The value of `parameter` on `peildatum`. Throws `regels.parameter-onbekend` naming the parameter when no value is
 * known for that date — never the last known value.
 */
export function waardeOp<T extends number | string = number>(parameter: Parameter, peildatum: Datum): GeldendeWaarde<T> {
  for (const g of geldigheid(parameter)) {
    if (g.van <= peildatum && peildatum <= g.tot) {
      return {
        parameter: parameter.naam,
        waarde: g.waarde.waarde as T,
        eenheid: parameter.eenheid,
        van: g.van,
        tot: g.tot,
        bron: g.waarde.bron,
        geverifieerd: g.waarde.geverifieerd,
        notitie: g.waarde.notitie,
      }
    }
  }
  throw parameterOnbekend(parameter.naam, peildatum, parameter.ontbreekt)
}

/** The error for a date without a known value. */
export function parameterOnbekend(naam: string, peildatum: string, toelichting?: string): AppError {
  const reden = `geen waarde bekend voor parameter '${naam}' op ${peildatum}${toelichting ? ` (${toelichting})` : ''}`
  return new AppError('invalid', 'regels.parameter-onbekend', reden, [{ name: 'peildatum', code: 'parameter-onbekend', reason: reden }])
}

/**
 * Half-year starts (1 January, 1 July) in `[van, tot]` on which `parameter` has no value. Used by the coverage test
 * that keeps the data complete for 2022-01-01 … 2026-01-01.
 */
export function ontbrekendeHalfjaren(parameter: Parameter, van: Datum, tot: Datum): Datum[] {
  const perioden = geldigheid(parameter)
  const missing: Datum[] = []
  let [y, m] = van.split('-').map(Number) as [number, number]
  if (m !== 1 && m !== 7) m = m < 7 ? 7 : 13
  for (;;) {
    if (m === 13) { y += 1; m = 1 }
    const d = `${y}-${String(m).padStart(2, '0')}-01` as Datum
    if (d > tot) break
    if (!perioden.some(p => p.van <= d && d <= p.tot)) missing.push(d)
    m += 6
  }
  return missing
}
