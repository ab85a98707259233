import type { HubContext } from '../../src/adapters/http/hub-context.js'
import { oinFrom } from '../../src/core/index.js'
import { BRON_FORMATEN } from '../../src/platform/intake/index.js'

/** A gemeente taking samenloop (role inkomen) and a source allowed every format, each with a fresh token. */
export async function benchOrganisaties(ctx: Pick<HubContext, 'access' | 'tokens'>): Promise<{ gemeenteToken: string; bronToken: string }> {
  const { access, tokens } = ctx
  const gemeente = oinFrom('00000001', 344_000_001)
  await access.registreerOrganisatie({ oin: gemeente, naam: 'Gemeente Bench', soort: 'gemeente', gemeentecode: '0344' })
  await access.abonneer(gemeente, ['samenloop'], '2020-01-01')
  const gc = await access.maakClient({ oin: gemeente, naam: 'bench', scopes: ['samenloop'], rollen: ['inkomen'] })
  const bron = oinFrom('00000001', 500_000_001)
  await access.registreerOrganisatie({ oin: bron, naam: 'Bronnen', soort: 'bron' })
  await access.machtigBron(bron, [...BRON_FORMATEN.keys()])
  const bc = await access.maakClient({ oin: bron, naam: 'bench', scopes: [], rollen: ['bron'] })
  return {
    gemeenteToken: (await tokens.issue({ clientId: gc.clientId, oin: gemeente, scopes: ['samenloop'] })).accessToken,
    bronToken: (await tokens.issue({ clientId: bc.clientId, oin: bron, scopes: [] })).accessToken,
  }
}
