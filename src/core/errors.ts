/**
 * The one error type of Knooppunt. A `kind` decides the HTTP status (only in adapters/http) and the
 * CLI exit code; a stable `code` (catalogued in docs/errors.md) tells a client exactly what went wrong.
 */
export type ErrorKind =
  | 'invalid'
  | 'unauthenticated'
  | 'forbidden'
  | 'not-found'
  | 'conflict'
  | 'too-large'
  | 'unsupported-media-type'
  | 'rate-limited'
  | 'unavailable'
  | 'internal'

export interface InvalidParam {
  /** Which input: a field name (`peildatum`), a path (`regels[3].bsn`) or a line (`regel 3`). */
  readonly name: string
  /** Stable machine code, e.g. `bsn-ongeldig`. */
  readonly code: string
  /** Dutch, human-readable reason. */
  readonly reason: string
}

export class AppError extends Error {
  override readonly name = 'AppError'
  constructor(
    readonly kind: ErrorKind,
    /** Stable, listed in docs/errors.md, e.g. `populatie.bsn-ongeldig`. */
    readonly code: string,
    message: string,
    readonly invalidParams: readonly InvalidParam[] = [],
  ) {
    super(message)
  }
}

export const isAppError = (e: unknown): e is AppError => e instanceof AppError

/**
 * A problem for every query parameter not in `bekend` (`parameter-onbekend`): a BSN, or a typo such as `limit`, is
 * refused rather than silently ignored. For handlers that list every problem of a query at once; API routes that do
 * not check their query themselves refuse unknown parameters by a hook on their schema (adapters/http/server.ts).
 */
export function onbekendeParameters(q: Readonly<Record<string, unknown>>, bekend: readonly string[]): InvalidParam[] {
  return Object.keys(q).filter((k) => !bekend.includes(k))
    .map((k) => ({ name: k, code: 'parameter-onbekend', reason: bekend.length ? `onbekende parameter; toegestaan: ${bekend.join(', ')}` : 'onbekende parameter; deze operatie kent geen parameters' }))
}
