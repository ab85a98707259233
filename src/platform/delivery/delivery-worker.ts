import { Webhook } from 'standardwebhooks'
import type { HubContext } from '../../adapters/http/hub-context.js'
import { formatTraceparent, newSpanId, newTraceId } from '../../core/index.js'
import type { Verwerking } from '../ledger/index.js'
import type { AfleveringRow, DoodReden, OnderwerpSoort } from './delivery-tables.js'
import { gebeurtenisOnderwerp } from './gebeurtenis-onderwerp.js'
import type { ResolvedDeliveryOptions } from './delivery-options.js'
import { afleverCloudEvent, afleverRegel, beoordeel, type Afleverbaar, type OnderwerpStrategie } from './onderwerp.js'
import { nextDelayMs } from './retry-schedule.js'
import { signaalOnderwerp } from './signaal-onderwerp.js'
import { checkWebhookUrl } from './url-guard.js'
import { perBeurt, type ToegangVan } from './toegang-cache.js'
import { createWebhookSender, type AttemptResult } from './webhook-sender.js'

/** What can be delivered: one strategy per kind of subject (`afleveringen.onderwerp`). */
const ONDERWERPEN: Readonly<Record<OnderwerpSoort, OnderwerpStrategie>> = { signaal: signaalOnderwerp, gebeurtenis: gebeurtenisOnderwerp }

export interface DeliveryWorker {
  /** Look for due deliveries now (after a consumer inserted some, or a resend). */
  wake(): void
  /** Stops taking work and waits for the sends in flight. */
  stop(): Promise<void>
}

interface Poging { readonly a: AfleveringRow; readonly started: Date; readonly r: AttemptResult }

/** Time a claimed delivery stays invisible to other workers beyond the send timeout: a crashed sender's row returns then. */
const LEASE_MARGIN_MS = 60_000
/**
 * Attempts are written in groups; the first waits this long for others (or until `concurrency` wait). The receiver
 * already has the event and the send slot is free, so the wait costs no latency: the row stays leased meanwhile.
 */
const WRITE_LINGER_MS = 10

/**
 * Sends due deliveries. All state is in `afleveringen`: a restart simply finds the due rows again. A row is claimed
 * by moving its `volgende_poging` to a lease end with a compare-and-set, so several hub instances can share the
 * table and none sends a delivery another is sending; if a sender dies mid-send, the lease runs out and the
 * delivery is tried again (at least once — receivers de-duplicate on `webhook-id`).
 */
export function startDeliveryWorker(ctx: HubContext, opts: ResolvedDeliveryOptions, toegang: ToegangVan): DeliveryWorker {
  const { db } = ctx.database
  const sender = createWebhookSender({ timeoutMs: opts.timeoutMs, maxSockets: opts.concurrency })
  const inFlight = new Map<string, Promise<void>>()
  /** Attempts whose send is done and whose record is being written (grouped). */
  const schrijvende = new Set<Promise<void>>()
  let running = true
  let scanning: Promise<void> | undefined
  let scanAgain = false
  let wakeTimer: NodeJS.Immediate | undefined
  const timer = setInterval(wake, opts.pollMs)
  timer.unref()

  function wake(): void {
    if (!running) return
    if (scanning) { scanAgain = true; return }
    scanning = (async function scan() {
      do {
        scanAgain = false
        try { await claimDue() } catch (err) { opts.log.error({ err }, 'webhooks: wachtende afleveringen lezen mislukt') }
      } while (scanAgain && running)
    })().finally(() => { scanning = undefined })
  }

  /**
   * A wake after a send or a write, at the end of this round of I/O: the sends whose answers came in together free
   * their slots together, so one claim (and one load of subscriptions, signals and population) serves all of them
   * instead of one per send — and in the same turn of the event loop, not the next (a timer would cost a turn).
   */
  function wakeSoon(): void {
    if (!running || wakeTimer) return
    wakeTimer = setImmediate(() => { wakeTimer = undefined; wake() })
  }

  async function claimDue(): Promise<void> {
    // Attempts sent but not yet written count too (bounded backlog when writing is the slow part).
    const room = Math.min(opts.concurrency - inFlight.size, 4 * opts.concurrency - schrijvende.size - inFlight.size)
    if (room <= 0) return
    const now = ctx.clock.now()
    const nowIso = now.toISOString()
    const leaseEnd = new Date(now.getTime() + opts.timeoutMs + LEASE_MARGIN_MS).toISOString()
    let due = db.selectFrom('afleveringen').select('id').where('status', '=', 'wachtend').where('volgende_poging', '<=', nowIso)
    if (inFlight.size) due = due.where('id', 'not in', [...inFlight.keys()])
    // One statement claims the batch; the outer condition is re-checked on the locked row (PostgreSQL read
    // committed), so two instances that picked the same ids cannot both claim one. Each claim uses up one ledger line
    // written ahead (a send without one writes its own first).
    const claimed = await db.updateTable('afleveringen').set((eb) => ({ volgende_poging: leaseEnd, vooraf_vastgelegd: eb('vooraf_vastgelegd', '-', 1) }))
      .where('id', 'in', due.orderBy('volgende_poging').limit(room))
      .where('status', '=', 'wachtend').where('volgende_poging', '<=', nowIso)
      .returningAll().execute()
    if (claimed.length === 0) return
    const batch = await loadBatch(claimed)
    for (const a of claimed) {
      const send = deliver(a, batch)
        .catch((err: unknown) => opts.log.error({ err, aflevering: a.id }, 'webhooks: aflevering mislukt door een interne fout; opnieuw na de lease'))
        .finally(() => { inFlight.delete(a.id); wakeSoon() })
      inFlight.set(a.id, send)
    }
    if (claimed.length === room) scanAgain = true
  }

  /**
   * Subscriptions and subjects of a claimed batch, read once per batch instead of once per delivery, and at the same
   * time (each is a round trip on PostgreSQL). Subscriptions are read fresh for every batch (a cancelled one stops at
   * once); organisations and their products come from `toegang` (at most `toegangCacheMs` old).
   */
  async function loadBatch(claimed: readonly AfleveringRow[]) {
    const onderwerpen = new Map<string, Afleverbaar>()
    const [abonnementen] = await Promise.all([
      db.selectFrom('abonnementen').selectAll().where('id', 'in', [...new Set(claimed.map((a) => a.abonnement_id))]).execute(),
      ...Object.values(ONDERWERPEN).map(async (strategie) => {
        const ids = claimed.filter((a) => a.onderwerp === strategie.soort).map((a) => a.signaal_id)
        if (ids.length) for (const [id, item] of await strategie.laad(ctx, ids)) onderwerpen.set(`${strategie.soort}:${id}`, item)
      }),
    ])
    return {
      abonnement: new Map(abonnementen.map((b) => [b.id, b])),
      onderwerp: (a: AfleveringRow) => onderwerpen.get(`${a.onderwerp}:${a.signaal_id}`),
      toegang: perBeurt(toegang),
    }
  }
  type Batch = Awaited<ReturnType<typeof loadBatch>>

  /** One attempt for one claimed delivery. */
  async function deliver(aflevering: AfleveringRow, batch: Batch): Promise<void> {
    const abonnement = batch.abonnement.get(aflevering.abonnement_id)!
    const item = batch.onderwerp(aflevering)
    if (!item) return markDead(aflevering, ONDERWERPEN[aflevering.onderwerp].verdwenen)
    const oordeel = await beoordeel(ctx, abonnement, item, opts, batch.toegang)
    if ('weigering' in oordeel) return markDead(aflevering, oordeel.weigering)
    const { pakket } = oordeel
    const { zending } = pakket
    if (pakket.verwijderd.length) {
      ctx.metrics.guardRemoved.inc({ product: zending.product }, pakket.verwijderd.length)
      opts.log.warn({ verwijderd: pakket.verwijderd, product: zending.product }, 'uitvoerbewaking verwijderde velden uit een webhook')
    }
    const trace = { traceId: newTraceId(), spanId: newSpanId() }
    // Fail closed: no BSN leaves without its ledger line. The first send's line was written with the delivery; a
    // retry or resend writes its own here, and when that fails, nothing is sent (the row returns after the lease).
    if (pakket.bsn !== undefined && aflevering.vooraf_vastgelegd < 0) await legVast(aflevering, afleverRegel(ctx, pakket, abonnement.oin, trace))
    const body = JSON.stringify(afleverCloudEvent(aflevering.id, opts.hubOin, { ...zending, data: pakket.data }))
    const secret = ctx.keyring.decrypt('webhook-secret', abonnement.geheim_versleuteld)
    // One instant for the header and the signature: two clock reads can fall in different seconds, and then the
    // receiver's check fails (it signs the header's timestamp).
    const signedAt = opts.signClock.now()
    const headers = {
      'content-type': 'application/cloudevents+json; charset=utf-8',
      'user-agent': 'Knooppunt-webhooks/1',
      traceparent: formatTraceparent(trace),
      'webhook-id': aflevering.id,
      'webhook-timestamp': String(Math.floor(signedAt.getTime() / 1000)),
      'webhook-signature': new Webhook(secret).sign(aflevering.id, signedAt, body),
    }
    const started = ctx.clock.now()
    let result: AttemptResult
    try {
      result = await sender.post(await checkWebhookUrl(abonnement.url, opts), body, headers)
    } catch (err) {
      result = { ok: false, httpStatus: null, fout: (err as Error).message, duurMs: 0 }
    }
    // The send slot is free once the POST is done: the row stays leased until its attempt is written, so no other
    // scan takes it meanwhile.
    const geschreven = recordAttempt(aflevering, started, result)
    schrijvende.add(geschreven)
    void geschreven.catch((err: unknown) => opts.log.error({ err, aflevering: aflevering.id }, 'webhooks: poging vastleggen mislukt; opnieuw na de lease'))
      .finally(() => { schrijvende.delete(geschreven); wakeSoon() })
  }

  /** Attempts waiting to be written: whatever finished while the previous write ran goes in the next one. */
  const teSchrijven: Array<{ poging: Poging; klaar: () => void; fout: (err: unknown) => void }> = []
  let schrijvend: Promise<void> | undefined
  let schrijfTimer: NodeJS.Timeout | undefined

  /**
   * The ledger line of one send that carries a BSN and has none written ahead, and that line counted on the row, in
   * one transaction before the send.
   */
  async function legVast(a: AfleveringRow, regel: Verwerking): Promise<void> {
    await db.transaction().execute(async (tx) => {
      await ctx.ledger.record(tx, [regel])
      await tx.updateTable('afleveringen').set((eb) => ({ vooraf_vastgelegd: eb('vooraf_vastgelegd', '+', 1) })).where('id', '=', a.id).execute()
    })
    ctx.metrics.ledgerLines.inc({ product: regel.product })
  }

  /**
   * Records one attempt (row, next state). Attempts are written in groups: one transaction for all attempts that
   * finished while the previous group was written.
   */
  function recordAttempt(a: AfleveringRow, started: Date, r: AttemptResult): Promise<void> {
    return new Promise<void>((klaar, fout) => {
      teSchrijven.push({ poging: { a, started, r }, klaar, fout })
      planSchrijven()
    })
  }

  /** Starts a group write after the linger (at once when `concurrency` attempts wait); a running writer takes them along. */
  function planSchrijven(): void {
    if (schrijvend || teSchrijven.length === 0) return
    if (teSchrijven.length >= opts.concurrency || !running) { startSchrijven(); return }
    schrijfTimer ??= setTimeout(startSchrijven, WRITE_LINGER_MS)
  }

  function startSchrijven(): void {
    clearTimeout(schrijfTimer)
    schrijfTimer = undefined
    if (schrijvend) return
    schrijvend = schrijfGroepen().finally(() => {
      schrijvend = undefined
      planSchrijven() // attempts that came in after the loop's last look
    })
  }

  async function schrijfGroepen(): Promise<void> {
    while (teSchrijven.length) {
      const groep = teSchrijven.splice(0, 200)
      try {
        await schrijfPogingen(groep.map((g) => g.poging))
        for (const g of groep) g.klaar()
      } catch (err) {
        if (groep.length === 1) { groep[0]!.fout(err); continue }
        // One bad attempt must not fail the others: each alone, as before grouping.
        for (const g of groep) await schrijfPogingen([g.poging]).then(g.klaar, g.fout)
      }
    }
  }

  async function schrijfPogingen(pogingen: readonly Poging[]): Promise<void> {
    const now = ctx.clock.now()
    await db.transaction().execute(async (tx) => {
      await tx.insertInto('afleverpogingen').values(pogingen.map(({ a, started, r }) => ({
        aflevering_id: a.id, tijdstip: started.toISOString(), http_status: r.httpStatus, fout: r.fout, duur_ms: r.duurMs,
      }))).execute()
      // Only while still waiting: a subscription cancelled during the send has already made the row a dead letter.
      // The delivered ones in one statement (on PostgreSQL a statement per row was a round trip each, and made the
      // group write the worker's limit); `pogingen + 1` equals the claimed row's count, as the row is leased to us.
      const afgeleverd = pogingen.filter((p) => p.r.ok).map((p) => p.a.id)
      for (let i = 0; i < afgeleverd.length; i += 1_000) {
        await tx.updateTable('afleveringen')
          .set((eb) => ({ pogingen: eb('pogingen', '+', 1), status: 'afgeleverd' as const, afgeleverd: now.toISOString(), volgende_poging: null, reden: null }))
          .where('id', 'in', afgeleverd.slice(i, i + 1_000)).where('status', '=', 'wachtend').execute()
      }
      for (const { a, r } of pogingen) {
        if (r.ok) continue
        const aantal = a.pogingen + 1
        const delay = nextDelayMs(aantal, opts.retrySchedule, opts.jitter)
        const next = delay === undefined
          ? { status: 'dood' as const, volgende_poging: null, reden: 'pogingen-op' as const }
          : { volgende_poging: new Date(now.getTime() + delay).toISOString() }
        await tx.updateTable('afleveringen').set({ pogingen: aantal, ...next }).where('id', '=', a.id).where('status', '=', 'wachtend').execute()
      }
    })
  }

  async function markDead(a: AfleveringRow, reden: DoodReden): Promise<void> {
    await db.updateTable('afleveringen').set({ status: 'dood', reden, volgende_poging: null })
      .where('id', '=', a.id).where('status', '=', 'wachtend').execute()
  }

  wake()
  return {
    wake,
    async stop() {
      running = false
      clearInterval(timer)
      if (wakeTimer) clearImmediate(wakeTimer)
      await scanning
      await Promise.all(inFlight.values())
      startSchrijven() // no linger when stopping
      await Promise.allSettled([...schrijvende])
      await schrijvend
      sender.close()
    },
  }
}
