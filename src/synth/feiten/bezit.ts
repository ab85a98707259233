import { iso } from '../dagen.js'
import type { Context, Persoon } from '../model.js'
import { ACHTERNAMEN } from '../namen.js'
import type { Rng } from '../rng.js'

const L = 'BDFGHJKLNPRSTVXZ'
/** Dutch sidecodes (letters L, digits D); together they give ~42 million distinct kentekens. */
const SIDECODES = ['LL-DD-LL', 'LLL-DD-L', 'LL-DDD-L', 'L-DDD-LL', 'DD-LLL-D', 'D-LLL-DD', 'DD-LL-LL', 'LL-LL-DD']

function capaciteit(patroon: string): number {
  let n = 1
  for (const c of patroon) n *= c === 'L' ? L.length : c === 'D' ? 10 : 1
  return n
}

const TOTAAL = SIDECODES.reduce((s, p) => s + capaciteit(p), 0)

/**
 * A unique kenteken for a number: a bijection from 0 … ~42.6M to well-formed Dutch plates. The number is first
 * scrambled by a fixed permutation so that neighbours in a household do not get consecutive plates.
 */
export function kenteken(nummer: number): string {
  if (!Number.isSafeInteger(nummer) || nummer < 0 || nummer >= TOTAAL) throw new RangeError(`kentekennummer ${nummer} valt buiten het bereik`)
  let n = (nummer * 7_368_787 + 1_234_567) % TOTAAL
  for (const patroon of SIDECODES) {
    const cap = capaciteit(patroon)
    if (n >= cap) { n -= cap; continue }
    let out = ''
    for (let i = patroon.length - 1; i >= 0; i--) {
      const c = patroon[i]!
      if (c === 'L') { out = L[n % L.length] + out; n = Math.floor(n / L.length) }
      else if (c === 'D') { out = String(n % 10) + out; n = Math.floor(n / 10) }
      else out = c + out
    }
    return out
  }
  throw new RangeError(`kentekennummer ${nummer} valt buiten het bereik`)
}

/**
 * `rdw-voertuigen`: about half of adults register a car. Bijstand recipients rarely do, but a few register one in
 * the window worth more than the usual kwijtschelding limit (€ 3.350) — the `voertuig` signal.
 */
export function rdwRegels(rng: Rng, ctx: Context, p: Persoon): string[] {
  if (p.leeftijd < 18 || p.overleden !== undefined) return []
  const kans = p.bijstand ? 0.18 : p.positie === 'aow' ? 0.45 : p.positie === 'student' ? 0.12 : 0.55
  if (!rng.chance(kans)) return []
  const aantal = !p.bijstand && rng.chance(0.1) ? 2 : 1
  const venster = ctx.peildatum - ctx.vensterVan
  const out: string[] = []
  for (let i = 0; i < aantal; i++) {
    const nieuw = p.bijstand ? rng.chance(0.22) : rng.chance(0.18)
    const aanvang = nieuw ? ctx.vensterVan + rng.int(venster) : ctx.vensterVan - rng.between(1, 12 * 365)
    const einde = rng.chance(0.08) ? Math.min(ctx.peildatum - 1, aanvang + rng.between(30, 900)) : undefined
    const waarde = p.bijstand ? (nieuw && rng.chance(0.5) ? rng.between(340_000, 1_500_000) : Math.round(rng.logNormal(150_000, 0.8)))
      : Math.round(rng.logNormal(750_000, 0.8))
    out.push(`${p.bsn};${kenteken(p.index * 2 + i)};${iso(aanvang)};${einde !== undefined && einde > aanvang ? iso(einde) : ''};${waarde}`)
  }
  return out
}

/**
 * `kadaster-eigendom`: owner-occupiers own their home (couples ½ each), and a few owners a second property.
 * Ownership is a household fact (`eigenWoning`), so `huishoudens.csv` and this file agree.
 */
export function kadasterRegels(rng: Rng, ctx: Context, p: Persoon): string[] {
  const hh = p.huishouden
  if (!hh.eigenWoning || p.rol === 'kind' || p.overleden !== undefined) return []
  const eigenaren = hh.leden.filter((x) => x.rol !== 'kind').length
  const aanvang = hh.verhuizing ? hh.verhuizing.dag : ctx.vensterVan - rng.between(30, 30 * 365)
  const woz = Math.round(rng.logNormal(38_000_000, 0.35) / 100_000) * 100_000
  const a = hh.adres
  const out = [`${p.bsn};KO${String(hh.index * 4 + 1).padStart(10, '0')};${a.postcode};${a.huisnummer};${a.gemeente.code};eigendom;1;${eigenaren};${iso(aanvang)};;${woz}`]
  if (p.rol === 'hoofd' && rng.chance(p.bijstand ? 0.01 : 0.04)) {
    const tweede = Math.round(rng.logNormal(25_000_000, 0.4) / 100_000) * 100_000
    out.push(`${p.bsn};KO${String(hh.index * 4 + 2).padStart(10, '0')};${a.postcode};${a.huisnummer + 1000};${a.gemeente.code};eigendom;1;1;${iso(ctx.vensterVan - rng.between(30, 20 * 365))};;${tweede}`)
  }
  return out
}

const SBI: readonly [string, string][] = [
  ['4321', 'Elektrotechniek'], ['4332', 'Timmerwerk'], ['4334', 'Schilderwerken'], ['5610', 'Eetcafé'], ['6201', 'Softwareontwikkeling'],
  ['7022', 'Advies'], ['7410', 'Ontwerp'], ['8559', 'Bijles'], ['8690', 'Zorgpraktijk'], ['9602', 'Kapsalon'], ['4791', 'Webwinkel'],
  ['4941', 'Koeriersdienst'], ['8121', 'Schoonmaak'], ['9003', 'Kunst en cultuur'],
]

/** `kvk-inschrijvingen`: zelfstandigen, some employees with a side business, a few bijstand recipients (a belemmering for kwijtschelding). */
export function kvkRegels(rng: Rng, ctx: Context, p: Persoon): string[] {
  const kans = p.positie === 'zelfstandige' ? 1 : p.bijstand ? 0.015 : p.positie === 'werknemer' ? 0.03 : p.positie === 'aow' ? 0.01 : 0
  if (!rng.chance(kans)) return []
  const [sbi, activiteit] = rng.pick(SBI)
  const [, naam] = rng.pick(ACHTERNAMEN)
  const x = rng.float()
  const rechtsvorm = x < 0.85 ? 'eenmanszaak' : x < 0.95 ? 'vof' : 'bv'
  const aanvang = ctx.peildatum - rng.between(10, 15 * 365)
  const einde = p.overleden ?? (rng.chance(0.05) ? ctx.vensterVan + rng.int(ctx.peildatum - ctx.vensterVan) : undefined)
  // KvK numbers are 8 digits: a fixed permutation of the resident index keeps them unique.
  const kvk = 10_000_000 + ((p.index * 7_368_787 + 1_234_567) % 89_999_999)
  return [`${p.bsn};${kvk};${activiteit} ${p.geslachtsnaam === naam ? naam : p.geslachtsnaam};${rechtsvorm};${sbi};${iso(aanvang)};${einde !== undefined && einde > aanvang ? iso(einde) : ''};${p.huishouden.adres.gemeente.code}`]
}
