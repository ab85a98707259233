import { AppError } from '../core/index.js'

/** Exit codes of the CLI: distinct per error kind so scripts can react. */
const EXIT: Record<AppError['kind'], number> = {
  invalid: 2, unauthenticated: 3, forbidden: 3, 'not-found': 4, conflict: 5, 'too-large': 2, 'unsupported-media-type': 2,
  'rate-limited': 6, unavailable: 7, internal: 1,
}

/** Prints one line naming what went wrong (never a stack trace) and exits non-zero. */
export function fail(e: unknown): never {
  if (e instanceof AppError) {
    const params = e.invalidParams.length ? ` (${e.invalidParams.map((p) => `${p.name}: ${p.reason}`).join('; ')})` : ''
    process.stderr.write(`knooppunt: ${e.message}${params} [${e.code}]\n`)
    process.exit(EXIT[e.kind])
  }
  const err = e as NodeJS.ErrnoException
  if (err?.code === 'EADDRINUSE') {
    process.stderr.write(`knooppunt: de poort is al in gebruik (${err.message.replace(/^listen EADDRINUSE: address already in use /, '')}); stop het andere programma of kies een andere poort met PORT=…\n`)
    process.exit(7)
  }
  if (err?.code === 'ECONNREFUSED') {
    process.stderr.write(`knooppunt: kan geen verbinding maken (${err.message}); draait de database of NATS?\n`)
    process.exit(7)
  }
  process.stderr.write(`knooppunt: onverwachte fout: ${err?.message ?? String(e)}\n`)
  process.exit(1)
}

/** Runs an async command action and turns any error into `fail`. */
export const action = <A extends unknown[]>(fn: (...args: A) => Promise<void>) => async (...args: A) => {
  try { await fn(...args) } catch (e) { fail(e) }
}
