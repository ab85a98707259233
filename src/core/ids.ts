import { randomBytes, randomUUID } from 'node:crypto'

/** A random UUID v4 for public ids (signals, deliveries, subscriptions). */
export const newId = (): string => randomUUID()

/**
 * A UUID v7 (RFC 9562): 48 bits of Unix milliseconds, then 74 random bits. For ids of rows written in bulk (signals,
 * ledger lines, outbox events): their unique index then grows at its end instead of at a random place, so a
 * batch of millions touches a few index pages per chunk rather than one per row. Still a UUID; it reveals the
 * creation time to the millisecond, which the rows carry in the clear anyway.
 */
export function newOrderedId(): string {
  if (poolPos + 10 > pool.length) { pool = randomBytes(4096); poolPos = 0 }
  const ms = Date.now()
  const b = scratch
  b.writeUIntBE(ms, 0, 6)
  pool.copy(b, 6, poolPos, poolPos + 10)
  poolPos += 10
  b[6] = 0x70 | (b[6]! & 0x0f)
  b[8] = 0x80 | (b[8]! & 0x3f)
  const h = b.toString('hex')
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`
}
let pool = Buffer.alloc(0)
let poolPos = 0
const scratch = Buffer.alloc(16)

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
