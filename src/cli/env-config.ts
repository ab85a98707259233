/**
 * The one file that reads process.env. Everything else receives a validated, frozen HubConfig.
 */
import { resolve } from 'node:path'
import { validateConfig, type HubConfig, type HubMode } from '../config.js'

export function configFromEnv(env: NodeJS.ProcessEnv, mode: HubMode): HubConfig {
  const port = env.PORT === undefined || env.PORT === '' ? 8080 : Number(env.PORT)
  const host = env.HOST ?? (mode === 'demo' ? '127.0.0.1' : '0.0.0.0')
  const oidc: HubConfig['oidc'] = env.OIDC_ISSUER
    ? { mode: 'extern', issuer: env.OIDC_ISSUER, clientId: env.OIDC_CLIENT_ID ?? '', clientSecret: env.OIDC_CLIENT_SECRET ?? '' }
    : { mode: 'embedded' }
  return validateConfig({
    mode,
    dataDir: resolve(env.KNOOPPUNT_DATA_DIR || './data'),
    databaseUrl: env.DATABASE_URL || undefined,
    databaseSchema: env.DATABASE_SCHEMA || undefined,
    natsUrl: env.NATS_URL || undefined,
    natsStream: env.NATS_STREAM || undefined,
    host,
    port,
    publicUrl: env.KNOOPPUNT_PUBLIC_URL || `http://localhost:${port}`,
    masterKeyHex: env.KNOOPPUNT_MASTER_KEY || undefined,
    hubOin: env.KNOOPPUNT_OIN || undefined,
    webhookConcurrency: env.KNOOPPUNT_WEBHOOK_GELIJKTIJDIG ? Number(env.KNOOPPUNT_WEBHOOK_GELIJKTIJDIG) : undefined,
    logLevel: (env.LOG_LEVEL as HubConfig['logLevel']) || 'info',
    rateLimitPerMinute: env.KNOOPPUNT_RATE_LIMIT === undefined ? 1200 : Number(env.KNOOPPUNT_RATE_LIMIT),
    bodyLimitBytes: 1024 * 1024,
    oidc,
  })
}
