import { describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { randomBytes } from 'node:crypto'
import { createHub, type Hub } from '../../src/app.js'
import type { HubConfig } from '../../src/config.js'
import { fixedClock, oinFrom } from '../../src/core/index.js'
import { createPortal } from '../../src/adapters/http/portal/index.js'
import { readCookie, unseal } from '../../src/adapters/http/portal/cookies.js'
import { sessieHash } from '../../src/adapters/http/portal/session-store.js'
import { PORTAL_HEADER } from '../../src/adapters/http/portal-port.js'
import { runRetention } from '../../src/platform/intake/index.js'
import { injectBrowser, type InjectBrowser } from '../support/inject-browser.js'
import { pgTestSchema } from '../support/pg-schema.js'
import { postgresUrl } from '../support/stores.js'
import { testStores } from '../support/test-hub.js'

const ORIGIN = 'http://localhost:8080'
const WACHTWOORD = 'correct-paard-batterij'
const SESSIE = { [PORTAL_HEADER]: '1' }

/** One database (a SQLite file or a PostgreSQL schema) and master key that several hubs in a row open. */
async function opslag(store: 'sqlite' | 'postgres') {
  const dataDir = mkdtempSync(join(tmpdir(), 'knooppunt-sessies-'))
  const webDist = mkdtempSync(join(tmpdir(), 'knooppunt-web-'))
  writeFileSync(join(webDist, 'index.html'), '<!doctype html><title>spa</title>')
  const url = store === 'postgres' ? postgresUrl() : undefined
  const pgSchema = url ? await pgTestSchema(url) : undefined
  const config: HubConfig = {
    mode: 'test', dataDir, databaseUrl: url, databaseSchema: pgSchema?.schema, natsUrl: undefined, host: '127.0.0.1', port: 0,
    publicUrl: ORIGIN, masterKeyHex: randomBytes(32).toString('hex'), logLevel: 'warn',
    rateLimitPerMinute: 0, bodyLimitBytes: 1024 * 1024, oidc: { mode: 'embedded' },
  }
  const clock = fixedClock(new Date())
  const start = async (): Promise<Hub> => {
    const hub = await createHub(config, {
      clock, logStream: { write: () => true } as unknown as NodeJS.WritableStream,
      portal: (ctx) => createPortal({ access: ctx.access, db: ctx.database.db, keyring: ctx.keyring, clock: ctx.clock, publicUrl: ORIGIN, oidc: { mode: 'embedded' }, webDist }),
    })
    await hub.start()
    return hub
  }
  return {
    clock, start,
    async [Symbol.asyncDispose]() {
      rmSync(dataDir, { recursive: true, force: true })
      rmSync(webDist, { recursive: true, force: true })
      await pgSchema?.drop()
    },
  }
}

async function gebruiker(hub: Hub): Promise<void> {
  const oin = oinFrom('00000001', 2220647)
  await hub.ctx.access.registreerOrganisatie({ oin, naam: 'Gemeente Utrecht', soort: 'gemeente', gemeentecode: 'GM0344' })
  await hub.ctx.access.abonneer(oin, ['samenloop'])
  await hub.ctx.access.maakGebruiker({ gebruikersnaam: 'inkomen@utrecht', naam: 'Inkomen', wachtwoord: WACHTWOORD, oin, rollen: ['inkomen'] })
}

async function logIn(b: InjectBrowser): Promise<void> {
  const start = await b.get('/portaal/login?terug=%2F')
  const { res } = await b.follow(start, '/portaal/login')
  const action = /action="([^"]+)"/.exec(res.body)![1]!.replace(/&amp;/g, '&')
  await b.follow(await b.post(action, { gebruikersnaam: 'inkomen@utrecht', wachtwoord: WACHTWOORD }), action)
  assert.ok(b.cookies.has('knooppunt-sessie'), 'logged in')
}

/** A browser on a (new) hub that carries the cookies of an earlier one. */
function browserMet(hub: Hub, cookies: Map<string, string>): InjectBrowser {
  const b = injectBrowser(hub.http, ORIGIN)
  for (const [k, v] of cookies) b.cookies.set(k, v)
  return b
}

const sessie = (b: InjectBrowser) => b.get('/portaal/sessie', SESSIE)
const rijen = (hub: Hub) => hub.ctx.database.db.selectFrom('portaal_sessies').selectAll().execute()

for (const store of testStores()) {
  describe(`portal sessions in the store [${store}]`, () => {
    test('a session survives a restart; only the hash of its id is stored; logout ends it for good', async () => {
      await using o = await opslag(store)
      let hub = await o.start()
      await gebruiker(hub)
      const b = injectBrowser(hub.http, ORIGIN)
      await logIn(b)
      assert.equal((await sessie(b)).statusCode, 200)
      const sid = unseal<{ sid: string }>(hub.ctx.keyring, readCookie(`knooppunt-sessie=${b.cookies.get('knooppunt-sessie')}`, 'knooppunt-sessie'))!.sid
      const [rij, ...meer] = await rijen(hub)
      assert.equal(meer.length, 0)
      assert.equal(rij!.id_hash, sessieHash(sid))
      assert.ok(!JSON.stringify(rij).includes(sid), 'the session id itself is not in the table')
      await hub.close()

      hub = await o.start()
      const naHerstart = browserMet(hub, b.cookies)
      const res = await sessie(naHerstart)
      assert.equal(res.statusCode, 200, res.body)
      assert.equal(res.json().gebruiker.naam, 'Inkomen')

      const uit = await naHerstart.post('/portaal/logout', '{}', SESSIE)
      assert.equal(uit.statusCode, 200)
      assert.deepEqual(await rijen(hub), [], 'logout deletes the row')
      assert.equal((await sessie(browserMet(hub, b.cookies))).statusCode, 401, 'the old cookie no longer works')
      await hub.close()
      hub = await o.start()
      assert.equal((await sessie(browserMet(hub, b.cookies))).statusCode, 401, 'nor after another restart')
      await hub.close()
    })

    test('an expired session is refused (idle and absolute), also after a restart; the retention job deletes expired rows', async () => {
      await using o = await opslag(store)
      let hub = await o.start()
      await gebruiker(hub)
      const b = injectBrowser(hub.http, ORIGIN)
      await logIn(b)
      o.clock.advance(29 * 60_000)
      assert.equal((await sessie(b)).statusCode, 200, 'used within 30 minutes: the idle timer restarts')
      await hub.close()
      o.clock.advance(31 * 60_000)
      hub = await o.start()
      assert.equal((await sessie(browserMet(hub, b.cookies))).statusCode, 401, 'idle for more than 30 minutes')
      assert.deepEqual(await rijen(hub), [], 'a refused expired session is deleted')

      // Absolute limit: used every 25 minutes, still over after 10 hours.
      const c = injectBrowser(hub.http, ORIGIN)
      await logIn(c)
      for (let i = 0; i < 23; i++) {
        o.clock.advance(25 * 60_000)
        assert.equal((await sessie(c)).statusCode, 200, `after ${(i + 1) * 25} minutes`)
      }
      o.clock.advance(25 * 60_000)
      assert.equal((await sessie(c)).statusCode, 401, 'past 10 hours')

      // Expired but never presented again: the retention job removes the row.
      const d = injectBrowser(hub.http, ORIGIN)
      await logIn(d)
      assert.equal((await rijen(hub)).length, 1)
      assert.equal((await runRetention(hub.ctx, o.clock.now())).sessiesVerwijderd, 0, 'a live session stays')
      o.clock.advance(31 * 60_000)
      assert.equal((await runRetention(hub.ctx, o.clock.now())).sessiesVerwijderd, 1)
      assert.deepEqual(await rijen(hub), [])
      await hub.close()
    })
  })
}
