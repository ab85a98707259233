import { describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { SignJWT, generateKeyPair } from 'jose'
import { completeBsn, fixedClock } from '../../src/core/index.js'
import { startTestHub, testStores } from '../support/test-hub.js'

const BSN = completeBsn('23456789')!
const json = (payload: unknown) => ({ payload: JSON.stringify(payload), headers: { 'content-type': 'application/json' } })

for (const store of testStores()) {
  describe(`HTTP API foundation [${store}]`, () => {
    test('token endpoint: client credentials give a short-lived JWT; wrong secret and bad grant are problems', async () => {
      await using t = await startTestHub(store)
      const org = await t.org('Gemeente Test', 'gemeente', { producten: ['samenloop'], rollen: ['inkomen'] })
      const form = (o: Record<string, string>) => ({ method: 'POST' as const, url: '/api/v1/oauth/token', payload: new URLSearchParams(o).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } })
      const ok = await t.inject(form({ grant_type: 'client_credentials', client_id: org.clientId, client_secret: org.clientSecret }))
      assert.equal(ok.statusCode, 200)
      assert.ok(ok.json().expires_in <= 900)
      assert.equal(ok.json().scope, 'samenloop')
      assert.equal(ok.headers['cache-control'], 'no-store')
      const wrong = await t.inject(form({ grant_type: 'client_credentials', client_id: org.clientId, client_secret: 'fout' }))
      assert.equal(wrong.statusCode, 401)
      assert.equal(wrong.headers['content-type'], 'application/problem+json; charset=utf-8')
      assert.equal(wrong.json().code, 'oauth.invalid_client')
      const grant = await t.inject(form({ grant_type: 'password', client_id: org.clientId, client_secret: org.clientSecret }))
      assert.equal(grant.json().code, 'oauth.unsupported_grant_type')
      const scope = await t.inject(form({ grant_type: 'client_credentials', client_id: org.clientId, client_secret: org.clientSecret, scope: 'inzage' }))
      assert.equal(scope.json().code, 'oauth.invalid_scope')
      const basic = await t.inject({ ...form({ grant_type: 'client_credentials' }), headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Basic ${Buffer.from(`${org.clientId}:${org.clientSecret}`).toString('base64')}` } })
      assert.equal(basic.statusCode, 200)
      const jwks = await t.inject({ method: 'GET', url: '/api/v1/oauth/jwks.json' })
      assert.equal(jwks.json().keys[0].kty, 'EC')
    })

    test('missing, malformed, expired, wrongly signed and revoked tokens get 401 with a code naming why', async () => {
      const clock = fixedClock('2026-11-28T12:00:00Z')
      await using t = await startTestHub(store, { clock })
      const po = await t.org('Beheer', 'beheer', { rollen: ['privacy-officer'], scopes: ['inzage'] })
      const call = (authorization?: string) => t.inject({ method: 'POST', url: '/api/v1/inzage/_zoek', ...json({ bsn: BSN }), headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) } })
      assert.equal((await call()).json().code, 'token.ontbreekt')
      assert.equal((await call('Token abc')).json().code, 'token.formaat')
      assert.equal((await call('Bearer abc.def.ghi')).json().code, 'token.ongeldig')
      const { privateKey } = await generateKeyPair('ES256')
      const forged = await new SignJWT({ oin: po.oin, scope: 'inzage' }).setProtectedHeader({ alg: 'ES256', typ: 'at+jwt', kid: (await t.hub.ctx.tokens.jwks()).keys[0]!.kid! })
        .setIssuer('http://localhost:8080').setAudience('knooppunt-api').setSubject(po.clientId).setIssuedAt().setExpirationTime('5m').sign(privateKey)
      const forgedRes = await call(`Bearer ${forged}`)
      assert.equal(forgedRes.statusCode, 401)
      assert.equal(forgedRes.json().code, 'token.handtekening-ongeldig')
      assert.match(String(forgedRes.headers['www-authenticate']), /^Bearer/)
      const token = await t.token(po)
      assert.equal((await call(`Bearer ${token}`)).statusCode, 200)
      clock.advance(16 * 60 * 1000)
      assert.equal((await call(`Bearer ${token}`)).json().code, 'token.verlopen')
      const fresh = (await t.hub.ctx.tokens.issue({ clientId: po.clientId, oin: po.oin, scopes: ['inzage'] })).accessToken
      await t.hub.ctx.access.trekClientIn(po.clientId)
      assert.equal((await call(`Bearer ${fresh}`)).json().code, 'token.client-ingetrokken')
    })

    test('scope, role and organisation are checked on every call', async () => {
      await using t = await startTestHub(store)
      const hubBeheer = await t.org('Hub beheer', 'beheer', { rollen: ['beheerder', 'privacy-officer'], scopes: ['beheer', 'inzage'] })
      const gemA = await t.org('Gemeente A', 'gemeente', { producten: ['samenloop'], rollen: ['inkomen', 'beheerder', 'privacy-officer'], scopes: ['samenloop', 'beheer', 'inzage'] })
      const gemB = await t.org('Gemeente B', 'gemeente', { producten: ['samenloop'], rollen: ['inkomen'] })
      const noScope = await t.org('Gemeente C', 'gemeente', { producten: ['samenloop'], rollen: ['privacy-officer'], scopes: ['samenloop'] })
      const inzage = (org: typeof gemA) => t.as(org).inject({ method: 'POST', url: '/api/v1/inzage/_zoek', ...json({ bsn: BSN }) })
      assert.equal((await inzage(noScope)).json().code, 'toegang.scope')
      assert.equal((await inzage(gemB)).statusCode, 403)
      // A's beheerder may not touch B's clients, and may not create organisations.
      const revoke = await t.as(gemA).inject({ method: 'POST', url: `/api/v1/clients/${gemB.clientId}/intrekken` })
      assert.equal(revoke.statusCode, 403)
      assert.equal(revoke.json().code, 'toegang.andere-organisatie')
      const createOrg = await t.as(gemA).inject({ method: 'POST', url: '/api/v1/organisaties', ...json({ oin: '00000001999999999000', naam: 'X', soort: 'gemeente' }) })
      assert.equal(createOrg.json().code, 'toegang.soort-organisatie')
      const listA = await t.as(gemA).inject({ method: 'GET', url: '/api/v1/clients' })
      assert.deepEqual(listA.json().clients.map((c: { oin: string }) => c.oin), [gemA.oin])
      // Inzage: A's privacy officer sees A's processing only; the hub's sees all.
      await inzage(gemA)
      await inzage(hubBeheer)
      const seenByA = (await inzage(gemA)).json().regels as Array<{ actorOin: string }>
      assert.ok(seenByA.length >= 2 && seenByA.every((r) => r.actorOin === gemA.oin))
      const seenByHub = (await inzage(hubBeheer)).json().regels as Array<{ actorOin: string; activiteit: string }>
      assert.ok(seenByHub.some((r) => r.actorOin === gemA.oin) && seenByHub.some((r) => r.actorOin === hubBeheer.oin))
      assert.deepEqual(await t.hub.ctx.ledger.verify(), { ok: true, lines: 4 })
    })

    test('bad input gets the right status and a problem naming it; nothing is half-written', async () => {
      await using t = await startTestHub(store)
      const beheer = await t.org('Hub beheer', 'beheer', { rollen: ['beheerder', 'privacy-officer'], scopes: ['beheer', 'inzage'] })
      const as = t.as(beheer)
      const badBsn = await as.inject({ method: 'POST', url: '/api/v1/inzage/_zoek', ...json({ bsn: '123456789' }) })
      assert.equal(badBsn.statusCode, 400)
      assert.deepEqual(badBsn.json().invalidParams, [{ name: 'bsn', code: 'bsn-ongeldig', reason: 'BSN voldoet niet aan de elfproef' }])
      const badOrg = await as.inject({ method: 'POST', url: '/api/v1/organisaties', ...json({ oin: '123', naam: 'X', soort: 'koninkrijk', extra: 1 }) })
      assert.equal(badOrg.statusCode, 400)
      const names = badOrg.json().invalidParams.map((p: { name: string }) => p.name).sort()
      assert.deepEqual(names, ['extra', 'soort'], 'schema errors are all listed at once')
      const badOin = await as.inject({ method: 'POST', url: '/api/v1/organisaties', ...json({ oin: '123', naam: 'X', soort: 'gemeente' }) })
      assert.equal(badOin.json().invalidParams[0].code, 'oin-ongeldig')
      const malformed = await as.inject({ method: 'POST', url: '/api/v1/inzage/_zoek', payload: '{"bsn": ', headers: { 'content-type': 'application/json' } })
      assert.equal(malformed.statusCode, 400)
      assert.equal(malformed.json().code, 'verzoek.json-ongeldig')
      const wrongType = await as.inject({ method: 'POST', url: '/api/v1/inzage/_zoek', payload: 'bsn=1', headers: { 'content-type': 'text/plain' } })
      assert.equal(wrongType.statusCode, 415)
      assert.equal(wrongType.json().code, 'verzoek.mediatype')
      // The form parser serves the token endpoint; a JSON route does not take a form as if it were an object.
      const form = await as.inject({ method: 'POST', url: '/api/v1/inzage/_zoek', payload: 'bsn=123456782', headers: { 'content-type': 'application/x-www-form-urlencoded' } })
      assert.equal(form.statusCode, 415, form.body)
      assert.equal(form.json().code, 'verzoek.mediatype')
      const tooLarge = await as.inject({ method: 'POST', url: '/api/v1/inzage/_zoek', ...json({ bsn: 'x'.repeat(2 * 1024 * 1024) }) })
      assert.equal(tooLarge.statusCode, 413)
      assert.match(tooLarge.json().detail, /hoogstens 1 MB\)$/, 'the limit is named')
      const unknownRoute = await t.inject({ method: 'GET', url: '/api/v1/bestaat-niet' })
      assert.equal(unknownRoute.statusCode, 404)
      assert.equal(unknownRoute.json().code, 'route.onbekend')
      const unknownProduct = await t.inject({ method: 'GET', url: '/api/v1/gegevensregister/bestaat-niet' })
      assert.equal(unknownProduct.json().code, 'product.onbekend')
      // A path with a broken %-encoding is refused by the router itself: still problem+json with a stable code.
      for (const url of ['/api/v1/gegevensregister/%ZZ', '/api/v1/gegevensregister/%C3%28']) {
        const badUrl = await t.inject({ method: 'GET', url })
        assert.equal(badUrl.statusCode, 400, url)
        assert.equal(badUrl.headers['content-type'], 'application/problem+json; charset=utf-8', url)
        assert.equal(badUrl.json().code, 'verzoek.url-ongeldig', url)
      }
      const unknownProductSub = await as.inject({ method: 'POST', url: '/api/v1/organisaties', ...json({ oin: '00000001999999999000', naam: 'X', soort: 'gemeente', producten: ['bestaat-niet'] }) })
      assert.equal(unknownProductSub.statusCode, 404)
      for (const r of [badBsn, badOrg, malformed, wrongType, tooLarge, unknownRoute]) {
        assert.ok(!/\bat .*:\d+:\d+|node:internal|\.ts:\d+|"stack"/.test(r.body), 'no stack trace')
        assert.equal(typeof r.json().detail, 'string')
      }
      assert.equal(await t.hub.ctx.ledger.count(), 0, 'rejected requests wrote nothing to the ledger')
    })

    test('conventions: API-Version, traceparent propagation, security headers, OpenAPI with CORS, health, metrics', async () => {
      await using t = await startTestHub(store)
      const res = await t.inject({ method: 'GET', url: '/api/v1/openapi.json', headers: { traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01' } })
      assert.equal(res.statusCode, 200)
      assert.equal(res.headers['api-version'], '1.0.0')
      assert.equal(res.headers['access-control-allow-origin'], '*')
      assert.match(String(res.headers.traceparent), /^00-0af7651916cd43dd8448eb211c80319c-[0-9a-f]{16}-01$/)
      assert.equal(res.headers['x-content-type-options'], 'nosniff')
      assert.ok(res.headers['content-security-policy'])
      const doc = res.json()
      assert.equal(doc.openapi, '3.1.0')
      assert.ok(doc.paths['/api/v1/inzage/_zoek'].post)
      assert.ok(doc.paths['/api/v1/oauth/token'].post)
      for (const path of Object.keys(doc.paths)) assert.ok(!/bsn/i.test(path), `no BSN in a URL: ${path}`)
      assert.equal((await t.inject({ method: 'GET', url: '/health/live' })).statusCode, 200)
      const ready = await t.inject({ method: 'GET', url: '/health/ready' })
      assert.deepEqual(ready.json(), { status: 'ok', opslag: 'ok', bus: 'ok' })
      const metrics = await t.inject({ method: 'GET', url: '/metrics' })
      assert.match(metrics.body, /knooppunt_http_request_duration_seconds/)
      assert.ok((await t.inject({ method: 'GET', url: '/api/v1/gegevensregister' })).json().producten.length >= 5)
    })

    test('the application log never contains a BSN', async () => {
      await using t = await startTestHub(store)
      const beheer = await t.org('Hub beheer', 'beheer', { rollen: ['privacy-officer'], scopes: ['inzage'] })
      await t.as(beheer).inject({ method: 'POST', url: '/api/v1/inzage/_zoek', ...json({ bsn: BSN }) })
      await t.as(beheer).inject({ method: 'POST', url: '/api/v1/inzage/_zoek', payload: `{"bsn": "${BSN}"`, headers: { 'content-type': 'application/json' } })
      const traced = await t.as(beheer).inject({ method: 'POST', url: '/api/v1/inzage/_zoek', ...json({ bsn: BSN }), headers: { 'content-type': 'application/json', traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01' } })
      const lines = await t.hub.ctx.ledger.inzage(BSN)
      assert.equal(lines[0]?.traceId, '4bf92f3577b34da6a3ce929d0e0e4736', 'the caller\'s trace id is in the ledger line')
      assert.equal(lines[0]?.parentSpanId, '00f067aa0ba902b7')
      assert.match(String(traced.headers.traceparent), /^00-4bf92f3577b34da6a3ce929d0e0e4736-/)
      t.hub.http.log.info({ betrokkene: BSN, nested: { list: [BSN, Number(BSN)] } }, `verwerking voor ${BSN}`)
      t.hub.http.log.error(new Error(`kapot bij ${BSN}`))
      assert.ok(t.logLines.length > 3)
      for (const line of t.logLines) assert.ok(!line.includes(BSN), `BSN leaked: ${line}`)
      assert.ok(t.logLines.some((l) => l.includes('[bsn]')))
    })
  })
}

test('rate limiting answers 429 with a problem', async () => {
  await using t = await startTestHub('sqlite', { config: { rateLimitPerMinute: 3 } })
  const codes = []
  for (let i = 0; i < 5; i++) codes.push((await t.inject({ method: 'GET', url: '/api/v1/gegevensregister' })).statusCode)
  assert.deepEqual(codes, [200, 200, 200, 429, 429])
  const res = await t.inject({ method: 'GET', url: '/api/v1/gegevensregister' })
  assert.equal(res.json().code, 'verzoek.te-veel')
})

test('light-my-request parses Set-Cookie on Node 20 (its cookie@2 dependency declares Node 22: EBADENGINE check)', async () => {
  await using t = await startTestHub('sqlite')
  t.hub.http.get('/test-cookie', async (_req, reply) => reply.header('set-cookie', 'sessie=abc; HttpOnly; SameSite=Lax; Path=/').send('ok'))
  const res = await t.inject({ method: 'GET', url: '/test-cookie', cookies: { vorige: 'x=y' } })
  assert.deepEqual(res.cookies.map((c) => [c.name, c.value, c.httpOnly, c.sameSite]), [['sessie', 'abc', true, 'Lax']])
})
