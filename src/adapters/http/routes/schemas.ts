/** JSON Schemas shared by routes (they feed both validation and the published OpenAPI document). */
const problemBody = {
  type: 'object',
  description: 'Problem Details (RFC 9457) met `code` en `invalidParams`',
  properties: {
    type: { type: 'string' }, title: { type: 'string' }, status: { type: 'integer' }, detail: { type: 'string' },
    code: { type: 'string' }, instance: { type: 'string' }, traceId: { type: 'string' },
    invalidParams: { type: 'array', items: { type: 'object', properties: { name: { type: 'string' }, code: { type: 'string' }, reason: { type: 'string' } } } },
  },
} as const

/**
 * An error response: every error is sent as `application/problem+json` (adapters/http/server.ts), so the response
 * is keyed by that media type — a bare schema would be published as `application/json`.
 */
export const problemSchema = {
  description: 'Probleem (RFC 9457)',
  content: { 'application/problem+json': { schema: problemBody } },
} as const

/** Standard error responses for an authenticated route. */
export const authErrors = {
  400: problemSchema, 401: problemSchema, 403: problemSchema, 415: problemSchema, 429: problemSchema, 503: problemSchema,
} as const

export const security = [{ oauth2: [] as string[] }]
