import { AppError, type ErrorKind } from '../core/errors.js'

/** The stable error codes of the generator (catalogue: docs/data/synthetisch-nederland.md#foutcodes). */
export type SynthFoutCode =
  | 'synth.seed-ongeldig'
  | 'synth.inwoners-ongeldig'
  | 'synth.uit-ongeldig'
  | 'synth.peildatum-ongeldig'
  | 'synth.uit-geen-map'
  | 'synth.map-niet-leeg'
  | 'synth.schijf-vol'
  | 'synth.geen-toegang'
  | 'synth.schrijffout'
  | 'synth.afgebroken'

const KIND: Record<SynthFoutCode, ErrorKind> = {
  'synth.seed-ongeldig': 'invalid',
  'synth.inwoners-ongeldig': 'invalid',
  'synth.uit-ongeldig': 'invalid',
  'synth.peildatum-ongeldig': 'invalid',
  'synth.uit-geen-map': 'conflict',
  'synth.map-niet-leeg': 'conflict',
  'synth.schijf-vol': 'unavailable',
  'synth.geen-toegang': 'forbidden',
  'synth.schrijffout': 'internal',
  'synth.afgebroken': 'unavailable',
}

/**
 * One place that builds the generator's errors, so kind and code always agree. `veld` names the option; its
 * invalidParam carries a short reason, because the CLI prints the message and the reasons on one line.
 */
export function synthFout(code: SynthFoutCode, message: string, veld?: string): AppError {
  const params = veld ? [{ name: veld, code: code.slice('synth.'.length), reason: 'ongeldige waarde' }] : []
  return new AppError(KIND[code], code, message, params)
}

/** Turns a Node file-system error into a clear Dutch AppError; the path is named, the stack is not shown. */
export function bestandsFout(e: unknown, pad: string): AppError {
  if (e instanceof AppError) return e
  const code = (e as NodeJS.ErrnoException | undefined)?.code
  if (code === 'ENOSPC' || code === 'EDQUOT') return synthFout('synth.schijf-vol', `De schijf is vol: kon ${pad} niet schrijven. Maak ruimte vrij of kies een andere map.`)
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS')
    return synthFout('synth.geen-toegang', `Geen schrijfrechten voor ${pad}. Kies een map waarin u mag schrijven.`)
  const detail = e instanceof Error ? e.message : String(e)
  return synthFout('synth.schrijffout', `Schrijven naar ${pad} is mislukt: ${detail}`)
}
