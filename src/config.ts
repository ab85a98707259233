import { AppError, type InvalidParam } from './core/index.js'

/** `beheer`: an operator command (migrate, ledger verify) that serves nothing, so the serving checks do not apply. */
export type HubMode = 'productie' | 'demo' | 'test' | 'beheer'

/** Everything the hub can be configured with. Read from the environment in one place (src/cli/env-config.ts). */
export interface HubConfig {
  readonly mode: HubMode
  /** SQLite file, master key and demo data live here unless DATABASE_URL selects PostgreSQL. */
  readonly dataDir: string
  readonly databaseUrl?: string | undefined
  /** PostgreSQL schema (tests and side-by-side installations); default the server's search_path. */
  readonly databaseSchema?: string | undefined
  readonly natsUrl?: string | undefined
  /** JetStream stream and subject prefix, so several hubs (or a test) can share one NATS server. Default `KNOOPPUNT`. */
  readonly natsStream?: string | undefined
  readonly host: string
  readonly port: number
  readonly publicUrl: string
  /** The hub operator's OIN: the CloudEvents `source` is `urn:nld:oin:<hubOin>:systeem:knooppunt`. */
  readonly hubOin?: string | undefined
  /** Webhook sends in flight at once for this hub instance (all receivers together); default 32. */
  readonly webhookConcurrency?: number | undefined
  /** 64 hex characters; when absent, a key file in dataDir is used (created on first start). */
  readonly masterKeyHex?: string | undefined
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'silent'
  readonly rateLimitPerMinute: number
  readonly bodyLimitBytes: number
  readonly oidc: { readonly mode: 'embedded' } | { readonly mode: 'extern'; readonly issuer: string; readonly clientId: string; readonly clientSecret: string }
}

/** Validates a configuration once at start-up and freezes it (Fastify's rule: fail at boot, not per request). */
export function validateConfig(c: HubConfig): Readonly<HubConfig> {
  const p: InvalidParam[] = []
  if (!Number.isInteger(c.port) || c.port < 0 || c.port > 65535) p.push({ name: 'PORT', code: 'poort-ongeldig', reason: 'poort moet een getal van 0 tot 65535 zijn' })
  if (c.masterKeyHex !== undefined && !/^[0-9a-fA-F]{64}$/.test(c.masterKeyHex)) p.push({ name: 'KNOOPPUNT_MASTER_KEY', code: 'sleutel-ongeldig', reason: 'moet 64 hexadecimale tekens zijn' })
  if (c.databaseUrl !== undefined && !/^postgres(ql)?:\/\//.test(c.databaseUrl)) p.push({ name: 'DATABASE_URL', code: 'url-ongeldig', reason: 'moet met postgres:// of postgresql:// beginnen' })
  if (c.natsUrl !== undefined && !/^(nats|tls):\/\//.test(c.natsUrl)) p.push({ name: 'NATS_URL', code: 'url-ongeldig', reason: 'moet met nats:// of tls:// beginnen' })
  if (c.hubOin !== undefined && !/^\d{20}$/.test(c.hubOin)) p.push({ name: 'KNOOPPUNT_OIN', code: 'oin-ongeldig', reason: 'OIN moet uit precies 20 cijfers bestaan' })
  if (c.webhookConcurrency !== undefined && !(Number.isInteger(c.webhookConcurrency) && c.webhookConcurrency >= 1 && c.webhookConcurrency <= 1000))
    p.push({ name: 'KNOOPPUNT_WEBHOOK_GELIJKTIJDIG', code: 'getal-ongeldig', reason: 'moet een geheel getal van 1 tot 1000 zijn' })
  try { new URL(c.publicUrl) } catch { p.push({ name: 'KNOOPPUNT_PUBLIC_URL', code: 'url-ongeldig', reason: 'geen geldige URL' }) }
  if (c.mode === 'productie' && c.oidc.mode === 'embedded') p.push({ name: 'OIDC_ISSUER', code: 'oidc-ontbreekt', reason: 'in productie moet een externe OpenID Connect-provider worden ingesteld' })
  if (c.mode === 'productie' && c.masterKeyHex === undefined) p.push({ name: 'KNOOPPUNT_MASTER_KEY', code: 'sleutel-ontbreekt', reason: 'in productie moet de hoofdsleutel uit een geheimenkluis komen' })
  if (p.length) throw new AppError('invalid', 'configuratie.ongeldig', 'configuratie is ongeldig', p)
  return Object.freeze({ ...c })
}
