import { AppError, isAppError, type InvalidParam } from '../../core/index.js'
import type { Stap } from '../../platform/rules/index.js'
import type { PolisInkomen } from '../kwijtschelding/polis-inkomen.js'
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

/** How the hub took the income from the polis (delivered with a BSN calculation; no BSN in it). */
export interface InkomenControle {
  readonly maand: string
  readonly maanden: readonly { readonly maand: string; readonly nettoCent: number }[]
  readonly gemiddeldeNettoCent: number
  readonly afwijkingProcent: number
  readonly reeleAfspiegeling: boolean
}

/**
 * The calculation for a BSN: the income is the netto indicatief inkomen of the latest polis month (art. 475d Rv: the
 * most recent income), checked against the four months ending with it; C is twelve times that month's loon LB/PH
 * unless the caller gives `belastbaarJaarinkomenCent`. Throws the validator's AppError for the other fields; giving
 * the income as well as the BSN is refused (the hub would otherwise have to choose).
 */
export function berekenBvvMetPolis(velden: Record<string, unknown>, polis: PolisInkomen): BvvAntwoord & { inkomenPerMaandCent: number; inkomenControle: InkomenControle } {
  if (velden.inkomenPerMaandCent !== undefined) {
    throw new AppError('invalid', 'beslagvrije-voet.invoer-ongeldig', 'de invoer voor de beslagvrije voet is ongeldig',
      [{ name: 'inkomenPerMaandCent', code: 'niet-met-bsn', reason: 'met bsn neemt de hub het inkomen uit de polisadministratie; geef het niet zelf op' }])
  }
  const l = polis.laatste
  const c = velden.belastbaarJaarinkomenCent ?? l.brutoCent * 12
  const antwoord = berekenBvvAntwoord({ ...velden, inkomenPerMaandCent: l.nettoCent, belastbaarJaarinkomenCent: c })
  const stappen: Stap[] = [
    ...polis.berekening,
    { id: 'inkomen-controle-vier-maanden', wat: `Controle: het inkomen van ${l.maand} tegen het gemiddelde van de vier maanden tot en met ${l.maand}`, grondslag: 'art. 475d Rv (meest recente inkomen, tenzij de laatste vier maanden tonen dat het geen reële afspiegeling is); drempel van 10 % is een keuze van Knooppunt', formule: '|laatste − gemiddelde| / gemiddelde', invoer: { gemiddeldeNettoCent: polis.gemiddeldeNettoCent, afwijkingProcent: polis.afwijkingProcent, reeleAfspiegeling: polis.reeleAfspiegeling }, parameters: [], bedragCent: l.nettoCent },
    ...(velden.belastbaarJaarinkomenCent === undefined ? [{ id: 'belastbaar-jaarinkomen-uit-polis', wat: `Belastbaar jaarinkomen (C): twaalf keer het loon voor de loonheffing van ${l.maand}`, grondslag: 'art. 475da lid 2 Rv; herleiding uit de polisadministratie (methode Knooppunt)', formule: '12 × loon LB/PH', invoer: { brutoCent: l.brutoCent }, parameters: [], bedragCent: l.brutoCent * 12 }] : []),
  ]
  return {
    ...antwoord, ...(antwoord.berekening ? { berekening: [...stappen, ...antwoord.berekening] } : {}),
    inkomenPerMaandCent: l.nettoCent,
    inkomenControle: { maand: l.maand, maanden: polis.maanden.map((m) => ({ maand: m.maand, nettoCent: m.nettoCent })), gemiddeldeNettoCent: polis.gemiddeldeNettoCent, afwijkingProcent: polis.afwijkingProcent, reeleAfspiegeling: polis.reeleAfspiegeling },
  }
}
