import { isAppError, type InvalidParam } from '../../core/index.js'
import type { Stap } from '../../platform/rules/index.js'
import { berekenBeslagvrijeVoet } from './bereken-beslagvrije-voet.js'
import { valideerBeslagvrijeVoetInvoer } from './beslagvrije-voet-invoer.js'

/** What the API and CLI deliver for one calculation (the calculation itself is never stored). */
export interface BvvAntwoord {
  readonly beslagvrijeVoetCent: number
  /** False when a parameter value used is not checked against a primary source; the trace names which. */
  readonly alleParametersGeverifieerd: boolean
  readonly berekening?: readonly Stap[]
}

/** Why one calculation of a batch was not made; mirrors problem+json (`code`, `detail`, `invalidParams`). */
export interface BvvFout {
  readonly code: string
  readonly detail: string
  readonly invalidParams?: readonly InvalidParam[]
}

export type BvvRegelUitkomst =
  | { readonly ok: true; readonly antwoord: BvvAntwoord }
  | { readonly ok: false; readonly fout: BvvFout; readonly intern?: unknown }

/**
 * Validates an unknown JSON value and calculates the beslagvrije voet; throws the validator's or the rules' AppError.
 * `spoor: false` skips the explanation trace (bulk runs that do not need it are several times faster).
 */
export function berekenBvvAntwoord(body: unknown, opties: { spoor?: boolean } = {}): BvvAntwoord {
  const spoor = opties.spoor !== false
  const u = berekenBeslagvrijeVoet(valideerBeslagvrijeVoetInvoer(body), { spoor })
  return spoor
    ? { beslagvrijeVoetCent: u.beslagvrijeVoetCent, alleParametersGeverifieerd: u.alleParametersGeverifieerd, berekening: u.berekening }
    : { beslagvrijeVoetCent: u.beslagvrijeVoetCent, alleParametersGeverifieerd: u.alleParametersGeverifieerd }
}

/**
 * Like `berekenBvvAntwoord` but never throws: a batch answers a bad line with its error and goes on (rule 6).
 * An unexpected error is reported as `intern` without its message (it may hold internals); the caller logs `intern`.
 */
export function berekenBvvRegel(body: unknown, opties: { spoor?: boolean } = {}): BvvRegelUitkomst {
  try {
    return { ok: true, antwoord: berekenBvvAntwoord(body, opties) }
  } catch (e) {
    if (isAppError(e)) {
      return { ok: false, fout: { code: e.code, detail: e.message, ...(e.invalidParams.length ? { invalidParams: e.invalidParams } : {}) } }
    }
    return { ok: false, fout: { code: 'intern', detail: 'er ging iets mis bij deze regel; de fout is gelogd' }, intern: e }
  }
}
