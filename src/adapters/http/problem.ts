import type { ErrorKind, InvalidParam } from '../../core/index.js'
import { AppError } from '../../core/index.js'

/** The one place where an error kind becomes an HTTP status (tRPC-style exhaustive map). */
export const STATUS_BY_KIND: Record<ErrorKind, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  'too-large': 413,
  'unsupported-media-type': 415,
  'rate-limited': 429,
  unavailable: 503,
  internal: 500,
}

const TITLES: Record<ErrorKind, string> = {
  invalid: 'Ongeldige invoer',
  unauthenticated: 'Niet geauthenticeerd',
  forbidden: 'Geen toegang',
  'not-found': 'Niet gevonden',
  conflict: 'Conflict',
  'too-large': 'Verzoek te groot',
  'unsupported-media-type': 'Niet-ondersteund mediatype',
  'rate-limited': 'Te veel verzoeken',
  unavailable: 'Tijdelijk niet beschikbaar',
  internal: 'Interne fout',
}

/** RFC 9457 problem details, with the NL API Design Rules' `invalidParams` and our stable `code`. */
export interface Problem {
  type: string
  title: string
  status: number
  detail: string
  code: string
  instance?: string
  traceId?: string
  invalidParams?: readonly InvalidParam[]
}

export function toProblem(e: AppError, instance?: string, traceId?: string): Problem {
  const status = STATUS_BY_KIND[e.kind]
  return {
    type: `https://knooppunt.nl/problemen/${e.code}`,
    title: TITLES[e.kind],
    status,
    detail: e.message,
    code: e.code,
    ...(instance ? { instance } : {}),
    ...(traceId ? { traceId } : {}),
    ...(e.invalidParams.length ? { invalidParams: e.invalidParams } : {}),
  }
}

interface FastifyLikeError { code?: string; statusCode?: number; validation?: Array<{ instancePath?: string; message?: string; keyword?: string; params?: Record<string, unknown> }>; validationContext?: string; message?: string }

/** Translates Fastify's and its plugins' own errors into AppErrors with stable codes. */
export function fromFastifyError(err: unknown): AppError {
  if (err instanceof AppError) return err
  const e = (err ?? {}) as FastifyLikeError
  if (e.validation) return new AppError('invalid', 'verzoek.ongeldig', 'het verzoek bevat ongeldige velden', e.validation.map((v) => toInvalidParam(v, e.validationContext)))
  switch (e.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE': return new AppError('too-large', 'verzoek.te-groot', 'de body van het verzoek is groter dan toegestaan')
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE': return new AppError('unsupported-media-type', 'verzoek.mediatype', 'dit Content-Type wordt hier niet ondersteund')
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH': return new AppError('invalid', 'verzoek.content-length', 'Content-Length klopt niet met de body')
    case 'FST_ERR_CTP_EMPTY_JSON_BODY': return new AppError('invalid', 'verzoek.json-leeg', 'Content-Type is application/json maar de body is leeg')
    case 'FST_ERR_CTP_INVALID_JSON_BODY': return new AppError('invalid', 'verzoek.json-ongeldig', 'de body is geen geldige JSON')
    case 'FST_ERR_BAD_URL': return new AppError('invalid', 'verzoek.url-ongeldig', 'de URL is ongeldig: een %-codering klopt niet (geen geldige UTF-8)')
    case 'FST_ERR_CTP_EMPTY_TYPE': return new AppError('unsupported-media-type', 'verzoek.mediatype', 'Content-Type ontbreekt')
    default: break
  }
  if (e.statusCode === 400 && err instanceof SyntaxError) return new AppError('invalid', 'verzoek.json-ongeldig', 'de body is geen geldige JSON')
  if (e.statusCode === 429) return new AppError('rate-limited', 'verzoek.te-veel', 'te veel verzoeken; probeer het later opnieuw')
  if (e.statusCode === 413) return new AppError('too-large', 'verzoek.te-groot', 'de body van het verzoek is groter dan toegestaan')
  if (e.statusCode === 415) return new AppError('unsupported-media-type', 'verzoek.mediatype', 'dit Content-Type wordt hier niet ondersteund')
  if (e.statusCode && e.statusCode >= 400 && e.statusCode < 500) return new AppError('invalid', 'verzoek.ongeldig', 'het verzoek is ongeldig')
  return new AppError('internal', 'intern', 'er ging iets mis in de hub; de fout is gelogd')
}

function toInvalidParam(v: { instancePath?: string; message?: string; keyword?: string; params?: Record<string, unknown> }, context = 'body'): InvalidParam {
  const path = (v.instancePath ?? '').replace(/^\//, '').replace(/\//g, '.')
  const missing = v.keyword === 'required' ? String(v.params?.missingProperty ?? '') : ''
  const extra = v.keyword === 'additionalProperties' ? String(v.params?.additionalProperty ?? '') : ''
  const name = [path, missing || extra].filter(Boolean).join('.') || context
  const reason = missing ? 'verplicht veld ontbreekt' : extra ? 'onbekend veld' : v.message ?? 'ongeldig'
  return { name, code: v.keyword ?? 'ongeldig', reason }
}
