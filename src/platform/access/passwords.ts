import { createHash, randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto'

// scrypt with N=2^15, r=8, p=1 (OWASP's minimum for scrypt); encoded with its parameters so they can be raised later.
const N = 1 << 15
const OPTS: ScryptOptions = { N, r: 8, p: 1, maxmem: 64 * 1024 * 1024 }

function derive(secret: string, salt: Buffer, opts: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => scrypt(secret, salt, 32, opts, (e, k) => (e ? reject(e) : resolve(k))))
}

export async function hashSecret(secret: string): Promise<string> {
  const salt = randomBytes(16)
  const key = await derive(secret, salt, OPTS)
  return `scrypt$${N}$8$1$${salt.toString('base64url')}$${key.toString('base64url')}`
}

/**
 * Client secrets are 256-bit random values, so a fast hash is as strong as a slow one and keeps the token endpoint
 * quick; human passwords get scrypt.
 */
export const hashClientSecret = (secret: string): string => `sha256$${createHash('sha256').update(secret).digest('base64url')}`

export async function verifySecret(secret: string, encoded: string): Promise<boolean> {
  if (encoded.startsWith('sha256$')) {
    const a = Buffer.from(hashClientSecret(secret))
    const b = Buffer.from(encoded)
    return a.length === b.length && timingSafeEqual(a, b)
  }
  const [alg, n, r, p, salt, key] = encoded.split('$')
  if (alg !== 'scrypt' || !n || !r || !p || !salt || !key) return false
  const expected = Buffer.from(key, 'base64url')
  const actual = await derive(secret, Buffer.from(salt, 'base64url'), { N: Number(n), r: Number(r), p: Number(p), maxmem: 64 * 1024 * 1024 })
  return actual.length === expected.length && timingSafeEqual(actual, expected)
}

/** A random secret for API clients: 32 bytes, base64url. */
export const newSecret = (): string => randomBytes(32).toString('base64url')
