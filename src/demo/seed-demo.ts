import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { parse } from 'csv-parse/sync'
import { AppError, isOin, type Oin } from '../core/index.js'
import { ORGANISATIE_SOORTEN, type AccessService, type OrganisatieSoort } from '../platform/access/index.js'
import {
  clientProfile, demoProducten, LEVERANCIERS, reuseOrCreate, reuseOrCreateUser,
  type DemoCredentials, type DemoGebruiker, type DemoOrganisatie,
} from './demo-accounts.js'

/** Reads `organisaties.csv` of a synthetic dataset (`oin;naam;soort;gemeentecode;agbCode;regio`). */
export function readOrganisaties(file: string): DemoOrganisatie[] {
  const rows = parse(readFileSync(file), { columns: true, delimiter: ';', skip_empty_lines: true, bom: true }) as Array<Record<string, string>>
  return rows.map((r, i) => {
    if (!isOin(r.oin) || !(ORGANISATIE_SOORTEN as readonly string[]).includes(r.soort ?? ''))
      throw new AppError('invalid', 'demo.organisatie-ongeldig', `${file} regel ${i + 2}: ongeldige oin of soort`)
    return { oin: r.oin as Oin, naam: r.naam ?? '', soort: r.soort as OrganisatieSoort, gemeentecode: r.gemeentecode || undefined }
  })
}

/** The organisations that get demo clients: two gemeenten, one of each other kind, and every bron. */
export function pickDemoOrganisaties(all: readonly DemoOrganisatie[], gemeentecodes: readonly string[] = ['0344', '0307']): DemoOrganisatie[] {
  const gemeenten = gemeentecodes.map((c) => all.find((o) => o.soort === 'gemeente' && o.gemeentecode === c))
    .filter((o): o is DemoOrganisatie => o !== undefined)
  for (const o of all) if (gemeenten.length < 2 && o.soort === 'gemeente' && !gemeenten.includes(o)) gemeenten.push(o)
  const first = (s: OrganisatieSoort) => all.filter((o) => o.soort === s).slice(0, 1)
  return [...gemeenten, ...first('waterschap'), ...first('rmc'), ...first('zorgaanbieder'), ...first('schuldeiser'), ...first('beheer'), ...all.filter((o) => o.soort === 'bron')]
}

function readPrevious(file: string): DemoCredentials | undefined {
  if (!existsSync(file)) return undefined
  try { return JSON.parse(readFileSync(file, 'utf8')) as DemoCredentials } catch { return undefined }
}

/**
 * Creates (or refreshes) every organisation, the demo clients and the portal users through the same access
 * service the API uses, and writes `demo-credentials.json`. Idempotent: a second run keeps ids and secrets.
 */
export async function seedDemo(access: AccessService, knownProducts: readonly string[], all: readonly DemoOrganisatie[], credentialsFile: string): Promise<DemoCredentials> {
  const previous = readPrevious(credentialsFile)
  for (const o of all) await access.registreerOrganisatie({ oin: o.oin, naam: o.naam, soort: o.soort, gemeentecode: o.gemeentecode })
  const chosen = pickDemoOrganisaties(all)
  if (!chosen.some((o) => o.soort === 'beheer')) throw new AppError('invalid', 'demo.geen-beheer', 'de dataset bevat geen beheerorganisatie')
  const organisaties = []
  const gebruikers: DemoGebruiker[] = []
  for (const o of chosen) {
    const producten = demoProducten(o.soort, knownProducts)
    if (producten.length) await access.abonneer(o.oin, producten, '2020-01-01')
    const bronnen = Object.entries(LEVERANCIERS).filter(([, oin]) => oin === o.oin).map(([bron]) => bron)
    if (o.soort === 'bron' && bronnen.length) await access.machtigBron(o.oin, bronnen)
    const creds = reuseOrCreate(previous, o)
    await access.maakClient({ oin: o.oin, naam: `${o.naam} (demo-systeem)`, ...clientProfile(o.soort, producten), clientId: creds.clientId, clientSecret: creds.clientSecret })
    organisaties.push(creds)
    const slug = (o.gemeentecode ?? o.soort).toLowerCase()
    if (o.soort === 'gemeente') {
      gebruikers.push(reuseOrCreateUser(previous, `inkomen.${slug}`, o.oin, ['inkomen']))
      gebruikers.push(reuseOrCreateUser(previous, `wmo.${slug}`, o.oin, ['wmo']))
      gebruikers.push(reuseOrCreateUser(previous, `belastingen.${slug}`, o.oin, ['belastingen']))
      gebruikers.push(reuseOrCreateUser(previous, `zonder-rollen.${slug}`, o.oin, []))
    }
    if (o.soort === 'beheer') {
      gebruikers.push(reuseOrCreateUser(previous, 'privacy-officer', o.oin, ['privacy-officer']))
      gebruikers.push(reuseOrCreateUser(previous, 'beheerder', o.oin, ['beheerder']))
    }
    if (o.soort === 'rmc') gebruikers.push(reuseOrCreateUser(previous, `rmc.${o.oin.slice(-8, -3)}`, o.oin, ['rmc']))
    if (o.soort === 'zorgaanbieder') gebruikers.push(reuseOrCreateUser(previous, 'zorgaanbieder', o.oin, ['zorg']))
    if (o.soort === 'schuldeiser') gebruikers.push(reuseOrCreateUser(previous, 'schuldeiser', o.oin, ['beslaglegger']))
  }
  for (const g of gebruikers) {
    const org = chosen.find((o) => o.oin === g.organisatieOin)!
    await access.maakGebruiker({ gebruikersnaam: g.gebruikersnaam, naam: `${g.gebruikersnaam} (${org.naam})`, wachtwoord: g.wachtwoord, oin: org.oin, rollen: g.rollen })
  }
  const credentials: DemoCredentials = { organisaties, gebruikers }
  const tmp = `${credentialsFile}.tmp`
  writeFileSync(tmp, JSON.stringify(credentials, null, 2) + '\n', { mode: 0o600 })
  renameSync(tmp, credentialsFile)
  return credentials
}
