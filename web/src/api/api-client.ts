/** The header the server requires before it accepts the session cookie on an API call (CSRF defence). */
export const PORTAL_HEADER = 'x-knooppunt-portaal'

export interface InvalidParam { readonly name: string; readonly code: string; readonly reason: string }

/** RFC 9457 problem details as the hub sends them. */
export interface Problem {
  readonly title?: string
  readonly status: number
  readonly detail?: string
  readonly code?: string
  readonly traceId?: string
  readonly invalidParams?: readonly InvalidParam[]
}

/** An HTTP error answer from the hub; mirrors the status and keeps the problem. */
export class ApiError extends Error {
  override readonly name: string = 'ApiError'
  constructor(readonly status: number, readonly problem: Problem | undefined) {
    super(problem?.detail ?? `HTTP ${status}`)
  }
}

/** A 400 with `invalidParams`: becomes error messages next to the form fields. */
export class ValidationError extends ApiError {
  override readonly name = 'ValidationError'
  constructor(problem: Problem & { readonly invalidParams: readonly InvalidParam[] }) {
    super(400, problem)
  }
  get invalidParams(): readonly InvalidParam[] { return this.problem?.invalidParams ?? [] }
}

/** The hub could not be reached at all. */
export class NetworkError extends Error {
  override readonly name = 'NetworkError'
}

async function readProblem(res: Response): Promise<Problem | undefined> {
  try { return (await res.json()) as Problem } catch { return undefined }
}

/**
 * Calls the hub with the portal header and the session cookie. Resolves with the JSON body (undefined for 204);
 * rejects with ValidationError, ApiError or NetworkError, so callers only decide what to show, never how to parse.
 */
export async function api<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
  let res: Response
  try {
    res = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: { [PORTAL_HEADER]: '1', accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    })
  } catch (e) {
    throw new NetworkError((e as Error).message)
  }
  if (res.status === 204) return undefined as T
  if (!res.ok) {
    const problem = await readProblem(res)
    if (res.status === 400 && problem?.invalidParams?.length) throw new ValidationError({ ...problem, invalidParams: problem.invalidParams })
    throw new ApiError(res.status, problem)
  }
  return (await res.json()) as T
}
