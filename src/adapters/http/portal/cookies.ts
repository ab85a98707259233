import type { Keyring } from '../../../platform/keyring/index.js'

/** Attributes of the cookies the portal sets; always httpOnly, because no script of ours needs to read them. */
export interface CookieOptions {
  readonly path: string
  readonly secure: boolean
  /** Seconds; absent for a browser-session cookie. */
  readonly maxAge?: number | undefined
}

/** Reads one cookie from a `Cookie` request header. */
export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined
  for (const part of header.split(';')) {
    const eq = part.indexOf('=')
    if (eq < 0) continue
    if (part.slice(0, eq).trim() === name) {
      const raw = part.slice(eq + 1).trim()
      try { return decodeURIComponent(raw) } catch { return undefined }
    }
  }
  return undefined
}

/**
 * A `Set-Cookie` value. SameSite=Lax: the cookie rides along when the identity provider redirects the browser back
 * (a top-level GET) but not on cross-site POSTs or fetches.
 */
export function serializeCookie(name: string, value: string, o: CookieOptions): string {
  const parts = [`${name}=${encodeURIComponent(value)}`, `Path=${o.path}`, 'HttpOnly', 'SameSite=Lax']
  if (o.secure) parts.push('Secure')
  if (o.maxAge !== undefined) parts.push(`Max-Age=${Math.max(0, Math.floor(o.maxAge))}`)
  return parts.join('; ')
}

export const expireCookie = (name: string, o: Omit<CookieOptions, 'maxAge'>): string => serializeCookie(name, '', { ...o, maxAge: 0 })

/**
 * `__Host-` cookies are bound to this exact host, path `/` and HTTPS, so a sibling subdomain cannot plant or
 * overwrite them. Browsers refuse the prefix over plain HTTP, hence the fallback for the local demo.
 */
export const cookieName = (base: string, secure: boolean, path: string): string => (secure && path === '/' ? `__Host-${base}` : base)

/** Seals a JSON value with AES-256-GCM under the session key: the browser can neither read nor alter it. */
export function seal(keyring: Keyring, value: unknown): string {
  return keyring.encrypt('sessie', JSON.stringify(value))
}

/** Opens a sealed value; undefined for anything tampered with, foreign or malformed. */
export function unseal<T>(keyring: Keyring, sealed: string | undefined): T | undefined {
  if (!sealed) return undefined
  try { return JSON.parse(keyring.decrypt('sessie', sealed)) as T } catch { return undefined }
}
