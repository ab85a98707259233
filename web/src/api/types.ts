/**
 * Shapes of the hub's answers that the portal reads. Where the hub declares the shape itself, it is imported as a
 * type (erased from the bundle), so the portal and the API cannot drift apart.
 */
import type { LedgerLine } from '../../../src/platform/ledger/index.js'
import type { Grondslag, Gegeven } from '../../../src/platform/register/index.js'
import type { Stap } from '../../../src/platform/rules/index.js'
import type { LoonheffingAntwoord as HubLoonheffingAntwoord, NettoAntwoord as HubNettoAntwoord, NettoRegelAntwoord } from '../../../src/products/netto-inkomen/api.js'
import type { Signaal } from '../../../src/platform/signals/signaal.js'

export type { ActiviteitRegel } from '../../../src/adapters/http/portal/activity-routes.js'
export type { GebruikteParameter, Stap } from '../../../src/platform/rules/index.js'
export type { Grondslag, Gegeven, Signaal }

/** One line of a privacy officer's inzage (`POST /api/v1/inzage/_zoek`). */
export type InzageRegel = Pick<LedgerLine, 'seq' | 'activiteit' | 'verwerkingsactiviteit' | 'product' | 'actorOin' | 'gestart' | 'beeindigd' | 'status' | 'traceId'>

export interface NavigatieItem { readonly id: string; readonly pad: string; readonly titel: string; readonly product?: string }

export interface Sessie {
  readonly gebruiker: { readonly naam: string; readonly rollen: readonly string[] }
  readonly organisatie: { readonly oin: string; readonly naam: string; readonly soort: string }
  readonly producten: readonly string[]
  /** The sources this organisation may deliver (kind bron); empty for others. */
  readonly bronnen: readonly string[]
  readonly navigatie: readonly NavigatieItem[]
}



export interface RegisterProduct {
  readonly naam: string
  readonly titel: string
  readonly domein?: string
  readonly doel: string
  readonly grondslag: readonly Grondslag[]
  readonly ontvangers: readonly string[]
  readonly gegevens: readonly Gegeven[]
  /** Text, or `{ omschrijving, dagen }` as the register files store it. */
  readonly bewaartermijn: string | { readonly omschrijving: string; readonly dagen?: number | null }
}

export interface ApiClient {
  readonly clientId: string
  readonly oin: string
  readonly naam: string
  readonly scopes: readonly string[]
  readonly rollen: readonly string[]
  readonly aangemaakt: string
  readonly ingetrokken?: string
}


export interface SignalenPagina { readonly signalen: readonly Signaal[]; readonly volgende?: string | null }

/** Answer to a population upload. */
export interface PopulatieResultaat { readonly aantal: number; readonly toegevoegd: number; readonly gewijzigd: number; readonly beeindigd: number }

export interface Afwijzing { readonly regel: number; readonly code: string; readonly reden: string }
/** Answer to a delivery upload. */
/** `afgewezenAfgekapt`: the hub lists only the first MAX_AFWIJZINGEN rejected lines; the count is aantalRegels − geaccepteerd. */
export interface LeveringResultaat {
  readonly leveringId: string; readonly aantalRegels: number; readonly geaccepteerd: number; readonly afgewezen: readonly Afwijzing[]; readonly afgewezenAfgekapt?: boolean
}
/** A delivery in the source's list; `afgewezen` may be a count or the lines. */
export interface Levering {
  readonly leveringId: string
  readonly bron: string
  readonly ontvangen: string
  readonly aantalRegels: number
  readonly geaccepteerd: number
  readonly afgewezen: number | readonly Afwijzing[]
  readonly status?: string
}

export interface Abonnement {
  readonly id: string
  readonly url: string
  readonly producten: readonly string[]
  readonly soorten?: readonly string[] | null
  readonly aangemaakt?: string
  readonly inhoud?: string
  /** `actief` or `opgezegd`. */
  readonly status?: string
}
export interface Afleverpoging { readonly tijdstip: string; readonly httpStatus?: number | null; readonly fout?: string | null; readonly duurMs?: number }
export interface Aflevering {
  readonly id: string
  readonly signaalId?: string
  readonly status: string
  readonly aangemaakt?: string
  readonly afgeleverd?: string | null
  readonly reden?: string | null
  readonly aantalPogingen?: number
  readonly pogingen?: number | readonly Afleverpoging[]
}

export interface BvvAntwoord { readonly beslagvrijeVoetCent: number; readonly alleParametersGeverifieerd: boolean; readonly berekening: readonly Stap[] }

/** A kwijtschelding check (single or batch) as the hub reports it while it runs and when it is done. */
export interface Toetsing {
  readonly id: string
  readonly soort?: string
  /** `wachtend`, `bezig`, `gereed`. */
  readonly status: string
  readonly aantal: number
  readonly verwerkt: number
  readonly aangemaakt?: string
  readonly gereed?: string
  readonly resultaten?: readonly ToetsingResultaat[]
}
export interface FeitRef { readonly bron: string; readonly leveringId: string; readonly regel: number }
export interface Belemmering {
  readonly soort: string
  readonly omschrijving: string
  readonly bedragCent?: number
  readonly norm?: { readonly naam: string; readonly waardeCent?: number; readonly normversie: number; readonly geldigVan: string }
  readonly gegevens?: readonly FeitRef[]
  readonly regel?: { readonly id: string; readonly versie: string }
}
export interface ToetsingResultaat {
  readonly regelnummer: number
  readonly bsn?: string
  readonly peildatum?: string
  readonly status: string
  readonly uitkomst?: string
  readonly belemmeringen?: readonly Belemmering[]
  readonly betalingscapaciteitCent?: number
  readonly aanslagCent?: number
  readonly kwijtscheldingCent?: number
  readonly aandachtspunten?: readonly string[]
  readonly advies?: string
  readonly fout?: { readonly code: string; readonly detail: string }
}

/** `POST /api/v1/loonheffing/_bereken` (white monthly table) and `POST /api/v1/netto-inkomen/_bereken`: the hub's own
 * answer types; the portal always asks for the steps, so `berekening` is always there. */
export type LoonheffingAntwoord = HubLoonheffingAntwoord & { readonly berekening: readonly Stap[] }
export type NettoAntwoord = HubNettoAntwoord & { readonly berekening: readonly Stap[] }
export type { NettoRegelAntwoord }
