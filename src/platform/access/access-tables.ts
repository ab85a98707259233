export interface OrganisatieRow {
  oin: string
  naam: string
  soort: string
  gemeentecode: string | null
  agb_code: string | null
  aangemaakt: string
}
export interface OrganisatieProductRow { oin: string; product: string; van: string; tot: string | null }
export interface ClientRow {
  client_id: string
  oin: string
  naam: string
  secret_hash: string
  /** JSON array of scope strings. */
  scopes: string
  /** JSON array of role names. */
  rollen: string
  aangemaakt: string
  ingetrokken: string | null
}
export interface GebruikerRow {
  id: string
  gebruikersnaam: string
  naam: string
  wachtwoord_hash: string
  oin: string
  rollen: string
  aangemaakt: string
  geblokkeerd: string | null
}
export interface SleutelRow {
  kid: string
  doel: string
  alg: string
  publiek: string
  prive_versleuteld: string
  aangemaakt: string
  ingetrokken: string | null
}
export interface BronMachtigingRow { oin: string; bron: string; aangemaakt: string }
/** A portal session (migration 0010). The session id itself is never stored, only its SHA-256. */
export interface PortaalSessieRow {
  id_hash: string
  gebruiker_id: string
  aangemaakt: string
  laatst_gezien: string
  /** ISO UTC: the earlier of idle and absolute expiry. */
  verloopt: string
}
export interface AccessTables {
  organisaties: OrganisatieRow
  organisatie_producten: OrganisatieProductRow
  clients: ClientRow
  gebruikers: GebruikerRow
  sleutels: SleutelRow
  bron_machtigingen: BronMachtigingRow
  portaal_sessies: PortaalSessieRow
}
