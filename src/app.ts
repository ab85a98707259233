/**
 * The composition root: the one place that wires adapters into platform functions and products.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { FastifyInstance } from 'fastify'
import { AppError, systemClock, type Clock } from './core/index.js'
import { createAccessService, createTokenService } from './platform/access/index.js'
import { createInProcessBus, type Bus, type BusLog } from './platform/events/index.js'
import { createKeyring, generateMasterKey } from './platform/keyring/index.js'
import { createLedger } from './platform/ledger/index.js'
import { loadRegister } from './platform/register/index.js'
import { BRON_FORMATEN } from './platform/intake/index.js'
import { createNatsBus } from './adapters/bus/index.js'
import { openMigratedDatabase, type Database, type StoreConfig } from './adapters/store/index.js'
import { createMetrics } from './adapters/http/metrics.js'
import { createHttpServer } from './adapters/http/server.js'
import type { HubContext, RouteModule } from './adapters/http/hub-context.js'
import type { Portal } from './adapters/http/portal-port.js'
import type { HubConfig } from './config.js'

export const REGISTER_DIR = fileURLToPath(new URL('../gegevensregister', import.meta.url))

export interface Hub {
  readonly ctx: HubContext
  readonly http: FastifyInstance
  readonly config: HubConfig
  /** Starts the bus and the modules' workers (idempotent). */
  start(): Promise<void>
  /** Starts, then listens on host:port; resolves with the address. */
  listen(): Promise<string>
  close(): Promise<void>
  [Symbol.asyncDispose](): Promise<void>
}

export interface HubOptions {
  readonly clock?: Clock
  readonly modules?: readonly RouteModule[]
  /** Builds the portal once the context exists (the portal needs access and keyring). */
  readonly portal?: (ctx: HubContext) => Promise<Portal>
  readonly logStream?: NodeJS.WritableStream
  /**
   * Called once the context exists, before modules subscribe to the bus: the place for instrumentation (benchmarks
   * wrap `ctx.bus.subscribe` and `ctx.ledger.record` to time them).
   */
  readonly onContext?: (ctx: HubContext) => void
}

export function storeConfig(config: HubConfig): StoreConfig {
  return config.databaseUrl
    ? { kind: 'postgres', url: config.databaseUrl, schema: config.databaseSchema }
    : { kind: 'sqlite', dataDir: config.dataDir }
}

/** The master key: from configuration, or a key file in the data folder created on first start (mode 600). */
export function loadMasterKey(config: HubConfig): Buffer {
  if (config.masterKeyHex) return Buffer.from(config.masterKeyHex, 'hex')
  const file = join(config.dataDir, 'master.key')
  if (existsSync(file)) {
    const hex = readFileSync(file, 'utf8').trim()
    if (!/^[0-9a-f]{64}$/i.test(hex)) throw new AppError('invalid', 'sleutel.bestand-ongeldig', `${file} bevat geen geldige sleutel (64 hexadecimale tekens)`)
    return Buffer.from(hex, 'hex')
  }
  mkdirSync(config.dataDir, { recursive: true })
  const key = generateMasterKey()
  writeFileSync(file, key.toString('hex') + '\n', { mode: 0o600, flag: 'wx' })
  return key
}

function createBus(config: HubConfig, database: Database, clock: Clock, log: BusLog): Bus {
  return config.natsUrl
    ? createNatsBus({ db: database.db, clock, log, url: config.natsUrl, ...(config.natsStream ? { stream: config.natsStream, subjectPrefix: config.natsStream.toLowerCase() } : {}) })
    : createInProcessBus({ db: database.db, clock, log })
}

/** Opens the store (migrating it), builds every platform function and the HTTP server. Does not listen yet. */
export async function createHub(config: HubConfig, opts: HubOptions = {}): Promise<Hub> {
  const clock = opts.clock ?? systemClock
  const register = loadRegister(REGISTER_DIR)
  const keyring = createKeyring(loadMasterKey(config))
  const database = await openMigratedDatabase(storeConfig(config))
  try {
    // The bus logs (a handler that failed and will be retried, an outbox it could not read) through the application
    // log, which scrubs BSNs; that log exists once the HTTP server does, before the bus starts.
    let appLog: BusLog | undefined
    const bus = createBus(config, database, clock, { warn: (o, m) => appLog?.warn(o, m), error: (o, m) => appLog?.error(o, m) })
    const access = createAccessService({ db: database.db, clock, knownProducts: () => register.productNamen(), knownSources: () => [...BRON_FORMATEN.keys()] })
    const tokens = await createTokenService({ db: database.db, clock, keyring, issuer: config.publicUrl })
    const ledger = createLedger({ db: database.db, clock, keyring })
    const ctx: HubContext = { database, clock, keyring, access, tokens, ledger, register, bus, metrics: createMetrics() }
    opts.onContext?.(ctx)
    const portal = opts.portal ? await opts.portal(ctx) : undefined
    ctx.portal = portal
    const http = await createHttpServer({ ctx, config, portal, modules: opts.modules, logStream: opts.logStream })
    appLog = http.log
    for (const m of opts.modules ?? []) m.subscribe?.(ctx)
    const stops: Array<() => Promise<void>> = []
    let started: Promise<void> | undefined
    const start = () => (started ??= (async () => {
      await bus.start()
      for (const m of opts.modules ?? []) if (m.start) stops.push(await m.start(ctx))
    })())
    let closed = false
    const close = async () => {
      if (closed) return
      closed = true
      await http.close()
      for (const stop of stops.reverse()) await stop()
      await bus.stop()
      await portal?.close()
      await database.close()
    }
    return {
      ctx, http, config, close, start,
      async listen() {
        await start()
        return http.listen({ host: config.host, port: config.port })
      },
      [Symbol.asyncDispose]: close,
    }
  } catch (e) {
    await database.close().catch(() => {})
    throw e
  }
}
