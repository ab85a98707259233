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

export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE'

/**
 * Calls the hub with the portal header and the session cookie. Resolves with the JSON body (undefined for 204);
 * rejects with ValidationError, ApiError or NetworkError, so callers only decide what to show, never how to parse.
 */
export async function api<T>(method: Method, path: string, body?: unknown): Promise<T> {
  const res = await send(path, {
    method,
    headers: { accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  })
  return (await jsonOf(res)) as T
}

/**
 * Sends a file as `text/csv` (population, delivery, batch); the browser streams the File, it is never read into a
 * string. Extra headers carry what the API wants outside the body, such as `Levering-Id`.
 */
export async function uploadCsv<T>(method: 'PUT' | 'POST', path: string, file: Blob, headers: Readonly<Record<string, string>> = {}): Promise<T> {
  const res = await send(path, { method, headers: { accept: 'application/json', 'content-type': 'text/csv', ...headers }, body: file })
  return (await jsonOf(res)) as T
}

/**
 * Downloads a file the API produces (CSV exports). A plain link cannot carry the portal header, so the file is
 * fetched and handed to the browser as a blob; the name comes from Content-Disposition when the hub sends one.
 * A CSV gets a byte order mark here, for the person who opens it in a spreadsheet: without one, Excel reads UTF-8 as
 * another encoding and garbles every ë and é. The API itself sends none (systems that read it do not want one).
 */
export async function download(path: string, fallbackName: string): Promise<void> {
  const res = await send(path, { method: 'GET', headers: { accept: 'text/csv, application/json' } })
  if (!res.ok) await jsonOf(res)
  const type = res.headers.get('content-type') ?? ''
  const blob = type.startsWith('text/csv') ? new Blob(['\uFEFF', await res.text()], { type }) : await res.blob()
  const name = /filename="?([^";]+)"?/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? fallbackName
  const url = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = url
  a.download = name
  document.body.append(a)
  a.click()
  a.remove()
  // Give the browser a moment to start the download before the blob goes.
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

/** A 404 for a route the hub does not have (yet): the product's API is not mounted on this hub. */
export const isNietBeschikbaar = (e: unknown): boolean => e instanceof ApiError && e.status === 404 && e.problem?.code === 'route.onbekend'

async function send(path: string, init: RequestInit & { headers: Record<string, string> }): Promise<Response> {
  try {
    return await fetch(path, { ...init, credentials: 'same-origin', headers: { [PORTAL_HEADER]: '1', ...init.headers } })
  } catch (e) {
    throw new NetworkError((e as Error).message)
  }
}

async function jsonOf(res: Response): Promise<unknown> {
  if (res.status === 204) return undefined
  if (!res.ok) {
    const problem = await readProblem(res)
    if (res.status === 400 && problem?.invalidParams?.length) throw new ValidationError({ ...problem, invalidParams: problem.invalidParams })
    throw new ApiError(res.status, problem)
  }
  return res.json()
}
