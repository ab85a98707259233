/** Shapes of the hub's answers that the portal reads. */

export interface NavigatieItem { readonly id: string; readonly pad: string; readonly titel: string; readonly product?: string }

export interface Sessie {
  readonly gebruiker: { readonly naam: string; readonly rollen: readonly string[] }
  readonly organisatie: { readonly oin: string; readonly naam: string; readonly soort: string }
  readonly producten: readonly string[]
  readonly navigatie: readonly NavigatieItem[]
}

export interface ActiviteitRegel {
  readonly seq: number
  readonly activiteit: string
  readonly verwerkingsactiviteit: string
  readonly product: string
  readonly gestart: string
  readonly beeindigd: string
  readonly status: string
}

export interface Grondslag { readonly wet: string; readonly artikel: string; readonly bwbId?: string }
export interface Gegeven { readonly naam: string; readonly omschrijving: string; readonly bron: string; readonly ontvangers: readonly string[] }

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

export interface InzageRegel {
  readonly seq: number
  readonly activiteit: string
  readonly verwerkingsactiviteit: string
  readonly product: string
  readonly actorOin: string
  readonly gestart: string
  readonly beeindigd: string
  readonly status: string
  readonly traceId: string
}

/** A signal as the afnemer receives it (`GET /api/v1/signalen`). */
export interface Signaal {
  readonly id: string
  readonly product: string
  readonly soort: string
  readonly bsn: string
  readonly periode: { readonly van: string; readonly tot: string | null }
  readonly bronnen: ReadonlyArray<{ readonly bron: string; readonly leveringId: string; readonly regel: number }>
  readonly regel: { readonly id: string; readonly versie: string }
  readonly uitleg: string
  readonly gegevens: Readonly<Record<string, unknown>>
  readonly aangemaakt: string
  readonly status: string
  readonly correctie: boolean
}
export interface SignalenPagina { readonly signalen: readonly Signaal[]; readonly volgende?: string | null }

/** Answer to a population upload. */
export interface PopulatieResultaat { readonly aantal: number; readonly toegevoegd: number; readonly gewijzigd: number; readonly beeindigd: number }

export interface Afwijzing { readonly regel: number; readonly code: string; readonly reden: string }
/** Answer to a delivery upload. */
export interface LeveringResultaat { readonly leveringId: string; readonly aantalRegels: number; readonly geaccepteerd: number; readonly afgewezen: readonly Afwijzing[] }
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

/** A parameter as used in a step of an explained calculation. */
export interface GebruikteParameter {
  readonly naam: string
  readonly waarde: number | string
  readonly van: string
  readonly tot: string
  readonly bron: { readonly soort: string; readonly omschrijving: string; readonly bwbId?: string; readonly artikel?: string; readonly staatscourant?: string; readonly url?: string }
  readonly geverifieerd: boolean
}
/** One step of an explained calculation (`src/platform/rules/berekening.ts`). */
export interface Stap {
  readonly id: string
  readonly wat: string
  readonly grondslag: string
  readonly formule?: string
  readonly invoer: Readonly<Record<string, number | string | boolean>>
  readonly parameters: readonly GebruikteParameter[]
  readonly afronding?: { readonly wijze: string; readonly toelichting: string }
  readonly bedragCent: number
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
