import { ApiError, NetworkError } from '../api/index.js'
import type { MessageKey } from '../i18n/index.js'

export type ErrorScreenKind = 'sessie-verlopen' | 'geen-toegang' | 'niet-gevonden' | 'bestaat-niet' | 'niet-beschikbaar' | 'geweigerd' | 'onbereikbaar' | 'onbekend'

export interface ErrorScreenChoice {
  readonly kind: ErrorScreenKind
  readonly titel: MessageKey
  readonly tekst: MessageKey
  /** Shown to the user so support can find the log line (the trace id, never personal data). */
  readonly code: string
  /** The hub's own explanation (problem `detail`, Dutch) for a refused request; empty otherwise. */
  readonly detail: string
}

const SCREENS: Record<ErrorScreenKind, { titel: MessageKey; tekst: MessageKey }> = {
  'sessie-verlopen': { titel: 'fout.sessie-verlopen.titel', tekst: 'fout.sessie-verlopen.tekst' },
  'geen-toegang': { titel: 'fout.geen-toegang.titel', tekst: 'fout.geen-toegang.tekst' },
  'niet-gevonden': { titel: 'fout.niet-gevonden.titel', tekst: 'fout.niet-gevonden.tekst' },
  'bestaat-niet': { titel: 'fout.bestaat-niet.titel', tekst: 'fout.bestaat-niet.tekst' },
  geweigerd: { titel: 'fout.geweigerd.titel', tekst: 'fout.geweigerd.tekst' },
  'niet-beschikbaar': { titel: 'fout.niet-beschikbaar.titel', tekst: 'fout.niet-beschikbaar.tekst' },
  onbereikbaar: { titel: 'fout.onbereikbaar.titel', tekst: 'fout.onbereikbaar.tekst' },
  onbekend: { titel: 'fout.onbekend.titel', tekst: 'fout.onbekend.tekst' },
}

/**
 * The one place that decides which error screen an error gets. Validation errors never arrive here: forms turn
 * them into field messages first.
 */
export function errorScreenFor(error: unknown): ErrorScreenChoice {
  const kind = kindOf(error)
  const code = error instanceof ApiError ? (error.problem?.traceId ?? error.problem?.code ?? String(error.status)) : kind
  const detail = (kind === 'geweigerd' || kind === 'bestaat-niet') && error instanceof ApiError ? (error.problem?.detail ?? '') : ''
  return { kind, ...SCREENS[kind], code, detail }
}

/** A screen chosen by kind alone (a page the user has no role for, an unknown path). */
export const errorScreen = (kind: ErrorScreenKind): ErrorScreenChoice => ({ kind, ...SCREENS[kind], code: kind, detail: '' })

function kindOf(error: unknown): ErrorScreenKind {
  if (error instanceof NetworkError) return 'onbereikbaar'
  if (!(error instanceof ApiError)) return 'onbekend'
  if (error.status === 401) return 'sessie-verlopen'
  if (error.status === 403) return 'geen-toegang'
  // The hub has no such route: this hub runs without the product's API (not yet built or not enabled).
  if (error.status === 404 && error.problem?.code === 'route.onbekend') return 'niet-beschikbaar'
  // A signal, delivery or subscription the hub does not know (or that is another organisation's): its own words.
  if (error.status === 404 && error.problem?.detail) return 'bestaat-niet'
  if (error.status === 404) return 'niet-gevonden'
  // A request the hub understood but refused (bad file, duplicate delivery, too large): its detail says why.
  if ([400, 409, 413, 415, 422].includes(error.status) && error.problem?.detail) return 'geweigerd'
  if (error.status === 502 || error.status === 503 || error.status === 504) return 'onbereikbaar'
  return 'onbekend'
}
