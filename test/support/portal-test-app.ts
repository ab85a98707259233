/**
 * The portal on a real hub for browser tests: the hub's own HTTP server (API routes, problem+json, helmet, auth
 * with the portal header) on SQLite in memory, the portal plugin with the embedded provider, the built SPA, and
 * demo organisations, users for every role and a few ledger lines. Listens on 127.0.0.1 on a free port.
 */
import { createServer } from 'node:net'
import { completeBsn, newSpanId, newTraceId, oinFrom, type Bsn, type Oin } from '../../src/core/index.js'
import type { OrganisatieSoort, Rol } from '../../src/platform/access/index.js'
import { createRecentLedger } from '../../src/platform/ledger/recent.js'
import { createPortal, type PortalPagina } from '../../src/adapters/http/portal/index.js'
import type { RouteModule } from '../../src/adapters/http/hub-context.js'
import { ensurePortalBuilt, PORTAL_DIST } from '../../web/build.js'
import { startTestHub, type TestHub } from './test-hub.js'
import { BRON_FORMATEN } from '../../src/platform/intake/index.js'

export const DEMO_WACHTWOORD = 'demo-wachtwoord-knooppunt'

export interface DemoGebruiker {
  readonly gebruikersnaam: string
  readonly naam: string
  readonly rollen: readonly Rol[]
  readonly organisatie: string
}

interface DemoOrganisatie { readonly naam: string; readonly soort: OrganisatieSoort; readonly producten: readonly string[] }

const ORGANISATIES: Readonly<Record<string, DemoOrganisatie>> = {
  utrecht: { naam: 'Gemeente Utrecht', soort: 'gemeente', producten: ['samenloop', 'oib', 'kwijtschelding', 'beslagvrije-voet', 'bijstandsnormen', 'kot-doelgroepouders'] },
  rmc: { naam: 'RMC-regio Utrecht', soort: 'rmc', producten: [] },
  zorg: { naam: 'Zorggroep De Linde', soort: 'zorgaanbieder', producten: [] },
  uwv: { naam: 'UWV', soort: 'bron', producten: [] },
  schuldeiser: { naam: 'Incasso Noord B.V.', soort: 'schuldeiser', producten: ['beslagvrije-voet'] },
  beheer: { naam: 'Beheer Knooppunt', soort: 'beheer', producten: [] },
}

/** One user per role, plus one without roles. */
export const DEMO_GEBRUIKERS: readonly DemoGebruiker[] = [
  { gebruikersnaam: 'inkomen@utrecht', naam: 'Fatima el Amrani', rollen: ['inkomen'], organisatie: 'utrecht' },
  { gebruikersnaam: 'wmo@utrecht', naam: 'Jeroen de Vries', rollen: ['wmo'], organisatie: 'utrecht' },
  { gebruikersnaam: 'belastingen@utrecht', naam: 'Anouk Jansen', rollen: ['belastingen'], organisatie: 'utrecht' },
  { gebruikersnaam: 'schuldhulp@utrecht', naam: 'Mehmet Yilmaz', rollen: ['schuldhulp'], organisatie: 'utrecht' },
  { gebruikersnaam: 'rmc@regio', naam: 'Sanne Bakker', rollen: ['rmc'], organisatie: 'rmc' },
  { gebruikersnaam: 'zorg@delinde', naam: 'Priya Ramdin', rollen: ['zorg'], organisatie: 'zorg' },
  { gebruikersnaam: 'bron@uwv', naam: 'Kees Visser', rollen: ['bron'], organisatie: 'uwv' },
  { gebruikersnaam: 'beslag@incasso', naam: 'Lotte Smit', rollen: ['beslaglegger'], organisatie: 'schuldeiser' },
  { gebruikersnaam: 'privacy@utrecht', naam: 'Noah Willems', rollen: ['privacy-officer'], organisatie: 'utrecht' },
  { gebruikersnaam: 'beheer@knooppunt', naam: 'Eva Mulder', rollen: ['beheerder'], organisatie: 'beheer' },
  { gebruikersnaam: 'zonderrol@utrecht', naam: 'Tim Zonder Rol', rollen: [], organisatie: 'utrecht' },
]

/** A BSN with ledger lines (processed for Gemeente Utrecht). */
export const DEMO_BSN: Bsn = completeBsn('11122233')!

export interface PortalTestApp extends AsyncDisposable {
  readonly url: string
  readonly hub: TestHub
  readonly oins: Readonly<Record<string, Oin>>
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer()
    s.once('error', reject)
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number }
      s.close(() => resolve(port))
    })
  })
}

async function seed(t: TestHub): Promise<Record<string, Oin>> {
  const { access, ledger, database } = t.hub.ctx
  const oins: Record<string, Oin> = {}
  let n = 0
  for (const [key, o] of Object.entries(ORGANISATIES)) {
    const oin = oinFrom('00000001', 3_000_000 + ++n)
    oins[key] = oin
    await access.registreerOrganisatie({ oin, naam: o.naam, soort: o.soort, ...(o.soort === 'gemeente' ? { gemeentecode: 'GM0344' } : {}) })
    if (o.producten.length) await access.abonneer(oin, o.producten)
    if (o.soort === 'bron') await access.machtigBron(oin, [...BRON_FORMATEN.keys()])
  }
  for (const g of DEMO_GEBRUIKERS) await access.maakGebruiker({ gebruikersnaam: g.gebruikersnaam, naam: g.naam, wachtwoord: DEMO_WACHTWOORD, oin: oins[g.organisatie]!, rollen: g.rollen })
  await access.maakClient({ oin: oins.utrecht!, naam: 'Suite Sociaal Domein', scopes: ['samenloop', 'oib'], rollen: ['inkomen'] })
  const line = (activiteit: string, verwerkingsactiviteit: string, product: string) => ({
    trace: { traceId: newTraceId(), spanId: newSpanId() }, activiteit, verwerkingsactiviteit, product, betrokkene: DEMO_BSN, actorOin: oins.utrecht!,
  })
  await database.db.transaction().execute((tx) => ledger.record(tx, [
    line('levering-verwerken', 'samenloop.signaleren', 'samenloop'),
    line('signaal-lezen', 'samenloop.signaleren', 'samenloop'),
    line('berekenen', 'bvv.berekenen', 'beslagvrije-voet'),
  ]))
  return oins
}

export interface PortalTestAppOptions {
  /** Product modules to mount (their API routes, consumers and workers); none by default. */
  readonly modules?: readonly RouteModule[]
  /** Extra menu pages (the product pages); none by default, so the portal's own tests see only its own pages. */
  readonly paginas?: readonly PortalPagina[]
}

/** Builds the SPA if needed, starts the hub with the portal on a free port and seeds the demo accounts. */
export async function startPortalTestApp(opts: PortalTestAppOptions = {}): Promise<PortalTestApp> {
  await ensurePortalBuilt()
  const port = await freePort()
  const url = `http://127.0.0.1:${port}`
  const hub = await startTestHub('sqlite', {
    config: { port, publicUrl: url, logLevel: 'warn' },
    ...(opts.modules ? { modules: opts.modules } : {}),
    portal: (ctx) => createPortal({
      access: ctx.access, db: ctx.database.db, keyring: ctx.keyring, clock: ctx.clock, publicUrl: url, oidc: { mode: 'embedded' },
      webDist: PORTAL_DIST, ledger: createRecentLedger(ctx.database.db), paginas: opts.paginas,
    }),
  })
  const oins = await seed(hub)
  await hub.hub.http.listen({ host: '127.0.0.1', port })
  return { url, hub, oins, [Symbol.asyncDispose]: () => hub[Symbol.asyncDispose]() }
}
