import http from 'node:http'
import https from 'node:https'
import type { LookupAddress } from 'node:dns'
import type { CheckedTarget } from './url-guard.js'

/** The outcome of one HTTP attempt, as recorded in `afleverpogingen`. */
export interface AttemptResult {
  readonly ok: boolean
  readonly httpStatus: number | null
  readonly fout: string | null
  readonly duurMs: number
}

export interface WebhookSender {
  post(target: CheckedTarget, body: string, headers: Record<string, string>): Promise<AttemptResult>
  close(): void
}

/** How much of a failing receiver's answer is kept, to help its operator; more is noise (and maybe their data). */
const MAX_FOUT_TEKENS = 200

/**
 * POSTs to a checked target. The connection goes only to the addresses the SSRF check resolved (a custom
 * `lookup`), so DNS cannot be switched between the check and the connect; TLS still verifies the host name.
 * Redirects are never followed (a 3xx is a failed attempt). Success is a 2xx within `timeoutMs`, body included.
 */
export function createWebhookSender(opts: { timeoutMs: number; maxSockets: number }): WebhookSender {
  const agents = {
    'http:': new http.Agent({ keepAlive: true, maxSockets: opts.maxSockets }),
    'https:': new https.Agent({ keepAlive: true, maxSockets: opts.maxSockets }),
  }
  return {
    post(target, body, headers) {
      const started = performance.now()
      const elapsed = () => Math.round(performance.now() - started)
      return new Promise<AttemptResult>((resolve) => {
        const done = (r: Omit<AttemptResult, 'duurMs'>) => { clearTimeout(timer); resolve({ ...r, duurMs: elapsed() }) }
        const lib = target.url.protocol === 'https:' ? https : http
        const req = lib.request(target.url, {
          method: 'POST',
          agent: agents[target.url.protocol as 'http:' | 'https:'],
          headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
          lookup: pinnedLookup(target),
        }, (res) => {
          const status = res.statusCode ?? 0
          let text = ''
          res.setEncoding('utf8')
          res.on('data', (chunk: string) => { if (text.length < MAX_FOUT_TEKENS) text += chunk })
          res.on('end', () => {
            if (status >= 200 && status < 300) done({ ok: true, httpStatus: status, fout: null })
            else done({ ok: false, httpStatus: status, fout: foutTekst(status, text) })
          })
          res.on('error', (err) => done({ ok: false, httpStatus: status, fout: `antwoord afgebroken: ${err.message}` }))
        })
        const timer = setTimeout(() => req.destroy(new Error(`geen antwoord binnen ${opts.timeoutMs} ms`)), opts.timeoutMs)
        req.on('error', (err: NodeJS.ErrnoException) => done({ ok: false, httpStatus: null, fout: err.code ? `${err.code}: ${err.message}` : err.message }))
        req.end(body)
      })
    },
    close() {
      agents['http:'].destroy()
      agents['https:'].destroy()
    },
  }
}

function foutTekst(status: number, body: string): string {
  const kort = body.replace(/\s+/g, ' ').trim().slice(0, MAX_FOUT_TEKENS)
  const soort = status >= 300 && status < 400 ? ' (doorverwijzingen worden niet gevolgd)' : ''
  return `HTTP ${status}${soort}${kort ? `: ${kort}` : ''}`
}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void

/** A `lookup` that answers with the already-checked addresses only. */
function pinnedLookup(target: CheckedTarget) {
  return function lookupChecked(_host: string, options: { all?: boolean; family?: number | string }, cb: LookupCallback): void {
    const wanted = options.family === 4 || options.family === 6 ? target.addresses.filter((a) => a.family === options.family) : target.addresses
    const list = wanted.length ? wanted : target.addresses
    if (options.all) cb(null, list.map((a) => ({ address: a.address, family: a.family })))
    else cb(null, list[0]!.address, list[0]!.family)
  }
}
