/**
 * Fixtures for the webhook tests: signal rows inserted the way the signal store writes them (row + outbox event in
 * one transaction), population rows, and a real HTTP receiver on 127.0.0.1.
 */
import { createServer, type IncomingHttpHeaders } from 'node:http'
import type { AddressInfo } from 'node:net'
import { newId } from '../../src/core/index.js'
import { nieuwBsn, wachtTot } from './fixtures.js'
import type { HubContext } from '../../src/adapters/http/hub-context.js'
import { appendToOutbox } from '../../src/platform/events/index.js'

/** A fresh valid BSN for each call. */
export const nieuweBsn = nieuwBsn

export interface NieuwSignaal {
  readonly oin: string
  readonly bsn: string
  readonly product?: string
  readonly soort?: string
  readonly periodeVan?: string
  readonly periodeTot?: string
}

/** Inserts a signal and its `knooppunt.signaal.aangemaakt.v1` event (no BSN) as the signal store does; returns its id. */
export async function maakSignaal(ctx: HubContext, s: NieuwSignaal, opts: { eventTweeKeer?: boolean } = {}): Promise<string> {
  const id = newId()
  const product = s.product ?? 'samenloop'
  const soort = s.soort ?? 'inkomsten'
  await ctx.database.db.transaction().execute(async (tx) => {
    await tx.insertInto('signalen').values({
      id, oin: s.oin, product, soort, bsn: s.bsn, sleutel: `ivh-1|${id}`, inhoud_hash: 'h'.repeat(64),
      periode_van: s.periodeVan ?? '2026-01-01', periode_tot: s.periodeTot ?? '2026-01-31',
      bronnen: JSON.stringify([{ bron: 'uwv-polis', leveringId: 'polis-2026-01', regel: 2 }]),
      regel_id: 'samenloop.inkomsten', regel_versie: '1', uitleg: 'Er is loon betaald in een maand met bijstand.',
      gegevens: JSON.stringify({ werkgeverNaam: 'Bakkerij De Korst', brutoloonCent: 125000 }),
      correctie: 0, status: 'nieuw', terugmelding: null, aangemaakt: ctx.clock.now().toISOString(),
    }).execute()
    const event = { type: 'knooppunt.signaal.aangemaakt.v1', data: { signaalId: id, oin: s.oin, product, soort } }
    await appendToOutbox(tx, ctx.clock, opts.eventTweeKeer ? [event, event] : [event])
  })
  ctx.bus.notify()
  return id
}

/** Puts a BSN in an organisation's current population for a product. */
export async function zetInPopulatie(ctx: HubContext, p: { oin: string; bsn: string; product?: string; ingangsdatum?: string; einddatum?: string }): Promise<void> {
  await ctx.database.db.insertInto('populatie_regels').values({
    oin: p.oin, product: p.product ?? 'samenloop', bsn: p.bsn, ingangsdatum: p.ingangsdatum ?? '2025-01-01',
    einddatum: p.einddatum ?? null, referentie: null, herkomst: 'upload', vastgelegd: ctx.clock.now().toISOString(), vervangen: null,
  }).execute()
}

export interface Ontvangen { readonly headers: IncomingHttpHeaders; readonly body: string; readonly url: string }

export interface Ontvanger extends AsyncDisposable {
  readonly url: string
  readonly ontvangen: Ontvangen[]
  /** The status the receiver answers with from now on. */
  status: number
}

/** A webhook receiver on 127.0.0.1 that records every request and answers with `status`. */
export async function startOntvanger(status = 200): Promise<Ontvanger> {
  const ontvangen: Ontvangen[] = []
  const state = { status }
  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      ontvangen.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), url: req.url ?? '' })
      res.writeHead(state.status, { 'content-type': 'text/plain' }).end(state.status < 300 ? 'ok' : 'tijdelijk niet beschikbaar')
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/webhooks/knooppunt`,
    ontvangen,
    get status() { return state.status },
    set status(s: number) { state.status = s },
    async [Symbol.asyncDispose]() {
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}

export { wachtTot }
