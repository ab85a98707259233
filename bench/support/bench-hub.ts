import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createHub, type Hub, type HubOptions } from '../../src/app.js'
import type { Oin } from '../../src/core/index.js'
import type { NieuweClient } from '../../src/platform/access/index.js'
import { pgTestSchema } from '../../test/support/pg-schema.js'

/**
 * A hub for an HTTP benchmark: test mode, no rate limit, silent log, a fresh data directory (PostgreSQL when
 * `databaseUrl` is given), listening on a free port. `close()` stops it and removes the directory.
 */
export async function startBenchHub(opts: { databaseUrl?: string; modules?: HubOptions['modules'] } = {}): Promise<{ hub: Hub; url: string; close(): Promise<void> }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'kp-bench-'))
  const pgSchema = opts.databaseUrl ? await pgTestSchema(opts.databaseUrl, 'bench') : undefined
  const hub = await createHub({
    mode: 'test', dataDir, databaseUrl: opts.databaseUrl, databaseSchema: pgSchema?.schema, host: '127.0.0.1', port: 0, publicUrl: 'http://localhost:8080',
    masterKeyHex: randomBytes(32).toString('hex'), logLevel: 'silent', rateLimitPerMinute: 0, bodyLimitBytes: 1 << 20, oidc: { mode: 'embedded' },
  }, { modules: opts.modules })
  const url = await hub.listen()
  return { hub, url, async close() { await hub.close(); await pgSchema?.drop(); rmSync(dataDir, { recursive: true, force: true }) } }
}

/**
 * Registers an organisation (subscribed to `producten`, if any) with one API client, and returns that client's access
 * token as the OAuth client-credentials endpoint hands it out.
 */
export async function benchClient(b: { hub: Hub; url: string }, org: {
  oin: Oin; naam: string; soort: Parameters<Hub['ctx']['access']['registreerOrganisatie']>[0]['soort']
  producten?: readonly string[]; scopes: NieuweClient['scopes']; rollen: NieuweClient['rollen']
}): Promise<string> {
  const { access } = b.hub.ctx
  await access.registreerOrganisatie({ oin: org.oin, naam: org.naam, soort: org.soort })
  if (org.producten?.length) await access.abonneer(org.oin, [...org.producten])
  const c = await access.maakClient({ oin: org.oin, naam: 'bench', scopes: org.scopes, rollen: org.rollen })
  const res = await fetch(`${b.url}/api/v1/oauth/token`, {
    method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: c.clientId, client_secret: c.clientSecret }),
  })
  if (!res.ok) throw new Error(`token: ${res.status} ${await res.text()}`)
  return ((await res.json()) as { access_token: string }).access_token
}
