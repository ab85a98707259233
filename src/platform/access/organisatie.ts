import { sql } from 'kysely'
import type { Datum, Oin } from '../../core/index.js'

export const ORGANISATIE_SOORTEN = [
  'gemeente', 'waterschap', 'rmc', 'zorgaanbieder', 'bron', 'schuldeiser', 'intermediair', 'samenwerkingsverband', 'beheer',
] as const
export type OrganisatieSoort = (typeof ORGANISATIE_SOORTEN)[number]

export interface Organisatie {
  readonly oin: Oin
  readonly naam: string
  readonly soort: OrganisatieSoort
  /** CBS gemeentecode (`GM0344`) for gemeenten; waterschapcode for waterschappen. */
  readonly gemeentecode?: string | undefined
  /** AGB-code (Vektis) for zorgaanbieders. */
  readonly agbCode?: string | undefined
}

/**
 * Roles a person or system can hold inside its organisation. A route names the roles it accepts; a token carries
 * the roles of its client, a portal session those of the user.
 */
export const ROLLEN = [
  'inkomen', // bijstand / werk en inkomen
  'wmo', // Wmo en Jeugd
  'belastingen', // lokale belastingen, kwijtschelding
  'schuldhulp', // schuldhulpverlening, vroegsignalering
  'rmc', // leerplicht / RMC
  'zorg', // zorgaanbieder
  'bron', // levert gegevens aan (source organisations)
  'beslaglegger', // schuldeiser, deurwaarder: beslagvrije voet
  'privacy-officer', // inzage in het logboek
  'beheerder', // beheer van organisaties en clients
] as const
export type Rol = (typeof ROLLEN)[number]

/** Who is calling: an API client (OAuth2 client credentials) or a portal user (OpenID Connect). */
export interface Principal {
  readonly soort: 'client' | 'gebruiker'
  /** client_id or gebruiker id. */
  readonly id: string
  readonly naam: string
  readonly organisatie: Organisatie
  readonly rollen: readonly Rol[]
  /** Products this caller may use: the intersection of the organisation's subscriptions and the client's scopes. */
  readonly producten: readonly string[]
  /** Extra scopes that are not products, e.g. `inzage`, `beheer`. */
  readonly scopes: readonly string[]
  /** For an organisation of kind `bron`: the source formats it may deliver. Empty for everyone else. */
  readonly bronnen: readonly string[]
}

/**
 * The condition "the afnemer of this row takes its product on `datum`", for a query over a table with `oin` and
 * `product` columns (populations): an indication of a product that ended stops counting for matching, data
 * minimisation and the selectie alike.
 *
 * @example db.selectFrom('populatie_regels as p').selectAll().where(neemtProductAf('p', '2026-03-01' as Datum))
 */
export const neemtProductAf = (tabel: string, datum: Datum) => sql<boolean>`exists (select 1 from organisatie_producten op
  where op.oin = ${sql.ref(`${tabel}.oin`)} and op.product = ${sql.ref(`${tabel}.product`)} and op.van <= ${datum} and (op.tot is null or op.tot >= ${datum}))`
