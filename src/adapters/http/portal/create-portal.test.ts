import { test } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Fastify, { type FastifyInstance } from 'fastify'
import { completeBsn, fixedClock, newSpanId, newTraceId, oinFrom, type Oin } from '../../../core/index.js'
import { createAccessService, type Rol } from '../../../platform/access/index.js'
import { createKeyring, generateMasterKey } from '../../../platform/keyring/index.js'
import { createLedger } from '../../../platform/ledger/index.js'
import { createRecentLedger } from '../../../platform/ledger/recent.js'
import { openMigratedDatabase } from '../../store/index.js'
import { injectBrowser, type InjectBrowser } from '../../../../test/support/inject-browser.js'
import { PORTAL_HEADER, type Portal } from '../portal-port.js'
import { createPortal } from './create-portal.js'
import { safeReturnPath } from './portal-routes.js'

const ORIGIN = 'http://localhost:8080'
const WACHTWOORD = 'correct-paard-batterij'

interface Fixture extends AsyncDisposable {
  readonly app: FastifyInstance
  readonly portal: Portal
  readonly clock: ReturnType<typeof fixedClock>
  readonly gemeente: Oin
  readonly db: Awaited<ReturnType<typeof openMigratedDatabase>>['db']
  browser(): InjectBrowser
}

async function startPortal(): Promise<Fixture> {
  const database = await openMigratedDatabase({ kind: 'sqlite-memory' })
  const clock = fixedClock(new Date())
  const keyring = createKeyring(generateMasterKey())
  const access = createAccessService({ db: database.db, clock, knownProducts: () => ['samenloop', 'kwijtschelding'] })
  const gemeente = oinFrom('00000001', 2220647)
  const ander = oinFrom('00000001', 9999999)
  await access.registreerOrganisatie({ oin: gemeente, naam: 'Gemeente Utrecht', soort: 'gemeente', gemeentecode: 'GM0344' })
  await access.registreerOrganisatie({ oin: ander, naam: 'Gemeente Elders', soort: 'gemeente' })
  await access.abonneer(gemeente, ['samenloop'])
  const users: Array<[string, Rol[]]> = [['inkomen@utrecht', ['inkomen']], ['privacy@utrecht', ['privacy-officer']], ['beheer@utrecht', ['beheerder']], ['zonderrol@utrecht', []]]
  for (const [gebruikersnaam, rollen] of users) await access.maakGebruiker({ gebruikersnaam, naam: gebruikersnaam.split('@')[0]!, wachtwoord: WACHTWOORD, oin: gemeente, rollen })
  const ledger = createLedger({ db: database.db, clock, keyring })
  const line = (actorOin: string, activiteit: string) => ({
    trace: { traceId: newTraceId(), spanId: newSpanId() }, activiteit, verwerkingsactiviteit: 'samenloop.signaleren',
    product: 'samenloop', betrokkene: completeBsn('12345678')!, actorOin,
  })
  await database.db.transaction().execute((tx) => ledger.record(tx, [line(gemeente, 'signaal-lezen'), line(ander, 'van-een-ander')]))
  const webDist = mkdtempSync(join(tmpdir(), 'knooppunt-web-'))
  writeFileSync(join(webDist, 'index.html'), '<!doctype html><title>spa</title>')
  const portal = await createPortal({ access, db: database.db, keyring, clock, publicUrl: ORIGIN, oidc: { mode: 'embedded' }, webDist, ledger: createRecentLedger(database.db) })
  const app = Fastify()
  app.setNotFoundHandler((_req, reply) => reply.code(404).send({ code: 'route.onbekend' }))
  await app.register(portal.plugin)
  await app.ready()
  return {
    app, portal, clock, gemeente, db: database.db,
    browser: () => injectBrowser(app, ORIGIN),
    async [Symbol.asyncDispose]() {
      await app.close()
      await portal.close()
      await database.close()
      rmSync(webDist, { recursive: true, force: true })
    },
  }
}

/** Starts a login and returns the provider's login form and where it posts to. */
async function openLoginForm(b: InjectBrowser, terug = '/') {
  const start = await b.get(`/portaal/login?terug=${encodeURIComponent(terug)}`)
  assert.equal(start.statusCode, 303)
  const { res, url } = await b.follow(start, '/portaal/login')
  assert.equal(res.statusCode, 200, res.body)
  assert.match(url, /\/oidc\/interaction\//)
  const action = /action="([^"]+)"/.exec(res.body)?.[1]
  assert.ok(action, 'login form has an action')
  return { form: res, action: action.replace(/&amp;/g, '&') }
}

async function logIn(b: InjectBrowser, gebruikersnaam: string, wachtwoord = WACHTWOORD, terug = '/') {
  const { action } = await openLoginForm(b, terug)
  const submitted = await b.post(action, { gebruikersnaam, wachtwoord })
  return b.follow(submitted, action)
}

const request = (cookie: string | undefined) => ({ headers: cookie ? { cookie } : {} })
const cookieHeader = (b: InjectBrowser) => [...b.cookies].map(([k, v]) => `${k}=${v}`).join('; ')

test('a user logs in through the embedded provider and gets a session cookie, the menu and their principal', async () => {
  await using f = await startPortal()
  const b = f.browser()
  const { form } = await openLoginForm(b)
  assert.match(form.body, /<html lang="nl">/)
  assert.match(form.body, /<label class="utrecht-form-label" for="gebruikersnaam">Gebruikersnaam<\/label>/)
  const { res, url } = await logIn(b, 'beheer@utrecht', WACHTWOORD, '/api-clients')
  assert.equal(new URL(url).pathname, '/api-clients', 'returns to where the user wanted to go')
  assert.equal(res.statusCode, 200)
  assert.ok(b.cookies.has('knooppunt-sessie'), 'session cookie set')
  const sessie = await b.get('/portaal/sessie', { [PORTAL_HEADER]: '1' })
  assert.equal(sessie.statusCode, 200)
  assert.equal(sessie.headers['cache-control'], 'no-store')
  assert.deepEqual(sessie.json(), {
    gebruiker: { naam: 'beheer', rollen: ['beheerder'] },
    organisatie: { oin: f.gemeente, naam: 'Gemeente Utrecht', soort: 'gemeente' },
    producten: ['samenloop'],
    bronnen: [],
    navigatie: [
      { id: 'start', pad: '/', titel: 'Start' },
      { id: 'gegevensregister', pad: '/gegevensregister', titel: 'Gegevensregister' },
      { id: 'api-clients', pad: '/api-clients', titel: 'API-clients' },
    ],
  })
  const p = await f.portal.principalFromRequest(request(cookieHeader(b)) as never)
  assert.equal(p?.naam, 'beheer')
  assert.deepEqual(p?.rollen, ['beheerder'])
})

test('the session cookie is httpOnly, SameSite=Lax, sealed, and carries no user data', async () => {
  await using f = await startPortal()
  const b = f.browser()
  const { action } = await openLoginForm(b)
  const submitted = await b.post(action, { gebruikersnaam: 'inkomen@utrecht', wachtwoord: WACHTWOORD })
  let res = submitted
  let setCookie: string | undefined
  for (let url = action; res.statusCode >= 300 && res.statusCode < 400;) {
    url = new URL(String(res.headers.location), new URL(url, ORIGIN)).href
    res = await b.get(url)
    const sc = [res.headers['set-cookie'] ?? []].flat().find((c) => c.startsWith('knooppunt-sessie='))
    if (sc) setCookie = sc
  }
  assert.ok(setCookie)
  assert.match(setCookie, /; Path=\/; HttpOnly; SameSite=Lax$/)
  assert.doesNotMatch(setCookie, /inkomen|Secure/)
})

test('principalFromRequest is undefined without a cookie, with a tampered cookie, and after idle expiry', async () => {
  await using f = await startPortal()
  assert.equal(await f.portal.principalFromRequest(request(undefined) as never), undefined)
  const b = f.browser()
  await logIn(b, 'inkomen@utrecht')
  const good = cookieHeader(b)
  assert.ok(await f.portal.principalFromRequest(request(good) as never))
  const sealed = b.cookies.get('knooppunt-sessie')!
  const tampered = `knooppunt-sessie=${sealed.slice(0, -2)}${sealed.endsWith('A') ? 'B' : 'A'}A`
  assert.equal(await f.portal.principalFromRequest(request(tampered) as never), undefined)
  assert.equal(await f.portal.principalFromRequest(request('knooppunt-sessie=verzonnen') as never), undefined)
  f.clock.advance(31 * 60_000)
  assert.equal(await f.portal.principalFromRequest(request(good) as never), undefined, 'idle for more than 30 minutes')
})

test('a blocked user loses the session at the next request', async () => {
  await using f = await startPortal()
  const b = f.browser()
  await logIn(b, 'inkomen@utrecht')
  await f.db.updateTable('gebruikers').set({ geblokkeerd: new Date().toISOString() }).where('gebruikersnaam', '=', 'inkomen@utrecht').execute()
  assert.equal(await f.portal.principalFromRequest(request(cookieHeader(b)) as never), undefined)
  assert.equal((await b.get('/portaal/sessie', { [PORTAL_HEADER]: '1' })).statusCode, 401)
})

test('a wrong password and an unknown user get the same clear Dutch message, and no session', async () => {
  await using f = await startPortal()
  for (const [naam, ww] of [['inkomen@utrecht', 'verkeerd-wachtwoord'], ['niemand@utrecht', WACHTWOORD]] as const) {
    const b = f.browser()
    const { action } = await openLoginForm(b)
    const res = await b.post(action, { gebruikersnaam: naam, wachtwoord: ww })
    assert.equal(res.statusCode, 401)
    assert.match(res.body, /role="alert"/)
    assert.match(res.body, /Deze combinatie van gebruikersnaam en wachtwoord kennen wij niet/)
    assert.match(res.body, new RegExp(`value="${naam}"`), 'the user name stays filled in')
    assert.doesNotMatch(res.body, new RegExp(ww), 'the password is never echoed')
    assert.ok(!b.cookies.has('knooppunt-sessie'))
  }
})

test('empty fields are named one by one', async () => {
  await using f = await startPortal()
  const b = f.browser()
  const { action } = await openLoginForm(b)
  const res = await b.post(action, { gebruikersnaam: '', wachtwoord: '' })
  assert.equal(res.statusCode, 400)
  assert.match(res.body, /Vul uw gebruikersnaam in\./)
  assert.match(res.body, /Vul uw wachtwoord in\./)
  assert.match(res.body, /aria-describedby="gebruikersnaam-fout" aria-invalid="true"/)
})

test('a user without roles is told so and gets no session', async () => {
  await using f = await startPortal()
  const b = f.browser()
  const { action } = await openLoginForm(b)
  const res = await b.post(action, { gebruikersnaam: 'zonderrol@utrecht', wachtwoord: WACHTWOORD })
  assert.equal(res.statusCode, 403)
  assert.match(res.body, /aan uw account zijn nog geen rollen toegekend/)
  assert.ok(!b.cookies.has('knooppunt-sessie'))
})

test('after ten wrong passwords the user name is locked for a while', async () => {
  await using f = await startPortal()
  const b = f.browser()
  const { action } = await openLoginForm(b)
  for (let i = 0; i < 10; i++) assert.equal((await b.post(action, { gebruikersnaam: 'inkomen@utrecht', wachtwoord: `fout-${i}-xxxxxxxx` })).statusCode, 401)
  const locked = await b.post(action, { gebruikersnaam: 'inkomen@utrecht', wachtwoord: WACHTWOORD })
  assert.equal(locked.statusCode, 429)
  assert.match(locked.body, /Wacht 15 minuten/)
})

test('the session endpoint needs the portal header and a session; both failures are problem+json', async () => {
  await using f = await startPortal()
  const b = f.browser()
  const anonymous = await b.get('/portaal/sessie', { [PORTAL_HEADER]: '1' })
  assert.equal(anonymous.statusCode, 401)
  assert.equal(anonymous.headers['content-type'], 'application/problem+json; charset=utf-8')
  assert.equal(anonymous.json().code, 'portaal.sessie')
  await logIn(b, 'inkomen@utrecht')
  const withoutHeader = await b.get('/portaal/sessie')
  assert.equal(withoutHeader.statusCode, 401, 'a cookie alone is not enough (CSRF)')
})

test('logout ends the portal session and the provider session', async () => {
  await using f = await startPortal()
  const b = f.browser()
  await logIn(b, 'privacy@utrecht')
  const before = cookieHeader(b)
  assert.equal((await b.post('/portaal/logout', '{}')).statusCode, 401, 'logout needs the portal header')
  const res = await b.post('/portaal/logout', '{}', { [PORTAL_HEADER]: '1' })
  assert.equal(res.statusCode, 200)
  assert.deepEqual(res.json(), { doorsturen: '/?melding=uitgelogd' })
  assert.ok(!b.cookies.has('knooppunt-sessie'), 'cookie removed')
  assert.equal(await f.portal.principalFromRequest(request(before) as never), undefined, 'the old cookie no longer works')
  // The provider forgot the user too: a new login asks for the password again instead of signing in silently.
  await openLoginForm(b)
})

test('recent activity lists the organisation\'s own ledger lines, without data subjects', async () => {
  await using f = await startPortal()
  const b = f.browser()
  assert.equal((await b.get('/api/v1/portaal/activiteit', { [PORTAL_HEADER]: '1' })).statusCode, 401)
  await logIn(b, 'inkomen@utrecht')
  const res = await b.get('/api/v1/portaal/activiteit', { [PORTAL_HEADER]: '1' })
  assert.equal(res.statusCode, 200)
  const { regels } = res.json() as { regels: Array<Record<string, unknown>> }
  assert.deepEqual(regels.map((r) => r.activiteit), ['signaal-lezen'])
  assert.deepEqual(Object.keys(regels[0]!).sort(), ['activiteit', 'beeindigd', 'gestart', 'product', 'seq', 'status', 'verwerkingsactiviteit'])
})

test('the SPA is served with history fallback; server paths and missing assets are real 404s', async () => {
  await using f = await startPortal()
  const b = f.browser()
  for (const path of ['/', '/gegevensregister', '/logboek-inzage']) {
    const res = await b.get(path)
    assert.equal(res.statusCode, 200, path)
    assert.match(res.body, /<title>spa<\/title>/)
  }
  for (const path of ['/api/v1/bestaat-niet', '/portaal/bestaat-niet', '/health/iets', '/assets/weg.js', '/.vite/manifest.json']) {
    assert.equal((await b.get(path)).statusCode, 404, path)
  }
})

test('return paths stay inside the portal', () => {
  assert.equal(safeReturnPath('/api-clients'), '/api-clients')
  for (const bad of ['//evil.example', 'https://evil.example', '/\\evil', '/api/v1/x', undefined, 42]) assert.equal(safeReturnPath(bad), '/')
})

test('a misconfigured portal fails at creation, naming every problem', async () => {
  const base = { access: {} as never, db: {} as never, keyring: createKeyring(generateMasterKey()), clock: fixedClock(new Date()), webDist: '/tmp' }
  await assert.rejects(createPortal({ ...base, publicUrl: 'localhost:8080/pad', oidc: { mode: 'extern', issuer: 'geen-url', clientId: '', clientSecret: '' } }), (e: unknown) => {
    const err = e as { code: string; invalidParams: Array<{ name: string }> }
    assert.equal(err.code, 'portaal.configuratie-ongeldig')
    assert.deepEqual(err.invalidParams.map((p) => p.name), ['publicUrl', 'oidc.issuer', 'oidc.clientId', 'oidc.clientSecret'])
    return true
  })
})
