import { randomBytes } from 'node:crypto'
import type { Oin } from '../core/index.js'
import type { OrganisatieSoort, Rol } from '../platform/access/index.js'

export interface DemoOrganisatieCredentials {
  oin: string
  naam: string
  soort: OrganisatieSoort
  clientId: string
  clientSecret: string
}
export interface DemoGebruiker {
  gebruikersnaam: string
  wachtwoord: string
  organisatieOin: string
  rollen: Rol[]
}
/** The shape of `demo-credentials.json` (documented in docs/demo.md). */
export interface DemoCredentials {
  organisaties: DemoOrganisatieCredentials[]
  gebruikers: DemoGebruiker[]
}

export interface DemoOrganisatie {
  readonly oin: Oin
  readonly naam: string
  readonly soort: OrganisatieSoort
  readonly gemeentecode?: string | undefined
}

/** Which roles and scopes a demo client of each kind of organisation gets. */
export function clientProfile(soort: OrganisatieSoort, producten: readonly string[]): { rollen: Rol[]; scopes: string[] } {
  switch (soort) {
    case 'gemeente': return { rollen: ['inkomen', 'wmo', 'belastingen', 'schuldhulp', 'beheerder', 'privacy-officer'], scopes: [...producten, 'inzage', 'beheer'] }
    case 'waterschap': return { rollen: ['belastingen'], scopes: [...producten] }
    case 'rmc': return { rollen: ['rmc'], scopes: [...producten] }
    case 'zorgaanbieder': return { rollen: ['zorg'], scopes: [...producten] }
    case 'bron': return { rollen: ['bron'], scopes: [...producten] }
    case 'schuldeiser': return { rollen: ['beslaglegger'], scopes: [...producten] }
    case 'beheer': return { rollen: ['beheerder', 'privacy-officer'], scopes: ['beheer', 'inzage'] }
    default: return { rollen: [], scopes: [...producten] }
  }
}

/** Products a demo organisation takes, limited to the products this hub knows. */
export function demoProducten(soort: OrganisatieSoort, known: readonly string[]): string[] {
  const wanted: Record<OrganisatieSoort, string[]> = {
    gemeente: [...known].filter((p) => p !== 'inzage'),
    waterschap: ['kwijtschelding', 'beslagvrije-voet', 'bijstandsnormen', 'netto-inkomen'],
    schuldeiser: ['beslagvrije-voet', 'bijstandsnormen', 'netto-inkomen'],
    rmc: [], zorgaanbieder: [], bron: [], intermediair: [], samenwerkingsverband: [], beheer: [],
  }
  return wanted[soort].filter((p) => known.includes(p))
}

/** Keeps what a previous start wrote, so a second `npm start` gives the same credentials. */
export function reuseOrCreate(previous: DemoCredentials | undefined, org: DemoOrganisatie): DemoOrganisatieCredentials {
  const found = previous?.organisaties.find((o) => o.oin === org.oin)
  return found ?? { oin: org.oin, naam: org.naam, soort: org.soort, clientId: `demo-${org.soort}-${org.oin.slice(-11, -3)}`, clientSecret: randomBytes(24).toString('base64url') }
}

export function reuseOrCreateUser(previous: DemoCredentials | undefined, gebruikersnaam: string, organisatieOin: string, rollen: Rol[]): DemoGebruiker {
  const found = previous?.gebruikers.find((g) => g.gebruikersnaam === gebruikersnaam)
  return { gebruikersnaam, wachtwoord: found?.wachtwoord ?? randomBytes(12).toString('base64url'), organisatieOin, rollen }
}

/** Which source organisation delivers which file (by the OIN numbers the synthetic generator gives them). */
export const LEVERANCIERS: Record<string, string> = {
  'uwv-polis': '00000001500000001000', 'belastingdienst-vermogen': '00000001500000002000',
  'belastingdienst-kot-doelgroep': '00000001500000002000', 'rdw-voertuigen': '00000001500000003000',
  'duo-studiefinanciering': '00000001500000004000', 'svb-uitkeringen': '00000001500000006000',
  'dji-detenties': '00000001500000007000', 'brp-mutaties': '00000001500000008000', 'brp-personen': '00000001500000008000',
  'kadaster-eigendom': '00000001500000009000', 'kvk-inschrijvingen': '00000001500000010000',
}
