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
