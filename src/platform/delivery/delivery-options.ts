import { format } from 'node:util'
import { AppError, isOin, redactBsns, systemClock, type Clock } from '../../core/index.js'
import { RETRY_SCHEDULE_MS } from './retry-schedule.js'
import type { Resolve } from './url-guard.js'

/** The demo hub's OIN (the synthetic Netherlands' beheer organisation), used when none is configured. */
export const DEMO_HUB_OIN = '00000001900000001000'

/** Default of `toegangCacheMs`: the same bound as the API's client principal cache (`PRINCIPAL_CACHE_MS`). */
export const TOEGANG_CACHE_MS = 1_000

/** The subset of a pino logger the worker uses. */
export interface DeliveryLog {
  warn(obj: object, msg: string): void
  error(obj: object, msg: string): void
}

export interface DeliveryOptions {
  /** True in demo and test mode only (`HubConfig.mode !== 'productie'`): webhooks may then target loopback and private networks. */
  readonly allowPrivateUrls: boolean
  /** The hub's own OIN, in the CloudEvents `source`. Default {@link DEMO_HUB_OIN}. */
  readonly hubOin?: string
  /** Base of `dataref` links (`HubConfig.publicUrl`). Default `http://localhost:8080`. */
  readonly publicUrl?: string
  /** A send succeeds only with a 2xx within this time. Default 10 s. */
  readonly timeoutMs?: number
  /** Sends in flight at once, per hub instance. Default 32. */
  readonly concurrency?: number
  /** How often the worker looks for due deliveries when nothing woke it. Default 1 s. */
  readonly pollMs?: number
  /**
   * How long the worker reuses an organisation and the products it takes, for the re-check at send time (ms,
   * monotonic time; 0 reads them for every claimed batch). A product that ended or an organisation that was removed
   * stops deliveries at most this long later. Subscriptions (cancelled or changed) are read for every claimed batch.
   * Default {@link TOEGANG_CACHE_MS}.
   */
  readonly toegangCacheMs?: number
  /** Waits between attempts (ms); the delivery is dead after `length + 1` failed attempts. Default {@link RETRY_SCHEDULE_MS}. */
  readonly retrySchedule?: readonly number[]
  /** Random spread of each wait, as a fraction (0.1 = ±10 %). Default 0.1. */
  readonly jitter?: number
  /**
   * Products whose signals need not be about a BSN in the afnemer's population (e.g. the doelgroepouders check also
   * signals parents in the Belastingdienst file that the gemeente has *not* registered). Every other product's
   * delivery is re-checked against the current population. Default `['kot-doelgroepouders']`.
   */
  readonly zonderPopulatiecontrole?: readonly string[]
  /**
   * Per product, the kinds of signals and notices the hub's modules send (`RouteModule.berichten`). When given, a
   * subscription to a product that sends nothing, or naming a kind none of its products sends (a typo: `inkomen` for
   * `inkomsten`), is refused instead of silently never delivering. Without it any well-formed kind is accepted.
   */
  readonly berichten?: Readonly<Record<string, readonly string[]>>
  /** DNS for the SSRF check (tests). */
  readonly resolve?: Resolve
  /**
   * The clock of the `webhook-timestamp` header. Receivers compare it with their own clock (Standard Webhooks
   * allows 5 minutes), so it is real time even when scheduling runs on a test clock. Default the system clock.
   */
  readonly signClock?: Clock
  readonly log?: DeliveryLog
}

export type ResolvedDeliveryOptions = Required<Omit<DeliveryOptions, 'resolve' | 'berichten'>> & Pick<DeliveryOptions, 'resolve' | 'berichten'>

/** Without a logger of its own the worker writes to the console, scrubbed of BSNs like the application log. */
const consoleLog: DeliveryLog = {
  warn: (obj, msg) => console.warn(redactBsns(format('%s', msg, obj))),
  error: (obj, msg) => console.error(redactBsns(format('%s', msg, obj))),
}

/** Validates the options once, when the module is created (a wrong setting fails at start-up, not per send). */
export function resolveDeliveryOptions(o: DeliveryOptions): ResolvedDeliveryOptions {
  const r: ResolvedDeliveryOptions = {
    allowPrivateUrls: o.allowPrivateUrls,
    hubOin: o.hubOin ?? DEMO_HUB_OIN,
    publicUrl: o.publicUrl ?? 'http://localhost:8080',
    timeoutMs: o.timeoutMs ?? 10_000,
    concurrency: o.concurrency ?? 32,
    pollMs: o.pollMs ?? 1000,
    toegangCacheMs: o.toegangCacheMs ?? TOEGANG_CACHE_MS,
    retrySchedule: o.retrySchedule ?? RETRY_SCHEDULE_MS,
    jitter: o.jitter ?? 0.1,
    zonderPopulatiecontrole: o.zonderPopulatiecontrole ?? ['kot-doelgroepouders'],
    resolve: o.resolve,
    berichten: o.berichten,
    signClock: o.signClock ?? systemClock,
    log: o.log ?? consoleLog,
  }
  const fout = (reden: string): never => { throw new AppError('internal', 'aflevering.configuratie-ongeldig', `webhookaflevering: ${reden}`) }
  if (typeof r.allowPrivateUrls !== 'boolean') fout('allowPrivateUrls moet true of false zijn')
  if (!isOin(r.hubOin)) fout('hubOin moet een OIN van 20 cijfers zijn')
  try { new URL(r.publicUrl) } catch { fout('publicUrl is geen geldige URL') }
  for (const [naam, waarde] of [['timeoutMs', r.timeoutMs], ['concurrency', r.concurrency], ['pollMs', r.pollMs]] as const)
    if (!Number.isInteger(waarde) || waarde < 1) fout(`${naam} moet een positief geheel getal zijn`)
  if (!Number.isInteger(r.toegangCacheMs) || r.toegangCacheMs < 0) fout('toegangCacheMs moet een geheel getal van 0 of meer zijn')
  if (r.retrySchedule.some((ms) => !Number.isFinite(ms) || ms < 0)) fout('retrySchedule bevat een ongeldige wachttijd')
  if (!(r.jitter >= 0 && r.jitter < 1)) fout('jitter moet tussen 0 en 1 liggen')
  return Object.freeze(r)
}
