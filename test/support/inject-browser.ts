/**
 * A tiny "browser" over Fastify's inject: keeps cookies (name → value; paths and expiry are honoured only as far as
 * the portal tests need) and follows redirects within the app. Lets the login flow run without a real browser.
 */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify'

export interface InjectBrowser {
  readonly cookies: Map<string, string>
  get(url: string, headers?: Record<string, string>): Promise<LightMyRequestResponse>
  post(url: string, body: Record<string, string> | string, headers?: Record<string, string>): Promise<LightMyRequestResponse>
  /** Follows 3xx responses that stay on `origin`; returns the first non-redirect response and its URL. */
  follow(res: LightMyRequestResponse, from: string): Promise<{ res: LightMyRequestResponse; url: string }>
}

export function injectBrowser(app: FastifyInstance, origin: string): InjectBrowser {
  const cookies = new Map<string, string>()
  const cookieHeader = () => [...cookies].map(([k, v]) => `${k}=${v}`).join('; ')

  function remember(res: LightMyRequestResponse): void {
    const set = res.headers['set-cookie']
    for (const line of Array.isArray(set) ? set : set ? [set] : []) {
      const [pair, ...attrs] = line.split(';')
      const eq = pair!.indexOf('=')
      const name = pair!.slice(0, eq).trim()
      const value = pair!.slice(eq + 1).trim()
      const expired = attrs.some((a) => /^\s*max-age=0\s*$/i.test(a) || /expires=thu, 01 jan 1970/i.test(a))
      if (expired || value === '') cookies.delete(name)
      else cookies.set(name, value)
    }
  }

  const pathOf = (url: string) => {
    const u = new URL(url, origin)
    if (u.origin !== new URL(origin).origin) throw new Error(`redirect leaves the app: ${u.origin}`)
    return u.pathname + u.search
  }

  const b: InjectBrowser = {
    cookies,
    async get(url, headers = {}) {
      const res = await app.inject({ method: 'GET', url: pathOf(url), headers: { cookie: cookieHeader(), host: new URL(origin).host, ...headers } })
      remember(res)
      return res
    },
    async post(url, body, headers = {}) {
      const form = typeof body === 'string'
      const res = await app.inject({
        method: 'POST', url: pathOf(url),
        headers: { cookie: cookieHeader(), host: new URL(origin).host, 'content-type': form ? 'application/json' : 'application/x-www-form-urlencoded', ...headers },
        payload: form ? body : new URLSearchParams(body).toString(),
      })
      remember(res)
      return res
    },
    async follow(res, from) {
      let url = from
      for (let i = 0; i < 10 && res.statusCode >= 300 && res.statusCode < 400; i++) {
        url = new URL(String(res.headers.location), new URL(url, origin)).href
        res = await b.get(url)
      }
      return { res, url }
    },
  }
  return b
}
