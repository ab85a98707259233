import { completeBsn } from '../../core/bsn.js'
import { eersteDag, iso, laatsteDag, maandIso, maandVanDag } from '../dagen.js'
import type { Context, Persoon } from '../model.js'
import { ACHTERNAMEN } from '../namen.js'
import { cumulative, Rng } from '../rng.js'
import { STREAM } from '../streams.js'

export interface Werkgever {
  readonly naam: string
  readonly loonheffingennummer: string
}

export interface Werkgevers {
  readonly lijst: readonly Werkgever[]
  /** Zipf-like weights: a few large employers, a long tail of small ones. */
  readonly gewicht: Float64Array
  readonly uwv: Werkgever
}

const RECHTSVORMEN = ['B.V.', 'B.V.', 'B.V.', 'N.V.', 'V.O.F.', 'Stichting']
const BRANCHES = ['Bouw', 'Techniek', 'Logistiek', 'Zorg', 'Installatie', 'Transport', 'Schoonmaak', 'Horeca', 'ICT',
  'Detailhandel', 'Metaal', 'Onderwijs', 'Advies', 'Voeding', 'Groothandel', 'Uitzendgroep']

/** A loonheffingennummer: a 9-digit fiscal number passing the 11-proef, `L`, and a two-digit suffix. */
function loonheffingennummer(n: number): string {
  for (let k = 0; ; k++) {
    const bsn = completeBsn(String(80_000_000 + ((n * 7919 + k) % 19_999_999)))
    if (bsn) return `${bsn}L01`
  }
}

/** The employer pool of a run (seeded), plus UWV as the payer of benefits. */
export function werkgevers(seed: number, aantal = 5000): Werkgevers {
  const lijst = Array.from({ length: aantal }, (_, i) => {
    const rng = Rng.at(seed, STREAM.werkgevers, i)
    const [, naam] = rng.pick(ACHTERNAMEN)
    return { naam: `${naam} ${rng.pick(BRANCHES)} ${rng.pick(RECHTSVORMEN)}`, loonheffingennummer: loonheffingennummer(i + 1) }
  })
  return {
    lijst,
    gewicht: cumulative(lijst.map((_, i) => 1 / (i + 1) ** 0.9)),
    uwv: { naam: 'UWV', loonheffingennummer: loonheffingennummer(99_999) },
  }
}

/** Full-time monthly gross wage in euros by age: rises steeply until ~35, flattens towards 55. */
function voltijdloon(rng: Rng, leeftijd: number): number {
  if (leeftijd < 18) return rng.between(900, 1500)
  const basis = 2200 + 3200 * (1 - Math.exp(-(leeftijd - 18) / 12))
  return Math.max(2200, rng.logNormal(basis, 0.3))
}

/**
 * Indicative monthly loonheffing in cents: the 2025 box-1 brackets over 12× the monthly wage, minus the general and
 * labour tax credits. Good enough for realistic net incomes; not the Belastingdienst's tables.
 */
export function loonheffing(brutoCent: number, arbeid: boolean): number {
  const jaar = (brutoCent / 100) * 12
  const belasting = 0.3582 * Math.min(jaar, 38_441) + 0.3748 * Math.max(0, Math.min(jaar, 76_817) - 38_441) + 0.495 * Math.max(0, jaar - 76_817)
  const ahk = Math.max(0, 3068 - Math.max(0, jaar - 28_406) * 0.06337)
  const ak = arbeid ? Math.max(0, Math.min(5599, jaar * 0.16) - Math.max(0, jaar - 43_071) * 0.0651) : 0
  return Math.max(0, Math.round(((belasting - ahk - ak) / 12) * 100))
}

interface Dienstverband {
  readonly id: string
  readonly werkgever: Werkgever
  readonly soort: 'loon' | 'ww' | 'zw' | 'wia' | 'wajong' | 'overig'
  readonly maandloon: number
  readonly urenPerWeek: number
  readonly vanMaand: number
  readonly totMaand: number
}

const UREN_M = cumulative([0.6, 0.15, 0.15, 0.1])
const UREN_V = cumulative([0.25, 0.25, 0.3, 0.15, 0.05])

/** The income relations of one resident in the window; the heart of the `uwv-polis` file. */
function dienstverbanden(rng: Rng, ctx: Context, p: Persoon, wg: Werkgevers): Dienstverband[] {
  const eerste = ctx.maanden[0]!
  const laatste = ctx.maanden[ctx.maanden.length - 1]!
  const einde = Math.min(laatste, p.overleden !== undefined ? maandVanDag(p.overleden) : laatste,
    p.geemigreerd !== undefined ? maandVanDag(p.geemigreerd) : laatste)
  const out: Dienstverband[] = []
  const id = (): string => `IKV${String(p.index * 8 + out.length + 1).padStart(11, '0')}`
  const baan = (uren: number, loonFactor = 1, van = eerste, tot = einde): void => {
    const maandloon = voltijdloon(rng, p.leeftijd) * loonFactor * (uren / 38)
    out.push({ id: id(), werkgever: wg.lijst[rng.weighted(wg.gewicht)]!, soort: 'loon', maandloon, urenPerWeek: uren, vanMaand: van, totMaand: tot })
  }
  const uitkering = (soort: Dienstverband['soort'], maandloon: number, van = eerste): void => {
    out.push({ id: id(), werkgever: wg.uwv, soort, maandloon, urenPerWeek: 0, vanMaand: van, totMaand: einde })
  }
  const uren = (): number => p.geslacht === 'M' ? [38, 36, 32, 24][rng.weighted(UREN_M)]! : [38, 32, 24, 16, 12][rng.weighted(UREN_V)]!
  switch (p.positie) {
    case 'werknemer': {
      const wissel = rng.chance(0.1) ? eerste + rng.between(2, 10) : undefined
      baan(uren(), 1, eerste, wissel === undefined ? einde : Math.min(einde, wissel - 1))
      if (wissel !== undefined && wissel <= einde) baan(uren(), 1.05, wissel, einde)
      if (rng.chance(0.08)) baan(rng.between(8, 16), 0.8)
      break
    }
    case 'student': if (rng.chance(0.55)) baan(rng.between(8, 16), 0.55); break
    case 'scholier': if (p.leeftijd >= 15 && rng.chance(0.4)) baan(rng.between(6, 12), 1); break
    case 'ww': uitkering('ww', Math.min(5000, voltijdloon(rng, p.leeftijd) * 0.7), eerste + rng.int(6)); if (rng.chance(0.25)) baan(rng.between(8, 20), 0.8); break
    case 'zw': uitkering('zw', voltijdloon(rng, p.leeftijd) * 0.7); break
    case 'wia': uitkering('wia', voltijdloon(rng, p.leeftijd) * 0.6); if (rng.chance(0.35)) baan(rng.between(8, 24), 0.8); break
    case 'wajong': uitkering('wajong', 1600); if (rng.chance(0.25)) baan(rng.between(8, 24), 0.6); break
    case 'aow': if (p.leeftijd < 75 && rng.chance(0.06)) baan(rng.between(4, 16), 0.6); break
    case 'bijstand': bijstandInkomen(rng, p, eerste, einde, baan, uitkering); break
    default: if (p.leeftijd >= 18 && rng.chance(0.03)) baan(rng.between(4, 12), 0.7)
  }
  return out
}

/** Signals at plausible rates: some bijstand recipients start (part-time) work, a few get another benefit. */
function bijstandInkomen(rng: Rng, p: Persoon, eerste: number, einde: number,
  baan: (uren: number, f?: number, van?: number, tot?: number) => void, uitkering: (s: Dienstverband['soort'], m: number, van?: number) => void): void {
  if (rng.chance(0.09)) {
    const van = eerste + rng.int(12)
    baan(rng.between(8, 24), 0.75, van, Math.min(einde, van + rng.between(0, 5)))
  }
  if (rng.chance(0.03)) uitkering(rng.chance(0.7) ? 'ww' : 'zw', rng.between(400, 1400), eerste + rng.int(12))
  if (rng.chance(0.01)) uitkering('overig', rng.between(100, 600), eerste + rng.int(12))
}

/** `uwv-polis` lines of one resident: one per income relation per month. */
export function polisRegels(rng: Rng, ctx: Context, p: Persoon, wg: Werkgevers): string[] {
  const out: string[] = []
  for (const d of dienstverbanden(rng, ctx, p, wg)) {
    for (let m = d.vanMaand; m <= d.totMaand; m++) {
      const bruto = Math.max(0, Math.round(d.maandloon * (0.97 + rng.float() * 0.06) * 100))
      const heffing = loonheffing(bruto, d.soort === 'loon')
      const uren = Math.round((d.urenPerWeek * 52) / 12)
      out.push(`${p.bsn};${maandIso(m)};${d.id};${d.werkgever.loonheffingennummer};${d.werkgever.naam};${d.soort};${bruto};${heffing};${uren}`)
    }
  }
  return out
}

/** `svb-uitkeringen`: AOW from the AOW age (amounts 2025, indicative), ANW for a few single parents. */
export function svbRegels(rng: Rng, ctx: Context, p: Persoon): string[] {
  const eind = p.overleden !== undefined ? iso(p.overleden) : ''
  if (p.positie === 'aow') {
    const alleen = p.huishouden.leden.filter((x) => x.rol !== 'kind').length === 1
    const opbouw = rng.chance(0.15) ? 1 - rng.between(1, 25) * 0.02 : 1
    const bedrag = Math.round((alleen ? 158_000 : 108_500) * opbouw)
    const ingang = laatsteDag(maandVanDag(p.geboren) + ctx.aowLeeftijd * 12) + 1
    return [`${p.bsn};aow;${iso(ingang)};${eind};${bedrag};${alleen ? 'alleenstaand' : 'gehuwd'}`]
  }
  const ouder = p.rol === 'hoofd' && p.huishouden.soort === 'eenouder' && p.leeftijd >= 25
  if ((ouder && rng.chance(0.025)) || (p.bijstand && rng.chance(0.01))) {
    const ingang = eersteDag(maandVanDag(ctx.peildatum) - rng.between(1, 60))
    return [`${p.bsn};anw;${iso(ingang)};${eind};${rng.between(140_000, 152_000)};alleenstaand`]
  }
  return []
}

/** `belastingdienst-vermogen`: box-3 assets on 1 January of the peildatum's year, for every adult. */
export function vermogenRegels(rng: Rng, ctx: Context, p: Persoon): string[] {
  if (p.leeftijd < 18) return []
  const peil = iso(ctx.vensterVan).slice(0, 4)
  let bank: number
  if (p.bijstand) bank = rng.chance(0.03) ? rng.between(1_600_000, 4_000_000) : Math.round(rng.logNormal(60_000, 1))
  else bank = Math.round(rng.logNormal(p.positie === 'aow' ? 3_500_000 : 1_200_000, 1.3))
  const overig = !p.bijstand && rng.chance(0.22) ? Math.round(rng.logNormal(3_000_000, 1.2)) : 0
  const schuld = rng.chance(0.12) ? Math.round(rng.logNormal(800_000, 1)) : 0
  const grondslag = Math.max(0, bank + overig - schuld)
  return [`${p.bsn};${peil}-01-01;${bank};${overig};${schuld};${grondslag};${leefvorm(p)}`]
}

/**
 * The household type the Belastingdienst knows (fiscal partner; a child under 18 for the kindgebonden budget), from
 * the household itself, so it draws nothing from the random stream and the other columns stay as they were.
 */
export function leefvorm(p: Persoon): 'alleenstaande' | 'alleenstaande-ouder' | 'gehuwd' {
  if (p.rol === 'kind') return 'alleenstaande'
  if (p.huishouden.leden.some((x) => x !== p && x.rol !== 'kind')) return 'gehuwd'
  return p.huishouden.leden.some((x) => x.rol === 'kind' && x.leeftijd < 18) ? 'alleenstaande-ouder' : 'alleenstaande'
}
