import { isAppError } from '../../core/index.js'

/**
 * A declarative test case, OpenFisca style: a name, a peildatum, the input, and either the expected output fields or
 * the expected error code, plus where the expectation comes from.
 */
export interface Testgeval {
  readonly naam: string
  readonly peildatum: string
  readonly invoer: Readonly<Record<string, unknown>>
  /** Expected output fields (a subset of the result is compared). */
  readonly verwacht?: Readonly<Record<string, unknown>>
  /** Expected `AppError` code when the calculation must refuse. */
  readonly verwachteFout?: string
  /** Source of the expectation: the published amount or the article the expected value is read from. */
  readonly bron: string
}

export interface Testuitslag {
  readonly naam: string
  readonly geslaagd: boolean
  readonly verschillen: readonly string[]
}

/**
 * Runs each case through `bereken` (which receives the input with `peildatum` merged in) and compares. Never throws:
 * every case gets a result, so one failing case does not hide the others.
 */
export function draaiTestgevallen(
  gevallen: readonly Testgeval[],
  bereken: (invoer: Record<string, unknown>) => Readonly<Record<string, unknown>>,
): Testuitslag[] {
  return gevallen.map(geval => {
    const verschillen: string[] = []
    try {
      const uit = bereken({ ...geval.invoer, peildatum: geval.peildatum })
      if (geval.verwachteFout) verschillen.push(`verwachtte fout ${geval.verwachteFout}, kreeg een uitkomst`)
      for (const [k, v] of Object.entries(geval.verwacht ?? {})) {
        if (JSON.stringify(uit[k]) !== JSON.stringify(v)) verschillen.push(`${k}: verwacht ${JSON.stringify(v)}, kreeg ${JSON.stringify(uit[k])}`)
      }
    } catch (e) {
      if (!geval.verwachteFout) verschillen.push(`onverwachte fout: ${e instanceof Error ? e.message : String(e)}`)
      else if (!isAppError(e) || e.code !== geval.verwachteFout) {
        verschillen.push(`verwachtte fout ${geval.verwachteFout}, kreeg ${isAppError(e) ? e.code : String(e)}`)
      }
    }
    return { naam: geval.naam, geslaagd: verschillen.length === 0, verschillen }
  })
}
