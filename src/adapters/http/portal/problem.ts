import type { FastifyReply, FastifyRequest } from 'fastify'
import { AppError } from '../../../core/index.js'
import { toProblem } from '../problem.js'

/**
 * Answers a portal JSON endpoint without a usable session as 401 problem+json. The code is the one the API's own
 * authenticator uses for the same situation, so the SPA handles both alike.
 */
export function sendNoSession(request: FastifyRequest, reply: FastifyReply, reason: 'kop' | 'sessie'): FastifyReply {
  const e = reason === 'kop'
    ? new AppError('unauthenticated', 'portaal.sessie', 'de portaalsessie telt alleen met de kop x-knooppunt-portaal: 1')
    : new AppError('unauthenticated', 'portaal.sessie', 'u bent niet (meer) ingelogd')
  const problem = toProblem(e, request.url.split('?')[0], (request as { trace?: { traceId?: string } }).trace?.traceId)
  return reply.code(problem.status).type('application/problem+json').header('cache-control', 'no-store').send(problem)
}
