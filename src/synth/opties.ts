import { isDatum } from '../core/datum.js'
import { synthFout } from './synth-fout.js'

/** Options of `generate`. */
export interface GenerateOptions {
  /** Any integer 0 … 4 294 967 295; the same seed and size give byte-identical files. */
  readonly seed: number
  /** Number of residents, 1 … 20 000 000. */
  readonly inwoners: number
  /** Output folder; must be absent or empty unless `overschrijf`. */
  readonly uit: string
  readonly overschrijf?: boolean
  /** ISO date; facts cover the 12 months before it. Default {@link STANDAARD_PEILDATUM}. */
  readonly peildatum?: string
  readonly onProgress?: (done: number, total: number, fase: string) => void
  readonly signal?: AbortSignal
}

/** Fixed default so that output never depends on the clock. */
export const STANDAARD_PEILDATUM = '2026-01-01'
export const MAX_INWONERS = 20_000_000

export interface GeldigeOpties {
  readonly seed: number
  readonly inwoners: number
  readonly uit: string
  readonly overschrijf: boolean
  readonly peildatum: string
}

/** Validates once, up front, with a clear Dutch message per mistake (fail before touching the disk). */
export function valideerOpties(o: GenerateOptions): GeldigeOpties {
  const { seed, inwoners, uit } = o
  if (typeof seed !== 'number' || !Number.isSafeInteger(seed) || seed < 0 || seed > 0xffff_ffff)
    throw synthFout('synth.seed-ongeldig', `seed moet een geheel getal van 0 tot en met 4294967295 zijn (gekregen: ${String(seed)})`, 'seed')
  if (typeof inwoners !== 'number' || !Number.isSafeInteger(inwoners) || inwoners < 1 || inwoners > MAX_INWONERS)
    throw synthFout('synth.inwoners-ongeldig', `inwoners moet een geheel getal van 1 tot en met ${MAX_INWONERS} zijn (gekregen: ${String(inwoners)})`, 'inwoners')
  if (typeof uit !== 'string' || uit.trim() === '')
    throw synthFout('synth.uit-ongeldig', 'uit moet een map zijn (een niet-lege padnaam)', 'uit')
  const peildatum = o.peildatum ?? STANDAARD_PEILDATUM
  if (!isDatum(peildatum) || peildatum < '2000-01-01' || peildatum > '2099-12-31')
    throw synthFout('synth.peildatum-ongeldig', `peildatum moet een datum JJJJ-MM-DD tussen 2000 en 2099 zijn (gekregen: ${String(peildatum)})`, 'peildatum')
  return { seed, inwoners, uit, overschrijf: o.overschrijf === true, peildatum }
}
