import { randomBytes, randomUUID } from 'node:crypto'

/** A random UUID v4 for public ids (signals, deliveries, subscriptions). */
export const newId = (): string => randomUUID()

/** A W3C trace-context trace id: 32 lowercase hex characters, not all zeros. */
export const newTraceId = (): string => randomBytes(16).toString('hex')
/** A W3C trace-context span (parent) id: 16 lowercase hex characters. */
export const newSpanId = (): string => randomBytes(8).toString('hex')

export interface TraceContext {
  readonly traceId: string
  readonly spanId: string
}

const TRACEPARENT = /^00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/

/**
 * Reads a W3C `traceparent` header (version 00). A malformed or all-zero header starts a new trace, as the
 * specification asks, instead of failing the request. The returned span id is a new span of our own.
 */
export function continueTrace(traceparent: string | undefined): TraceContext & { parentSpanId?: string } {
  const m = traceparent ? TRACEPARENT.exec(traceparent.trim()) : null
  if (m && !/^0+$/.test(m[1]!) && !/^0+$/.test(m[2]!)) return { traceId: m[1]!, spanId: newSpanId(), parentSpanId: m[2]! }
  return { traceId: newTraceId(), spanId: newSpanId() }
}

export const formatTraceparent = (t: TraceContext): string => `00-${t.traceId}-${t.spanId}-01`
