import type { FastifyInstance } from 'fastify'
import type { CustomFetch } from 'openid-client'

/**
 * A `fetch` for openid-client that answers requests to the hub's own public URL in-process with `inject`, and
 * sends everything else over the network. The embedded provider lives in the same process as its client; a real
 * HTTP round trip to ourselves would fail wherever the public URL is only reachable from outside (behind a proxy,
 * in a container) and during tests that never listen on a port.
 */
export function injectFetch(app: FastifyInstance, publicUrl: string): CustomFetch {
  const self = new URL(publicUrl)
  return async function hubFetch(url, options) {
    const target = new URL(url)
    if (target.origin !== self.origin) return fetch(url, options as RequestInit)
    const headers: Record<string, string> = { ...options.headers, host: self.host }
    if (self.protocol === 'https:') headers['x-forwarded-proto'] = 'https'
    const res = await app.inject({
      method: options.method as 'GET' | 'POST',
      url: target.pathname + target.search,
      headers,
      ...(options.body === undefined || options.body === null ? {} : { payload: bodyText(options.body) }),
    })
    const responseHeaders = new Headers()
    for (const [name, value] of Object.entries(res.headers)) {
      if (Array.isArray(value)) for (const v of value) responseHeaders.append(name, v)
      else if (value !== undefined) responseHeaders.set(name, String(value))
    }
    const empty = res.statusCode === 204 || res.statusCode === 304
    return new Response(empty ? null : new Uint8Array(res.rawPayload), { status: res.statusCode, headers: responseHeaders })
  }
}

function bodyText(body: unknown): string | Buffer {
  if (typeof body === 'string') return body
  if (body instanceof URLSearchParams) return body.toString()
  if (body instanceof Uint8Array) return Buffer.from(body)
  if (body instanceof ArrayBuffer) return Buffer.from(body)
  throw new TypeError('streaming request bodies are not supported for in-process requests')
}
