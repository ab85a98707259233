import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { FastifyInstance } from 'fastify'
import { AppError } from '../core/index.js'
import { LEVERANCIERS, type DemoCredentials, type DemoOrganisatie, type DemoOrganisatieCredentials } from './demo-accounts.js'


export interface DemoLaadVerslag {
  readonly populaties: Array<{ gemeente: string; product: string; aantal: number }>
  readonly leveringen: Array<{ bron: string; aantalRegels: number; geaccepteerd: number; afgewezen: number; nieuw: boolean }>
}

/**
 * Loads the demo gemeenten's populations and every source file through the public API, with the demo clients'
 * own tokens — the same code paths real traffic uses. Idempotent: a population upload replaces with the same rows,
 * and each delivery carries a fixed `Levering-Id`, so a second start is answered 200 without new processing.
 */
export async function loadDemoData(http: FastifyInstance, creds: DemoCredentials, organisaties: readonly DemoOrganisatie[], dataset: string, seedLabel: string, onStap?: (tekst: string) => void): Promise<DemoLaadVerslag> {
  const token = tokenCache(http)
  const verslag: DemoLaadVerslag = { populaties: [], leveringen: [] }
  for (const g of creds.organisaties.filter((o) => o.soort === 'gemeente')) {
    const code = organisaties.find((o) => o.oin === g.oin)?.gemeentecode
    if (!code) continue
    for (const product of ['samenloop', 'oib', 'kot-doelgroepouders']) {
      const file = join(dataset, `populatie-${product === 'oib' ? 'samenloop' : product}-${code}.csv`)
      if (!existsSync(file)) continue
      onStap?.(`populatie ${product} van ${g.naam}`)
      const res = await http.inject({ method: 'PUT', url: `/api/v1/populaties/${product}`, payload: readFileSync(file), headers: { 'content-type': 'text/csv', authorization: `Bearer ${await token(g)}` } })
      if (res.statusCode !== 200) throw new AppError('internal', 'demo.laden-mislukt', `populatie ${product} van ${g.naam}: ${res.statusCode} ${res.body.slice(0, 300)}`)
      verslag.populaties.push({ gemeente: g.naam, product, aantal: (res.json() as { aantal: number }).aantal })
    }
  }
  for (const [bron, oin] of Object.entries(LEVERANCIERS)) {
    const file = join(dataset, `${bron}.csv`)
    const leverancier = creds.organisaties.find((o) => o.oin === oin)
    if (!existsSync(file) || !leverancier) continue
    onStap?.(`levering ${bron}`)
    const res = await http.inject({ method: 'POST', url: `/api/v1/bronnen/${bron}/leveringen`, payload: readFileSync(file), headers: { 'content-type': 'text/csv', 'levering-id': `demo-${seedLabel}-${bron}`, authorization: `Bearer ${await token(leverancier)}` } })
    if (res.statusCode !== 201 && res.statusCode !== 200) throw new AppError('internal', 'demo.laden-mislukt', `levering ${bron}: ${res.statusCode} ${res.body.slice(0, 300)}`)
    const a = res.json() as { aantalRegels: number; geaccepteerd: number; afgewezen: unknown[] }
    verslag.leveringen.push({ bron, aantalRegels: a.aantalRegels, geaccepteerd: a.geaccepteerd, afgewezen: a.afgewezen.length, nieuw: res.statusCode === 201 })
  }
  return verslag
}

function tokenCache(http: FastifyInstance) {
  const cache = new Map<string, string>()
  return async (o: DemoOrganisatieCredentials): Promise<string> => {
    const hit = cache.get(o.clientId)
    if (hit) return hit
    const res = await http.inject({ method: 'POST', url: '/api/v1/oauth/token', payload: new URLSearchParams({ grant_type: 'client_credentials', client_id: o.clientId, client_secret: o.clientSecret }).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } })
    if (res.statusCode !== 200) throw new AppError('internal', 'demo.laden-mislukt', `token voor ${o.naam}: ${res.statusCode}`)
    const t = (res.json() as { access_token: string }).access_token
    cache.set(o.clientId, t)
    return t
  }
}
