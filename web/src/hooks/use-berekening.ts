import { useRef, useState, type FormEvent } from 'react'
import { api, ValidationError } from '../api/index.js'
import { errorText } from '../components/ErrorScreen/index.js'
import { noErrors, type FormErrors } from '../forms/index.js'

export interface BerekeningOpties<F extends string> {
  /** The calculator's route (`POST`). */
  readonly url: string
  /** The date field the hub's refusal (`regels.parameter-onbekend`) belongs to, and the message shown under it. */
  readonly weigering: { readonly veld: F; readonly tekst: string }
  /** The hub's `invalidParams` as form errors. */
  readonly foutenVanHub: (err: ValidationError) => FormErrors<F>
}

/**
 * The submit flow every calculator page shares: check the form locally, send it, show the answer (and move the focus
 * to it), or put the hub's problems on their fields. A refusal to compute for a date without a known statute amount
 * is not a typing error: it is shown as such (`weigering`), on the date field.
 */
export function useBerekening<A, F extends string>(opties: BerekeningOpties<F>) {
  const [errors, setErrors] = useState<FormErrors<F>>(noErrors())
  const [attempt, setAttempt] = useState(0)
  const [bezig, setBezig] = useState(false)
  const [weigering, setWeigering] = useState<string>()
  const [antwoord, setAntwoord] = useState<A>()
  const resultaat = useRef<HTMLHeadingElement>(null)

  async function bereken(e: FormEvent, lokaal: () => { readonly fouten: FormErrors<F>; readonly invoer?: unknown }): Promise<void> {
    e.preventDefault()
    setAttempt((a) => a + 1)
    setWeigering(undefined)
    const { fouten, invoer } = lokaal()
    setErrors(fouten)
    if (invoer === undefined) return
    setBezig(true)
    try {
      setAntwoord(await api<A>('POST', opties.url, invoer))
      setTimeout(() => resultaat.current?.focus(), 0)
    } catch (err) {
      setAntwoord(undefined)
      if (err instanceof ValidationError && err.problem?.code === 'regels.parameter-onbekend') {
        setWeigering(err.invalidParams[0]?.reason ?? err.problem.detail ?? '')
        setErrors({ fields: { [opties.weigering.veld]: opties.weigering.tekst } as FormErrors<F>['fields'], other: [] })
      } else {
        setErrors(err instanceof ValidationError ? opties.foutenVanHub(err) : { fields: {}, other: [errorText(err)] })
      }
    } finally {
      setBezig(false)
    }
  }

  return { errors, attempt, bezig, weigering, antwoord, resultaat, bereken }
}
