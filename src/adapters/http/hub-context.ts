import type { Clock } from '../../core/index.js'
import type { AccessService, TokenService } from '../../platform/access/index.js'
import type { Bus } from '../../platform/events/index.js'
import type { Keyring } from '../../platform/keyring/index.js'
import type { Ledger } from '../../platform/ledger/index.js'
import type { GegevensRegister } from '../../platform/register/index.js'
import type { Database } from '../store/index.js'
import type { Metrics } from './metrics.js'
import type { Portal } from './portal-port.js'
import type { FastifyPluginAsync } from 'fastify'

/** Everything a route needs, built once by the composition root (src/app.ts). */
export interface HubContext {
  readonly database: Database
  readonly clock: Clock
  readonly keyring: Keyring
  readonly access: AccessService
  readonly tokens: TokenService
  readonly ledger: Ledger
  readonly register: GegevensRegister
  readonly bus: Bus
  readonly metrics: Metrics
  /**
   * The portal of this hub, once built (it needs the context first). Authenticators ask it at request time, so
   * every module's routes accept a portal session as well as a bearer token.
   */
  portal?: Portal | undefined
}

export interface HttpConfig {
  /** The public base URL (issuer of tokens, links in events), e.g. http://localhost:8080. */
  readonly publicUrl: string
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'silent'
  /** Requests per minute per client/IP; 0 disables the limit (benchmarks). */
  readonly rateLimitPerMinute: number
  readonly bodyLimitBytes: number
}

/**
 * A product (or platform feature) plugs into the hub with up to three things: its routes (a Fastify plugin,
 * mounted under /api/v1), its bus consumers (registered before the bus starts), and background workers (retry
 * loops, retention jobs) that run while the hub runs.
 */
export interface RouteModule {
  readonly naam: string
  readonly routes?: (ctx: HubContext) => FastifyPluginAsync
  /** Registers durable bus consumers: `ctx.bus.subscribe(name, types, handler)`. Called once, before the bus starts. */
  readonly subscribe?: (ctx: HubContext) => void
  /** Starts a background worker; returns its stop function (awaited on shutdown). */
  readonly start?: (ctx: HubContext) => Promise<() => Promise<void>>
  /**
   * What this module sends to webhook subscriptions: per product, the kinds of its signals and notices (the
   * `soorten` a subscription may name). A served hub refuses a subscription that could never deliver anything.
   */
  readonly berichten?: Readonly<Record<string, readonly string[]>>
}

export interface HttpDeps {
  readonly ctx: HubContext
  readonly config: HttpConfig
  readonly portal?: Portal | undefined
  readonly modules?: readonly RouteModule[]
  /** Where application log lines go (default stdout); tests capture them to prove redaction. */
  readonly logStream?: NodeJS.WritableStream
}
