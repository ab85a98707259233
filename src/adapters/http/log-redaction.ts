import { redactBsns } from '../../core/index.js'

/**
 * Removes BSNs from anything the application log writes: message strings, nested objects, arrays and errors.
 * Pino's path-based `redact` cannot find a BSN inside free text, so we scrub by value (11-proef-valid 9-digit runs).
 */
export function scrubForLog(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return redactBsns(value)
  if (typeof value === 'number') return Number.isInteger(value) && value >= 1e8 && value < 1e9 ? redactBsns(String(value)) : value
  if (depth > 6 || value === null || typeof value !== 'object') return value
  if (value instanceof Error) return { type: value.name, message: redactBsns(value.message), stack: value.stack ? redactBsns(value.stack) : undefined }
  if (Array.isArray(value)) return value.map((v) => scrubForLog(v, depth + 1))
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(value)) out[k] = scrubForLog(v, depth + 1)
  return out
}

/** Pino options that scrub every log line. */
export const redactingLoggerOptions = {
  formatters: { log: (obj: Record<string, unknown>) => scrubForLog(obj) as Record<string, unknown> },
  hooks: {
    logMethod(this: unknown, args: unknown[], method: (...a: unknown[]) => void) {
      method.apply(this, args.map((a) => scrubForLog(a)))
    },
  },
  serializers: {
    // The default request serializer would log the raw URL with its query string; we log path only.
    req: (req: { method?: string; url?: string; id?: string }) => ({ method: req.method, url: redactBsns((req.url ?? '').split('?')[0] ?? ''), id: req.id }),
  },
}
