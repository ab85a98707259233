/**
 * A hub for tests: a fresh store (SQLite in memory, or a PostgreSQL schema of its own), the in-process bus, a
 * fixed master key, and helpers to act as an organisation with a real token.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Writable } from 'node:stream'
import { randomBytes } from 'node:crypto'
import type { InjectOptions, LightMyRequestResponse } from 'fastify'
import { createHub, type Hub, type HubOptions } from '../../src/app.js'
import type { HubConfig } from '../../src/config.js'
import { oinFrom, type Oin } from '../../src/core/index.js'
import type { OrganisatieSoort, Rol } from '../../src/platform/access/index.js'
import { pgTestSchema } from './pg-schema.js'
import { postgresUrl } from './stores.js'
import { BRON_FORMATEN } from '../../src/platform/intake/index.js'

export interface TestOrg { readonly oin: Oin; readonly clientId: string; readonly clientSecret: string }

export interface TestHub extends AsyncDisposable {
  readonly hub: Hub
  /** Every application log line written so far (JSON strings). */
  readonly logLines: string[]
  org(naam: string, soort: OrganisatieSoort, opts: { producten?: string[]; rollen: Rol[]; scopes?: string[]; bronnen?: string[] }): Promise<TestOrg>
  token(org: TestOrg, scope?: string): Promise<string>
  /** Injects a request with a fresh token of `org`. */
  as(org: TestOrg): { inject(opts: InjectOptions): Promise<LightMyRequestResponse> }
  inject(opts: InjectOptions): Promise<LightMyRequestResponse>
}

let counter = 0

export async function startTestHub(store: 'sqlite' | 'postgres' = 'sqlite', opts: HubOptions & { config?: Partial<HubConfig> } = {}): Promise<TestHub> {
  const dataDir = mkdtempSync(join(tmpdir(), 'knooppunt-test-'))
  const url = store === 'postgres' ? postgresUrl() : undefined
  if (store === 'postgres' && !url) throw new Error('DATABASE_URL not set')
  const pgSchema = url ? await pgTestSchema(url) : undefined
  const logLines: string[] = []
  const logStream = new Writable({ write(chunk, _enc, cb) { logLines.push(...String(chunk).split('\n').filter(Boolean)); cb() } })
  const config: HubConfig = {
    mode: 'test', dataDir, databaseUrl: url, databaseSchema: pgSchema?.schema, natsUrl: undefined, host: '127.0.0.1', port: 0,
    publicUrl: 'http://localhost:8080', masterKeyHex: randomBytes(32).toString('hex'), logLevel: 'info',
    rateLimitPerMinute: 0, bodyLimitBytes: 1024 * 1024, oidc: { mode: 'embedded' }, ...opts.config,
  }
  const hub = await createHub(config, { ...opts, logStream })
  await hub.start()
  const tokens = new Map<string, string>()

  const t: TestHub = {
    hub, logLines,
    async org(naam, soort, o) {
      const oin = oinFrom('00000001', 100_000 + ++counter)
      await hub.ctx.access.registreerOrganisatie({ oin, naam, soort })
      if (o.producten?.length) await hub.ctx.access.abonneer(oin, o.producten)
      // A test source may deliver every format unless the test says which (the authorisation has its own test).
      if (soort === 'bron') await hub.ctx.access.machtigBron(oin, o.bronnen ?? [...BRON_FORMATEN.keys()])
      const scopes = o.scopes ?? [...(o.producten ?? [])]
      const c = await hub.ctx.access.maakClient({ oin, naam: `${naam} systeem`, scopes, rollen: o.rollen })
      return { oin, ...c }
    },
    async token(org, scope) {
      const key = `${org.clientId} ${scope ?? ''}`
      const cached = tokens.get(key)
      if (cached) return cached
      const res = await hub.http.inject({ method: 'POST', url: '/api/v1/oauth/token', payload: new URLSearchParams({ grant_type: 'client_credentials', client_id: org.clientId, client_secret: org.clientSecret, ...(scope ? { scope } : {}) }).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } })
      if (res.statusCode !== 200) throw new Error(`token failed: ${res.body}`)
      const token = (res.json() as { access_token: string }).access_token
      tokens.set(key, token)
      return token
    },
    as(org) {
      return { inject: async (o) => hub.http.inject({ ...o, headers: { ...(o.headers ?? {}), authorization: `Bearer ${await t.token(org)}` } }) }
    },
    inject: (o) => hub.http.inject(o),
    async [Symbol.asyncDispose]() {
      await hub.close()
      rmSync(dataDir, { recursive: true, force: true })
      await pgSchema?.drop()
    },
  }
  return t
}

/** Which stores to run end-to-end tests on: SQLite always, PostgreSQL when configured (required on CI). */
export const testStores = (): Array<'sqlite' | 'postgres'> => (postgresUrl() ? ['sqlite', 'postgres'] : ['sqlite'])
