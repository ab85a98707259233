/**
 * Keeps the published OpenAPI document (GET /api/v1/openapi.json) and docs/api in step with the routes a served hub
 * really registers: every route is in the document, every error it documents is `application/problem+json` (as
 * adapters/http/server.ts sends it), what a route answers is what the document says, and every path is in the docs.
 */
import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { hubModules } from '../../src/cli/hub-options.js'
import { startTestHub, type TestHub } from '../support/test-hub.js'

const root = new URL('../../', import.meta.url).pathname

/** Served, but not part of the API: health and metrics for operators, and the document itself. */
const GEEN_API = new Set(['/health/live', '/health/ready', '/metrics', '/api/v1/openapi.json'])

/** The routes of issue 4 ("werk en inkomen"): each must have a success answer with a schema in the document. */
const ISSUE_4 = [
  'PUT /api/v1/populaties/{product}', 'POST /api/v1/populaties/{product}/mutaties', 'POST /api/v1/bronnen/{bron}/leveringen',
  'POST /api/v1/bronnen/{bron}/gebeurtenissen', 'GET /api/v1/bronnen/{bron}/selectie', 'GET /api/v1/signalen', 'GET /api/v1/signalen/{id}',
  'POST /api/v1/signalen/{id}/terugmelding', 'GET /api/v1/signalen/export', 'POST /api/v1/abonnementen', 'GET /api/v1/abonnementen/{id}/afleveringen',
  'GET /api/v1/abonnementen/{id}/dode-brieven', 'POST /api/v1/abonnementen/{id}/dode-brieven/_opnieuw',
  'POST /api/v1/abonnementen/{id}/dode-brieven/{afleveringId}/opnieuw', 'POST /api/v1/samenloop/vooraf-toets/_zoek', 'GET /api/v1/oib/overzichten',
]

type Operation = { security?: unknown[]; responses?: Record<string, { content?: Record<string, { schema?: unknown }> }> }
type Document = { paths: Record<string, Record<string, Operation>> }

/**
 * Every `METHOD /path` a Fastify instance serves, read from `printRoutes` (Fastify has no route list of its own):
 * one node per line, four characters of indent per level, a child's segment appended to its parent's path.
 */
export function geregistreerdeRoutes(boom: string): string[] {
  const paden: string[] = []
  const routes: string[] = []
  for (const regel of boom.split('\n')) {
    const m = /^((?:[│ ] {3})*)[├└]── (\S+)(?: \(([^)]+)\))?$/.exec(regel)
    if (!m) continue
    const diepte = m[1]!.length / 4
    paden.length = diepte
    const pad = (paden[diepte - 1] ?? '') + m[2]!
    paden[diepte] = pad
    for (const methode of (m[3] ?? '').split(', ').filter(Boolean)) routes.push(`${methode} ${pad}`)
  }
  return routes
}

const openApiPad = (pad: string) => pad.replace(/:([A-Za-z]+)/g, '{$1}')

let t: TestHub
let doc: Document
before(async () => {
  t = await startTestHub('sqlite', { modules: hubModules({ mode: 'test', publicUrl: 'http://localhost:8080' }) })
  doc = (await t.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json()
})
after(() => t[Symbol.asyncDispose]())

const operaties = () => Object.entries(doc.paths).flatMap(([pad, ops]) => Object.entries(ops).map(([m, op]) => ({ id: `${m.toUpperCase()} ${pad}`, pad, methode: m.toUpperCase(), op })))

test('the route list is read from printRoutes, nested segments included', () => {
  const boom = '├── /api/v1/signalen (GET, HEAD)\n│   ├── /export (GET, HEAD)\n│   └── /:id (GET, HEAD)\n│       └── /terugmelding (POST)\n└── * (OPTIONS)\n'
  assert.deepEqual(geregistreerdeRoutes(boom), ['GET /api/v1/signalen', 'HEAD /api/v1/signalen', 'GET /api/v1/signalen/export', 'HEAD /api/v1/signalen/export',
    'GET /api/v1/signalen/:id', 'HEAD /api/v1/signalen/:id', 'POST /api/v1/signalen/:id/terugmelding', 'OPTIONS *'])
})

test('every route a served hub registers is in the OpenAPI document, and nothing else is', () => {
  const routes = geregistreerdeRoutes(t.hub.http.printRoutes({ commonPrefix: false }))
    .filter((r) => !r.startsWith('HEAD ') && !r.startsWith('OPTIONS ')) // HEAD is Fastify's automatic twin of GET; OPTIONS * is CORS
    .map((r) => { const [m, p] = r.split(' '); return { m: m!, p: p! } })
    .filter((r) => !GEEN_API.has(r.p))
  assert.ok(routes.length > 40, `${routes.length} routes found; is printRoutes still parsed right?`)
  const geregistreerd = new Set(routes.map((r) => `${r.m} ${openApiPad(r.p)}`))
  const gedocumenteerd = new Set(operaties().map((o) => o.id))
  assert.deepEqual([...geregistreerd].filter((r) => !gedocumenteerd.has(r)).sort(), [], 'routes missing from the OpenAPI document')
  assert.deepEqual([...gedocumenteerd].filter((r) => !geregistreerd.has(r)).sort(), [], 'operations in the document without a route')
  for (const r of ISSUE_4) assert.ok(gedocumenteerd.has(r), r)
})

test('every documented error is application/problem+json with the problem schema; secured operations document 401 and 403', () => {
  for (const { id, op } of operaties()) {
    for (const [status, antwoord] of Object.entries(op.responses ?? {})) {
      if (Number(status) < 400) continue
      assert.deepEqual(Object.keys(antwoord.content ?? {}), ['application/problem+json'], `${id} ${status}`)
      const schema = antwoord.content!['application/problem+json']!.schema as { properties?: Record<string, unknown> }
      for (const veld of ['type', 'title', 'status', 'detail', 'code', 'invalidParams']) assert.ok(schema.properties?.[veld], `${id} ${status}: ${veld}`)
    }
    if (op.security) for (const status of ['401', '403']) assert.ok(op.responses?.[status], `${id} documents no ${status}`)
  }
})

test('every operation documents its success answer', () => {
  const zonder = operaties().filter(({ op }) => !Object.keys(op.responses ?? {}).some((s) => s.startsWith('2'))).map((o) => o.id)
  assert.deepEqual(zonder, [])
})

test('the routes of issue 4 document a success answer with a schema', () => {
  for (const { id, op } of operaties().filter((o) => ISSUE_4.includes(o.id))) {
    const succes = Object.entries(op.responses ?? {}).filter(([s]) => s.startsWith('2'))
    assert.ok(succes.length > 0, `${id}: no 2xx answer`)
    for (const [s, a] of succes) if (s !== '204') assert.ok(a.content && Object.values(a.content).every((c) => c.schema), `${id} ${s}: no schema`)
  }
})

/** A value for each path parameter, so every documented path can be called. */
const VOORBEELD: Record<string, string> = { product: 'samenloop', bron: 'uwv-polis', id: '00000000-0000-4000-8000-000000000000', afleveringId: '00000000-0000-4000-8000-000000000001', leveringId: 'lev-1', clientId: 'c-1' }

test('without a token every secured operation answers a problem whose status and media type the document lists', async () => {
  for (const { id, pad, methode, op } of operaties().filter((o) => o.op.security)) {
    const url = pad.replace(/\{([A-Za-z]+)\}/g, (_, n: string) => VOORBEELD[n] ?? 'x')
    const res = await t.inject({ method: methode as 'GET', url })
    assert.ok(res.statusCode >= 400, `${id}: ${res.statusCode}`)
    assert.match(String(res.headers['content-type']), /^application\/problem\+json/, id)
    assert.ok(op.responses?.[String(res.statusCode)]?.content?.['application/problem+json'], `${id} answers ${res.statusCode} (${res.json().code}), which the document does not list`)
  }
})

/**
 * Routes whose handler reads its query itself and lists an unknown parameter together with every other problem (it
 * has to pass authorisation first, so without a token it answers 401); their own tests show the 400.
 */
const ZELF_GECONTROLEERD: Record<string, string> = {
  'GET /api/v1/bronnen/{bron}/leveringen': 'test/e2e/intake.test.ts', 'GET /api/v1/oib/overzichten': 'test/e2e/oib.test.ts',
  'GET /api/v1/kot-doelgroepouders/verschillen': 'test/e2e/kot.test.ts', 'GET /api/v1/signalen': 'test/e2e/signalen.test.ts',
  'GET /api/v1/signalen/export': 'test/e2e/signalen.test.ts',
}

test('every API operation refuses a query parameter it does not know (400 parameter-onbekend), none ignores it', async () => {
  const genegeerd: string[] = []
  for (const { id, pad, methode } of operaties()) {
    const url = `${pad.replace(/\{([A-Za-z]+)\}/g, (_, n: string) => VOORBEELD[n] ?? 'x')}?onbekend=1`
    const res = await t.inject({ method: methode as 'GET', url })
    if (ZELF_GECONTROLEERD[id]) { assert.equal(res.statusCode, 401, `${id}: ${res.body}`); continue }
    const p = res.statusCode === 400 ? (res.json().invalidParams as Array<{ name: string; code: string }>) : []
    if (!p.some((x) => x.name === 'onbekend' && x.code === 'parameter-onbekend')) genegeerd.push(`${id}: ${res.statusCode} ${res.body.slice(0, 120)}`)
  }
  assert.deepEqual(genegeerd, [])
})

test('the CSV exports are documented as text/csv, the media type they answer', async () => {
  const gemeente = await t.org('Gemeente Utrecht', 'gemeente', { producten: ['samenloop'], rollen: ['inkomen'] })
  const res = await t.as(gemeente).inject({ method: 'GET', url: '/api/v1/signalen/export?product=samenloop&van=2026-01-01&tot=2026-01-31' })
  assert.equal(res.statusCode, 200, res.body)
  const gedocumenteerd = Object.keys(doc.paths['/api/v1/signalen/export']!.get!.responses!['200']!.content ?? {})
  assert.deepEqual(gedocumenteerd, ['text/csv'])
  assert.match(String(res.headers['content-type']), /^text\/csv/)
  // The kwijtschelding export answers text/csv too (test/e2e/kwijtschelding.test.ts reads it).
  assert.deepEqual(Object.keys(doc.paths['/api/v1/kwijtschelding/toetsingen/{id}/export']!.get!.responses!['200']!.content ?? {}), ['text/csv'])
})

test('every path of the OpenAPI document is written out, with its method, in docs/api.md or docs/api/*.md', () => {
  const map = join(root, 'docs/api')
  const tekst = [readFileSync(join(root, 'docs/api.md'), 'utf8'), ...readdirSync(map).filter((f) => f.endsWith('.md')).map((f) => readFileSync(join(map, f), 'utf8'))].join('\n')
  const regels = tekst.split('\n')
  const ontbreekt = operaties().filter(({ pad, methode }) => !regels.some((r) => {
    const i = r.search(new RegExp(`${pad.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w/{])`))
    return i >= 0 && new RegExp(`\\b${methode}\\b`).test(r.slice(0, i))
  })).map((o) => o.id)
  assert.deepEqual(ontbreekt, [])
})

test('an operation that takes a JSON body documents the 413 problem a body over the limit gets', async () => {
  const gemeente = await t.org('Gemeente Groot', 'gemeente', { producten: ['samenloop'], rollen: ['inkomen'] })
  const groot = JSON.stringify({ x: 'x'.repeat(2 * 1024 * 1024) })
  const metJson = operaties().filter(({ op }) => (op as { requestBody?: { content?: Record<string, unknown> } }).requestBody?.content?.['application/json'])
  assert.ok(metJson.length > 10)
  for (const { id, pad, methode, op } of metJson) {
    const url = pad.replace(/\{([A-Za-z]+)\}/g, (_, n: string) => VOORBEELD[n] ?? 'x')
    const res = await t.as(gemeente).inject({ method: methode as 'POST', url, payload: groot, headers: { 'content-type': 'application/json' } })
    assert.equal(res.statusCode, 413, `${id}: ${res.statusCode} ${res.body.slice(0, 200)}`)
    assert.ok(op.responses?.['413']?.content?.['application/problem+json'], `${id} answers 413, which the document does not list`)
  }
})

test('the success schemas added for /mij and /organisaties keep every field of the answer', async () => {
  const beheer = await t.org('Hub beheer', 'beheer', { rollen: ['beheerder'], scopes: ['beheer'] })
  const mij = (await t.as(beheer).inject({ method: 'GET', url: '/api/v1/mij' })).json()
  assert.deepEqual(Object.keys(mij).sort(), ['naam', 'organisatie', 'producten', 'rollen', 'scopes', 'soort'])
  assert.equal(mij.organisatie.oin, beheer.oin)
  assert.deepEqual(mij.rollen, ['beheerder'])
  const res = await t.as(beheer).inject({ method: 'GET', url: '/api/v1/organisaties' })
  assert.equal(res.statusCode, 200, res.body)
  const eigen = res.json().organisaties.find((o: { oin: string }) => o.oin === beheer.oin)
  assert.deepEqual([eigen.naam, eigen.soort, Array.isArray(eigen.producten)], ['Hub beheer', 'beheer', true])
})

test('the abonnement body schema states the limits the hub enforces, and the hub refuses what it refuses', async () => {
  const op = doc.paths['/api/v1/abonnementen']!.post as unknown as { requestBody: { content: { 'application/json': { schema: {
    additionalProperties?: boolean; properties: Record<string, { maxLength?: number; maxItems?: number; items?: { pattern?: string } }> } } } } }
  const schema = op.requestBody.content['application/json'].schema
  assert.equal(schema.additionalProperties, false)
  assert.equal(schema.properties.url!.maxLength, 2048)
  assert.equal(schema.properties.producten!.maxItems, 50)
  assert.equal(schema.properties.soorten!.maxItems, 50)
  assert.equal(schema.properties.soorten!.items!.pattern, '^[a-z][a-z0-9-]{0,31}$')
  const gemeente = await t.org('Gemeente Abonnee', 'gemeente', { producten: ['samenloop'], rollen: ['inkomen'] })
  const url = 'http://127.0.0.1:9/webhooks'
  const post = (body: unknown) => t.as(gemeente).inject({ method: 'POST', url: '/api/v1/abonnementen', payload: JSON.stringify(body), headers: { 'content-type': 'application/json' } })
  assert.equal((await post({ url, producten: ['samenloop'] })).statusCode, 201)
  for (const body of [
    { url: `${url}/${'x'.repeat(2048)}`, producten: ['samenloop'] }, { url, producten: Array(51).fill('samenloop') },
    { url, producten: ['samenloop'], soorten: Array(51).fill('inkomsten') }, { url, producten: ['samenloop'], soorten: ['Inkomsten'] },
    { url, producten: ['samenloop'], extra: 1 },
  ]) assert.equal((await post(body)).statusCode, 400, JSON.stringify(body).slice(0, 80))
})
