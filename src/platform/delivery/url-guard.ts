import { lookup as dnsLookup } from 'node:dns/promises'
import { BlockList, isIP } from 'node:net'
import { AppError } from '../../core/index.js'

/** One resolved address, as `dns.lookup(…, { all: true })` gives it. */
export interface ResolvedAddress { readonly address: string; readonly family: number }
/** The DNS port the guard uses; tests and the sender pass their own. */
export type Resolve = (hostname: string) => Promise<readonly ResolvedAddress[]>

export const resolveAll: Resolve = (hostname) => dnsLookup(hostname, { all: true, verbatim: true })

/**
 * Ranges a webhook may never reach in production: the hub's own host, private networks and cloud metadata
 * endpoints (SSRF). IPv4-mapped IPv6 addresses (`::ffff:10.0.0.1`) are matched by BlockList against the IPv4
 * ranges; NAT64 and 6to4 addresses are unpacked below so the IPv4 address inside them is checked too.
 */
const BLOCKED = (() => {
  const b = new BlockList()
  for (const [net, prefix] of [
    ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12],
    ['192.0.0.0', 24], ['192.0.2.0', 24], ['192.88.99.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15],
    ['198.51.100.0', 24], ['203.0.113.0', 24], ['224.0.0.0', 4], ['240.0.0.0', 4],
  ] as const) b.addSubnet(net, prefix, 'ipv4')
  for (const [net, prefix] of [
    ['::', 128], ['::1', 128], ['100::', 64], ['2001:db8::', 32], ['fc00::', 7], ['fe80::', 10],
    ['fec0::', 10], ['ff00::', 8],
  ] as const) b.addSubnet(net, prefix, 'ipv6')
  return b
})()

/** True when `address` (IPv4 or IPv6 text) lies in a loopback, private, link-local, unique-local or reserved range. */
export function isBlockedAddress(address: string): boolean {
  const family = isIP(address)
  if (family === 4) return BLOCKED.check(address, 'ipv4')
  if (family !== 6) return true // not an address at all: refuse rather than guess
  if (BLOCKED.check(address, 'ipv6')) return true
  const embedded = embeddedIpv4(address)
  return embedded !== undefined && BLOCKED.check(embedded, 'ipv4')
}

/** The IPv4 address inside an IPv4-mapped (`::ffff:a.b.c.d`), NAT64 (`64:ff9b::/96`) or 6to4 (`2002::/16`) address. */
function embeddedIpv4(address: string): string | undefined {
  const h = expandIpv6(address)
  if (!h) return undefined
  const v4 = (hi: number, lo: number) => `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`
  if (h.slice(0, 5).every((x) => x === 0) && h[5] === 0xffff) return v4(h[6]!, h[7]!)
  if (h[0] === 0x64 && h[1] === 0xff9b && h.slice(2, 6).every((x) => x === 0)) return v4(h[6]!, h[7]!)
  if (h[0] === 0x2002) return v4(h[1]!, h[2]!)
  return undefined
}

/** Eight 16-bit groups of an IPv6 address (with `::` and a dotted IPv4 tail expanded), or undefined. */
function expandIpv6(address: string): number[] | undefined {
  let text = address.split('%')[0]!.toLowerCase()
  const dotted = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text)
  if (dotted) {
    const [a, b, c, d] = dotted.slice(1).map(Number) as [number, number, number, number]
    text = text.slice(0, dotted.index) + `${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`
  }
  const [head, tail] = text.split('::') as [string, string | undefined]
  const parse = (s: string) => (s ? s.split(':').map((x) => parseInt(x, 16)) : [])
  const left = parse(head)
  const right = tail === undefined ? [] : parse(tail)
  const fill = tail === undefined ? 0 : 8 - left.length - right.length
  const groups = [...left, ...Array<number>(Math.max(0, fill)).fill(0), ...right]
  return groups.length === 8 && groups.every((g) => Number.isInteger(g) && g >= 0 && g <= 0xffff) ? groups : undefined
}

export interface UrlGuardOptions {
  /** Demo and test mode: loopback and private targets are allowed (a receiver on the same machine). */
  readonly allowPrivateUrls: boolean
  readonly resolve?: Resolve
}

/** A checked target: the URL and the addresses it resolved to, all allowed. Connect only to one of these. */
export interface CheckedTarget { readonly url: URL; readonly addresses: readonly ResolvedAddress[] }

const MAX_URL_LENGTH = 2048

/** Syntax only (scheme, credentials, length): cheap, and the same in every mode. Throws `abonnement.url-ongeldig`. */
export function parseWebhookUrl(raw: unknown): URL {
  const bad = (reason: string): never => {
    throw new AppError('invalid', 'abonnement.url-ongeldig', `url: ${reason}`, [{ name: 'url', code: 'url-ongeldig', reason }])
  }
  if (typeof raw !== 'string' || raw.length === 0) return bad('verplicht')
  if (raw.length > MAX_URL_LENGTH) return bad(`langer dan ${MAX_URL_LENGTH} tekens`)
  let url: URL
  try { url = new URL(raw) } catch { return bad('geen geldige URL') }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return bad('alleen http- en https-URL\'s')
  // Credentials would be stored and logged with the URL; the signature authenticates the hub instead.
  if (url.username || url.password) return bad('gebruikersnaam of wachtwoord in de URL is niet toegestaan')
  if (url.hash) return bad('een URL met #fragment is niet toegestaan')
  return url
}

/**
 * The SSRF check, at subscription time and again before every send (DNS may have changed since: rebinding).
 * Resolves the host and refuses when *any* address is loopback, private, link-local or unique-local, unless
 * private targets are allowed. Throws `abonnement.url-geweigerd` or `abonnement.url-onbekende-host`.
 */
export async function checkWebhookUrl(raw: unknown, opts: UrlGuardOptions): Promise<CheckedTarget> {
  const url = parseWebhookUrl(raw)
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1')
  let addresses: readonly ResolvedAddress[]
  if (isIP(host)) addresses = [{ address: host, family: isIP(host) }]
  else {
    try { addresses = await (opts.resolve ?? resolveAll)(host) } catch { addresses = [] }
    if (addresses.length === 0) {
      throw new AppError('invalid', 'abonnement.url-onbekende-host', `url: host '${host}' is niet te vinden in DNS`,
        [{ name: 'url', code: 'url-onbekende-host', reason: `host '${host}' is niet te vinden in DNS` }])
    }
  }
  if (!opts.allowPrivateUrls) {
    const refused = addresses.filter((a) => isBlockedAddress(a.address))
    if (refused.length) {
      const reason = `de URL wijst naar een intern of privé-adres (${refused.map((a) => a.address).join(', ')}); kies een publiek bereikbaar adres`
      throw new AppError('invalid', 'abonnement.url-geweigerd', `url: ${reason}`, [{ name: 'url', code: 'url-geweigerd', reason }])
    }
  }
  return { url, addresses }
}
