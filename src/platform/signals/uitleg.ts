import { AppError } from '../../core/index.js'

/** What a stored signal says: everything a rule may use to explain it again, long after the fact was read. */
export interface UitlegInvoer {
  readonly bsn: string
  readonly periode: { readonly van: string; readonly tot?: string | null | undefined }
  readonly bronnen: ReadonlyArray<{ readonly bron: string; readonly leveringId: string; readonly regel: number }>
  readonly gegevens: Readonly<Record<string, unknown>>
}

/** Renders a signal's explanation from its stored data; pure, and fixed per rule version. */
export type UitlegRenderer = (s: UitlegInvoer) => string

/**
 * The stored `uitleg` of a signal whose rule version renders its explanation on read. A rule's text is part of its
 * version: ~440 bytes per signal, millions of signals in a batch run, all derivable from `gegevens` and `bronnen`.
 */
export const UITLEG_OP_LEZEN = ''

const renderers = new Map<string, UitlegRenderer>()
const sleutel = (regel: { readonly id: string; readonly versie: string }) => `${regel.id}@${regel.versie}`

/**
 * Registers the explanation of one rule version (done where the rule is defined, so every process that knows the
 * rule can read its signals). A version is registered once: a changed text is a new version, and the old version's
 * renderer stays, so signals stored under it read as they always did.
 */
export function registreerUitleg(regel: { readonly id: string; readonly versie: string }, render: UitlegRenderer): void {
  const k = sleutel(regel)
  const bestaand = renderers.get(k)
  if (bestaand && bestaand !== render) throw new AppError('internal', 'signaal.uitleg-dubbel', `regel ${k} heeft al een uitleg`)
  renderers.set(k, render)
}

export const heeftUitleg = (regel: { readonly id: string; readonly versie: string }): boolean => renderers.has(sleutel(regel))

/**
 * A signal's explanation: the stored text, or — when its rule renders on read — the text rendered from the stored
 * data. Byte-identical to what the rule said when it made the signal.
 */
export function signaalUitleg(s: UitlegInvoer & { readonly regel: { readonly id: string; readonly versie: string }; readonly uitleg?: string | undefined }): string {
  if (s.uitleg !== undefined && s.uitleg !== UITLEG_OP_LEZEN) return s.uitleg
  const render = renderers.get(sleutel(s.regel))
  if (!render) throw new AppError('internal', 'signaal.uitleg-onbekend', `geen uitleg voor regel ${sleutel(s.regel)}`)
  return render(s)
}
