import type { BsnUitgifte } from './bsn-uitgifte.js'
import type { AdresTeller } from './adressen.js'
import type { Gemeente } from './gemeenten.js'
import type { Bijstand, Context, Geslacht, Huishouden, HuishoudenSoort, Persoon, Positie, Rol } from './model.js'
import { achternaam, voornamen } from './namen.js'
import { cumulative, Rng } from './rng.js'
import { STREAM } from './streams.js'

/** What household generation needs besides the context: stateful allocators, used in a fixed order. */
export interface BevolkingDeps {
  readonly bsns: BsnUitgifte
  readonly adressen: AdresTeller
  /** Picks the gemeente a moving household goes to. */
  readonly doelgemeente: (rng: Rng, van: Gemeente) => Gemeente
}

const SOORTEN: readonly HuishoudenSoort[] = ['alleenstaande', 'paar-zonder-kinderen', 'paar-met-kinderen', 'eenouder']
/** CBS Huishoudens: ~39 % single, ~29 % couple, ~25 % couple with children, ~7 % single parent. */
const SOORT_GEWICHT = cumulative([0.39, 0.29, 0.25, 0.07])
const KINDEREN_GEWICHT = cumulative([0.4, 0.42, 0.18])
/** Bijstand per adult by household kind, tuned so that ≈ 2.3 % of adults 18–AOW-leeftijd receive it. */
const BIJSTAND_KANS: Record<HuishoudenSoort, number> = {
  alleenstaande: 0.05, 'paar-zonder-kinderen': 0.012, 'paar-met-kinderen': 0.012, eenouder: 0.11,
}
const EIGEN_WONING_KANS: Record<HuishoudenSoort, number> = {
  alleenstaande: 0.36, 'paar-zonder-kinderen': 0.68, 'paar-met-kinderen': 0.74, eenouder: 0.4,
}

/** Age of the head of household for each kind (years). */
function hoofdLeeftijd(rng: Rng, soort: HuishoudenSoort): number {
  switch (soort) {
    // Older heads: a sum of two uniforms peaks in the late seventies and thins out towards 95, like the pyramid.
    case 'alleenstaande': { const x = rng.float(); return x < 0.34 ? rng.between(18, 40) : x < 0.64 ? rng.between(41, 66) : 67 + rng.int(15) + rng.int(14) }
    case 'paar-zonder-kinderen': { const x = rng.float(); return x < 0.24 ? rng.between(21, 38) : x < 0.62 ? rng.between(39, 66) : 67 + rng.int(11) + rng.int(10) }
    case 'paar-met-kinderen': return rng.between(24, 60)
    case 'eenouder': return rng.between(22, 62)
  }
}

/**
 * One household with at most `ruimte` members, in `gemeente`. Persons get consecutive indices from `eerstePersoon`.
 * All randomness comes from the household's and each person's own stream.
 */
export function maakHuishouden(ctx: Context, deps: BevolkingDeps, gemeente: Gemeente, index: number, eerstePersoon: number, ruimte: number): Huishouden {
  const rng = Rng.at(ctx.seed, STREAM.huishouden, index)
  let soort = SOORTEN[rng.weighted(SOORT_GEWICHT)] as HuishoudenSoort
  if (ruimte < 2) soort = 'alleenstaande'
  const hoofd = hoofdLeeftijd(rng, soort)
  const leeftijden: { leeftijd: number; rol: Rol }[] = [{ leeftijd: hoofd, rol: 'hoofd' }]
  if (soort === 'paar-zonder-kinderen' || soort === 'paar-met-kinderen')
    leeftijden.push({ leeftijd: Math.max(18, Math.round(hoofd + rng.normal() * 3)), rol: 'partner' })
  if (soort === 'paar-met-kinderen' || soort === 'eenouder') {
    const n = Math.min(rng.weighted(KINDEREN_GEWICHT) + 1, ruimte - leeftijden.length)
    const maxKind = Math.min(26, hoofd - 19)
    for (let i = 0; i < n; i++) leeftijden.push({ leeftijd: rng.between(0, Math.max(0, maxKind)), rol: 'kind' })
  }
  if (leeftijden.length === 1 && soort !== 'alleenstaande') soort = 'alleenstaande'
  const hh: Huishouden = {
    index, id: `HH${String(index + 1).padStart(9, '0')}`, soort, oorsprong: gemeente,
    adres: deps.adressen.volgende(gemeente), verhuizing: undefined,
    eigenWoning: rng.chance(EIGEN_WONING_KANS[soort]), leden: [],
  }
  const [voorvoegsel, geslachtsnaam] = achternaam(rng)
  const hoofdGeslacht: Geslacht = rng.chance(0.5) ? 'M' : 'V'
  leeftijden.forEach((l, i) => {
    const geslacht: Geslacht = l.rol === 'partner' ? (rng.chance(0.96) ? (hoofdGeslacht === 'M' ? 'V' : 'M') : hoofdGeslacht)
      : l.rol === 'hoofd' ? hoofdGeslacht : rng.chance(0.51) ? 'M' : 'V'
    const naam: readonly [string, string] = l.rol === 'partner' ? achternaam(rng) : [voorvoegsel, geslachtsnaam]
    hh.leden.push(maakPersoon(ctx, deps, hh, eerstePersoon + i, l, geslacht, naam))
  })
  kenBijstandToe(ctx, rng, hh)
  gebeurtenissen(ctx, deps, rng, hh)
  return hh
}

function maakPersoon(ctx: Context, deps: BevolkingDeps, hh: Huishouden, index: number, l: { leeftijd: number; rol: Rol },
  geslacht: Geslacht, naam: readonly [string, string]): Persoon {
  const rng = Rng.at(ctx.seed, STREAM.persoon, index)
  // Born `leeftijd` years and a random part of a year before the peildatum.
  const geboren = ctx.peildatum - Math.floor(l.leeftijd * 365.2425) - 1 - rng.int(365)
  return {
    index, bsn: deps.bsns.volgende(), voornamen: voornamen(rng, geslacht), voorvoegsel: naam[0], geslachtsnaam: naam[1],
    geslacht, geboren, leeftijd: l.leeftijd, rol: l.rol, huishouden: hh,
    positie: positie(rng, ctx, l.leeftijd, l.rol), bijstand: undefined, overleden: undefined, geemigreerd: undefined,
  }
}

/** Sociaal-economische positie by age and role; shares follow CBS arbeidsdeelname roughly (documented in docs/data). */
export function positie(rng: Rng, ctx: Context, leeftijd: number, rol: Rol): Positie {
  if (leeftijd >= ctx.aowLeeftijd) return 'aow'
  if (leeftijd < 4) return 'kind'
  if (leeftijd < 18) return 'scholier'
  if (rol === 'kind' && leeftijd <= 24) return rng.chance(0.62) ? 'student' : rng.chance(0.8) ? 'werknemer' : 'geen'
  if (leeftijd <= 26 && rng.chance(0.22)) return 'student'
  const x = rng.float()
  const wia = 0.01 + Math.max(0, leeftijd - 30) * 0.0012
  const drempels: [number, Positie][] = [
    [0.022, 'ww'], [0.037, 'zw'], [0.037 + wia, 'wia'], [0.037 + wia + (leeftijd < 45 ? 0.015 : 0.006), 'wajong'],
  ]
  for (const [d, p] of drempels) if (x < d) return p
  const werkt = leeftijd < 25 ? 0.78 : leeftijd < 55 ? 0.86 : leeftijd < 62 ? 0.76 : 0.52
  if (rng.chance(werkt)) return rng.chance(0.11) ? 'zelfstandige' : 'werknemer'
  return 'geen'
}

function kenBijstandToe(ctx: Context, rng: Rng, hh: Huishouden): void {
  const volwassenen = hh.leden.filter((p) => p.rol !== 'kind' && p.leeftijd >= 18 && p.leeftijd < ctx.aowLeeftijd)
  const hoofd = hh.leden[0]!
  if (volwassenen.length === 0 || !volwassenen.includes(hoofd) || !rng.chance(BIJSTAND_KANS[hh.soort])) return
  const van = ctx.peildatum - 30 - rng.int(8 * 365)
  const tot = rng.chance(0.12) ? ctx.vensterVan + rng.int(ctx.peildatum - ctx.vensterVan) : undefined
  const bijstand: Bijstand = { van, tot: tot !== undefined && tot > van ? tot : undefined, referentie: `BIJ-${hh.oorsprong.code}-${hh.index + 1}` }
  // Few bijstand households own their home (vermogen in the home counts for the bijstand test).
  hh.eigenWoning = rng.chance(0.05)
  for (const p of volwassenen) {
    p.bijstand = bijstand
    p.positie = 'bijstand'
  }
}

/** Deaths (Gompertz), emigration and moves to another gemeente in the 12-month window. */
function gebeurtenissen(ctx: Context, deps: BevolkingDeps, rng: Rng, hh: Huishouden): void {
  const venster = ctx.peildatum - ctx.vensterVan
  for (const p of hh.leden) {
    const r = Rng.at(ctx.seed, STREAM.gebeurtenis, p.index)
    const sterfte = Math.min(0.5, Math.exp(-10.4 + 0.094 * p.leeftijd))
    if (r.chance(sterfte)) p.overleden = ctx.vensterVan + r.int(venster)
    else if (r.chance(p.leeftijd >= 20 && p.leeftijd <= 45 ? 0.008 : 0.002)) p.geemigreerd = ctx.vensterVan + r.int(venster)
  }
  if (rng.chance(0.035)) {
    const naar = deps.doelgemeente(rng, hh.oorsprong)
    hh.verhuizing = { dag: ctx.vensterVan + rng.int(venster), van: hh.adres }
    hh.adres = deps.adressen.volgende(naar)
  }
}
