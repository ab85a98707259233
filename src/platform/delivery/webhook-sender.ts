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

/**
 * Immediate re-sends of one attempt whose kept-alive connection was reset before any answer (the keep-alive race);
 * each goes out on another connection, as the reset one has left the pool.
 */
const HERKANSINGEN_HERGEBRUIKT = 2

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
        let klaar = false
        const done = (r: Omit<AttemptResult, 'duurMs'>) => { if (klaar) return; klaar = true; clearTimeout(timer); resolve({ ...r, duurMs: elapsed() }) }
        const lib = target.url.protocol === 'https:' ? https : http
        let req: http.ClientRequest
        const timer = setTimeout(() => req.destroy(new Error(`geen antwoord binnen ${opts.timeoutMs} ms`)), opts.timeoutMs)
        function stuur(herkansingen: number): void {
          let beantwoord = false
          req = lib.request(target.url, {
            method: 'POST',
            agent: agents[target.url.protocol as 'http:' | 'https:'],
            headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
            lookup: pinnedLookup(target),
          }, (res) => {
            beantwoord = true
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
          req.on('error', (err: NodeJS.ErrnoException) => {
            // A kept-alive connection the receiver closed just as this request went out on it (its idle timeout came
            // due, e.g. while its event loop was busy): nothing was answered, so send again at once on another
            // connection rather than fail the attempt and retry 30 s later. Receivers de-duplicate on webhook-id.
            if (!klaar && !beantwoord && herkansingen > 0 && req.reusedSocket && (err.code === 'ECONNRESET' || err.code === 'EPIPE')) {
              stuur(herkansingen - 1)
              return
            }
            done({ ok: false, httpStatus: null, fout: err.code ? `${err.code}: ${err.message}` : err.message })
          })
          req.end(body)
        }
        stuur(HERKANSINGEN_HERGEBRUIKT)
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
