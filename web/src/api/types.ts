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
