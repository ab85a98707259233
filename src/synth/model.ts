import type { Bsn } from '../core/bsn.js'
import type { Dag } from './dagen.js'
import type { Gemeente } from './gemeenten.js'

export type Geslacht = 'M' | 'V'
export type HuishoudenSoort = 'alleenstaande' | 'paar-zonder-kinderen' | 'paar-met-kinderen' | 'eenouder'
export type Rol = 'hoofd' | 'partner' | 'kind'

/**
 * Sociaal-economische positie at the peildatum; decided once per resident so every source tells the same story
 * (a `ww` resident has a polis `ww` line and is a werkzoekende; a `student` has studiefinanciering).
 */
export type Positie =
  | 'werknemer' | 'zelfstandige' | 'ww' | 'zw' | 'wia' | 'wajong' | 'bijstand'
  | 'student' | 'scholier' | 'kind' | 'aow' | 'geen'

export interface Adres {
  readonly straat: string
  readonly huisnummer: number
  readonly postcode: string
  readonly gemeente: Gemeente
}

export interface Bijstand {
  readonly van: Dag
  /** Undefined = still open at the peildatum. */
  readonly tot: Dag | undefined
  readonly referentie: string
}

export interface Persoon {
  /** Global sequence number, 0-based; the key of every per-resident random stream. */
  readonly index: number
  readonly bsn: Bsn
  readonly voornamen: string
  readonly voorvoegsel: string
  readonly geslachtsnaam: string
  readonly geslacht: Geslacht
  readonly geboren: Dag
  /** Age in whole years at the peildatum. */
  readonly leeftijd: number
  readonly rol: Rol
  readonly huishouden: Huishouden
  positie: Positie
  bijstand: Bijstand | undefined
  /** Set when the resident died in the 12 months before the peildatum. */
  overleden: Dag | undefined
  /** Set when the resident emigrated in the 12 months before the peildatum. */
  geemigreerd: Dag | undefined
}

export interface Verhuizing {
  readonly dag: Dag
  readonly van: Adres
}

export interface Huishouden {
  readonly index: number
  readonly id: string
  readonly soort: HuishoudenSoort
  /** The gemeente where the household was generated (and where its bijstand is registered). */
  readonly oorsprong: Gemeente
  /** Current address at the peildatum (after a move, in the new gemeente). */
  adres: Adres
  verhuizing: Verhuizing | undefined
  eigenWoning: boolean
  readonly leden: Persoon[]
}

/** Everything the row generators need besides the resident: fixed for one run. */
export interface Context {
  readonly seed: number
  readonly peildatum: Dag
  /** First day of the 12-month window before the peildatum. */
  readonly vensterVan: Dag
  /** Month indices (year·12 + month−1) of the 12 months before the peildatum, oldest first. */
  readonly maanden: readonly number[]
  readonly aowLeeftijd: number
}
