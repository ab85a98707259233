import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import { basename } from 'node:path'
import { Readable } from 'node:stream'
import type { Command } from 'commander'
import { AppError, type ErrorKind, type InvalidParam } from '../../core/index.js'
import { action } from '../fail.js'
import { progressBar } from '../progress.js'

/** Where the hub is and who we are: options first, then `KNOOPPUNT_URL`, `KNOOPPUNT_CLIENT_ID`, `KNOOPPUNT_CLIENT_SECRET`. */
export interface HubVerbinding { readonly url: string; readonly clientId: string; readonly clientSecret: string }

export interface VerbindingOpties { url?: string; clientId?: string; clientSecret?: string }

/** Adds the shared connection options to a command. */
export function metVerbinding(cmd: Command): Command {
  return cmd
    .option('--url <url>', 'adres van de hub (standaard KNOOPPUNT_URL of http://localhost:8080)')
    .option('--client-id <id>', 'OAuth2 client id (standaard KNOOPPUNT_CLIENT_ID)')
    .option('--client-secret <geheim>', 'OAuth2 client secret (standaard KNOOPPUNT_CLIENT_SECRET; liever via de omgeving)')
}

export function verbindingVan(o: VerbindingOpties): HubVerbinding {
  const url = (o.url ?? process.env.KNOOPPUNT_URL ?? 'http://localhost:8080').replace(/\/+$/, '')
  const clientId = o.clientId ?? process.env.KNOOPPUNT_CLIENT_ID
  const clientSecret = o.clientSecret ?? process.env.KNOOPPUNT_CLIENT_SECRET
  if (!clientId || !clientSecret) throw new AppError('invalid', 'cli.geen-client', 'geef --client-id en --client-secret op, of zet KNOOPPUNT_CLIENT_ID en KNOOPPUNT_CLIENT_SECRET')
  return { url, clientId, clientSecret }
}

const KIND_BY_STATUS: Record<number, ErrorKind> = { 400: 'invalid', 401: 'unauthenticated', 403: 'forbidden', 404: 'not-found', 409: 'conflict', 413: 'too-large', 415: 'unsupported-media-type', 429: 'rate-limited', 503: 'unavailable' }

/** A problem+json answer becomes the same AppError the hub threw, so `fail` prints its code and exit status. */
async function probleem(res: Response): Promise<AppError> {
  const tekst = await res.text()
  try {
    const p = JSON.parse(tekst) as { code?: string; detail?: string; invalidParams?: InvalidParam[] }
    return new AppError(KIND_BY_STATUS[res.status] ?? 'internal', p.code ?? 'intern', p.detail ?? `HTTP ${res.status}`, (p.invalidParams ?? []).slice(0, 20))
  } catch {
    return new AppError(KIND_BY_STATUS[res.status] ?? 'internal', 'intern', `de hub antwoordde HTTP ${res.status}`)
  }
}

/** `fetch`, with "the hub cannot be reached" as one clear error instead of undici's bare "fetch failed". */
async function bereik(v: HubVerbinding, url: string, init: RequestInit & { duplex?: 'half' }): Promise<Response> {
  try {
    return await fetch(url, init)
  } catch (e) {
    const oorzaak = (e as { cause?: { code?: string; message?: string } }).cause
    throw new AppError('unavailable', 'cli.hub-onbereikbaar', `de hub op ${v.url} is niet bereikbaar (${oorzaak?.code ?? oorzaak?.message ?? (e as Error).message}); klopt --url of KNOOPPUNT_URL, en draait de hub?`)
  }
}

/** Calls the hub with a client-credentials token; throws the hub's problem as an AppError. */
export async function roepHub(v: HubVerbinding, pad: string, init: RequestInit & { duplex?: 'half' }): Promise<Response> {
  const tok = await bereik(v, `${v.url}/api/v1/oauth/token`, {
    method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: v.clientId, client_secret: v.clientSecret }).toString(),
  })
  if (!tok.ok) throw await probleem(tok)
  const { access_token: token } = await tok.json() as { access_token: string }
  const res = await bereik(v, `${v.url}${pad}`, { ...init, headers: { ...(init.headers as Record<string, string>), authorization: `Bearer ${token}` } })
  if (!res.ok) throw await probleem(res)
  return res
}

export async function bestandsgrootte(bestand: string): Promise<number> {
  let s: Awaited<ReturnType<typeof stat>>
  try {
    s = await stat(bestand)
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw new AppError('not-found', 'bestand.onbekend', `bestand ${bestand} bestaat niet`)
    throw e
  }
  if (s.isDirectory()) throw new AppError('invalid', 'bestand.geen-bestand', `${bestand} is een map, geen bestand`)
  return s.size
}

/** The default Levering-Id: file name plus the start of its SHA-256, so running the same command twice is harmless. */
async function standaardId(bestand: string): Promise<string> {
  const hash = createHash('sha256')
  for await (const stuk of createReadStream(bestand)) hash.update(stuk as Buffer)
  // The hub's Levering-Id starts with a letter or digit: `über.csv` or `_export.csv` must not make it invalid.
  const naam = basename(bestand).replace(/[^A-Za-z0-9._-]/g, '-').replace(/^[^A-Za-z0-9]+/, '').replace(/^event-/, 'e-').slice(0, 100) || 'levering'
  return `${naam}-${hash.digest('hex').slice(0, 16)}`
}

interface Antwoord { leveringId: string; aantalRegels: number; geaccepteerd: number; afgewezen: Array<{ regel: number; code: string; reden: string }> }

/**
 * `knooppunt lever <bron> <bestand>`: streams a source file to `POST /api/v1/bronnen/{bron}/leveringen` of a running
 * hub, with a progress bar on stderr; prints the delivery report as JSON on stdout and a summary line on stderr.
 *
 * @example KNOOPPUNT_CLIENT_ID=… KNOOPPUNT_CLIENT_SECRET=… knooppunt lever uwv-polis uwv-polis.csv
 */
export function registerLever(program: Command): void {
  metVerbinding(program.command('lever <bron> <bestand>'))
    .description('Lever een bronbestand (CSV) aan een draaiende hub; het verslag komt als JSON op stdout')
    .option('--levering-id <id>', 'Levering-Id (idempotentie); standaard bestandsnaam + begin van de SHA-256')
    .action(action(async (bron: string, bestand: string, opties: VerbindingOpties & { leveringId?: string }) => {
      const v = verbindingVan(opties)
      const totaal = await bestandsgrootte(bestand)
      const leveringId = opties.leveringId ?? await standaardId(bestand)
      const balk = progressBar(`lever ${bron}`)
      let gelezen = 0
      const stroom = createReadStream(bestand, { highWaterMark: 1024 * 1024 })
      stroom.on('data', (stuk) => { gelezen += stuk.length; balk.update(gelezen, totaal) })
      try {
        const res = await roepHub(v, `/api/v1/bronnen/${encodeURIComponent(bron)}/leveringen`, {
          method: 'POST', headers: { 'content-type': 'text/csv', 'levering-id': leveringId },
          body: Readable.toWeb(stroom) as unknown as BodyInit, duplex: 'half',
        })
        const a = await res.json() as Antwoord
        balk.stop()
        process.stdout.write(`${JSON.stringify(a, null, 2)}\n`)
        process.stderr.write(`levering ${a.leveringId}${res.status === 200 ? ' (al eerder ontvangen)' : ''}: ${a.aantalRegels} regels, ${a.geaccepteerd} geaccepteerd, ${a.aantalRegels - a.geaccepteerd} afgewezen\n`)
      } finally { balk.stop(); stroom.destroy() }
    }))
}
