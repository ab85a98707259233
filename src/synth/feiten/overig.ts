import { eersteDag, iso, maandIso, maandVanDag } from '../dagen.js'
import type { Gemeente } from '../gemeenten.js'
import type { Context, Huishouden, Persoon } from '../model.js'
import type { Organisatie } from '../organisaties.js'
import type { Rng } from '../rng.js'

const INRICHTINGEN = ['PI Vught', 'PI Zwolle', 'PI Alphen aan den Rijn', 'PI Amsterdam Het Schouw', 'PI Rotterdam',
  'PI Heerhugowaard', 'PI Almelo', 'PI Arnhem', 'PI Dordrecht', 'PI Grave', 'PI Haaglanden', 'PI Krimpen aan den IJssel',
  'PI Leeuwarden', 'PI Lelystad', 'PI Sittard', 'PI Veenhuizen']

/** `dji-detenties`: rare overall, mostly young men, about four times as often among bijstand recipients. */
export function detentieRegels(rng: Rng, ctx: Context, p: Persoon): string[] {
  if (p.leeftijd < 18 || p.leeftijd > 70 || p.overleden !== undefined) return []
  const basis = p.geslacht === 'M' ? (p.leeftijd < 40 ? 0.004 : 0.0015) : 0.0004
  if (!rng.chance(p.bijstand ? basis * 4 + 0.003 : basis)) return []
  const ingang = ctx.vensterVan - 60 + rng.int(ctx.peildatum - ctx.vensterVan + 60)
  const einde = ingang + Math.max(1, Math.round(rng.logNormal(60, 1.2)))
  const soort = rng.pick(['voorlopige-hechtenis', 'gevangenisstraf', 'gevangenisstraf', 'vervangende-hechtenis'])
  return [`${p.bsn};DJ${String(p.index).padStart(10, '0')};${iso(ingang)};${einde < ctx.peildatum ? iso(einde) : ''};${soort};${rng.pick(INRICHTINGEN)}`]
}

const LANDEN = ['BE', 'DE', 'ES', 'PL', 'TR', 'MA', 'GB', 'US', 'SR', 'FR', 'PT', 'IT', 'RO', 'CW']

/** `brp-mutaties`: moves to another gemeente (whole household), emigration and death in the window. */
export function mutatieRegels(rng: Rng, ctx: Context, p: Persoon): string[] {
  const out: string[] = []
  const hh = p.huishouden
  if (hh.verhuizing && (p.overleden === undefined || p.overleden > hh.verhuizing.dag))
    out.push(`${p.bsn};${iso(hh.verhuizing.dag)};verhuizing;${hh.verhuizing.van.gemeente.code};${hh.adres.gemeente.code};`)
  if (p.geemigreerd !== undefined) out.push(`${p.bsn};${iso(p.geemigreerd)};emigratie;${hh.adres.gemeente.code};;${rng.pick(LANDEN)}`)
  if (p.overleden !== undefined) out.push(`${p.bsn};${iso(p.overleden)};overlijden;${hh.adres.gemeente.code};;`)
  return out
}

/** `brp-personen`: one line per resident with the address at the peildatum and the status. */
export function brpPersoonRegel(p: Persoon): string {
  const a = p.huishouden.adres
  const status = p.overleden !== undefined ? 'overleden' : p.geemigreerd !== undefined ? 'geemigreerd' : 'ingezetene'
  const datum = p.overleden ?? p.geemigreerd
  return `${p.bsn};${p.voornamen};${p.voorvoegsel};${p.geslachtsnaam};${iso(p.geboren)};${p.geslacht};${p.huishouden.id};${p.rol};${a.straat};${a.huisnummer};${a.postcode};${a.gemeente.code};${status};${datum !== undefined ? iso(datum) : ''}`
}

/** `huishoudens`: one line per household with its address at the peildatum. */
export function huishoudenRegel(hh: Huishouden): string {
  const a = hh.adres
  return `${hh.id};${hh.soort};${hh.leden.length};${a.straat};${a.huisnummer};${a.postcode};${a.gemeente.code};${hh.eigenWoning ? 'ja' : 'nee'}`
}

/** A `populatie-samenloop-<gemeente>` line for a bijstand recipient, or undefined. */
export function samenloopRegel(p: Persoon): string | undefined {
  const b = p.bijstand
  if (!b) return undefined
  return `${p.bsn};${iso(b.van)};${b.tot !== undefined ? iso(b.tot) : ''};${b.referentie}`
}

/**
 * Doelgroepouders kinderopvangtoeslag: the Belastingdienst's monthly file and the gemeente's own registration,
 * with realistic mismatch both ways (≈ 6 % of the file unknown to the gemeente, a few registered but not in the file).
 */
export function kotRegels(rng: Rng, ctx: Context, p: Persoon): { bd: string[]; populatie: string | undefined } {
  const hh = p.huishouden
  const jongKind = hh.leden.some((x) => x.rol === 'kind' && x.leeftijd < 13)
  if (p.rol !== 'hoofd' || !jongKind || p.overleden !== undefined) return { bd: [], populatie: undefined }
  const inBd = p.bijstand ? rng.chance(0.35) : hh.soort === 'eenouder' && rng.chance(0.006)
  const inGemeente = inBd ? rng.chance(0.94) : p.bijstand !== undefined && rng.chance(0.03)
  const bd: string[] = []
  if (inBd) {
    const toeslag = Math.round(rng.logNormal(70_000, 0.4))
    const laatste = maandVanDag(ctx.peildatum) - 1
    for (let m = laatste - 2; m <= laatste; m++) bd.push(`${p.bsn};${maandIso(m)};${hh.adres.gemeente.code};${p.bijstand ? 'bijstand' : 'traject'};${toeslag}`)
  }
  const ingang = p.bijstand?.van ?? eersteDag(maandVanDag(ctx.peildatum) - rng.between(2, 24))
  const populatie = inGemeente ? `${p.bsn};${iso(ingang)};;KOT-${hh.oorsprong.code}-${hh.index + 1}` : undefined
  return { bd, populatie }
}

/** `schuldeiser-betalingsachterstanden`: vroegsignalen of vaste-lastenpartners, per head of household. */
export function achterstandRegels(rng: Rng, ctx: Context, p: Persoon, schuldeisers: readonly Organisatie[]): string[] {
  if (p.rol !== 'hoofd' || p.leeftijd < 18 || p.overleden !== undefined) return []
  const kans = (p.bijstand ? 0.18 : 0.04) * (p.huishouden.soort === 'eenouder' ? 1.5 : 1)
  if (!rng.chance(kans)) return []
  const out: string[] = []
  const aantal = rng.chance(0.3) ? 2 : 1
  for (let i = 0; i < aantal; i++) {
    const s = rng.pick(schuldeisers)
    const maanden = rng.between(1, 4)
    const maandbedrag = s.regio === 'huur' ? rng.between(45_000, 110_000) : s.regio === 'zorgverzekering' ? rng.between(13_000, 16_000) : rng.between(4_000, 25_000)
    out.push(`${p.bsn};${s.oin};${s.regio};${iso(ctx.vensterVan + rng.int(ctx.peildatum - ctx.vensterVan))};${maanden * maandbedrag};${maanden}`)
  }
  return out
}

const BEROEPEN = ['Magazijnmedewerker', 'Verzorgende IG', 'Schoonmaker', 'Chauffeur', 'Administratief medewerker',
  'Verkoopmedewerker', 'Kok', 'Monteur', 'Productiemedewerker', 'Klantenservicemedewerker', 'Timmerman',
  'Pedagogisch medewerker', 'Beveiliger', 'Hovenier', 'Software-ontwikkelaar', 'Boekhouder', 'Elektricien',
  'Lasser', 'Postbezorger', 'Horecamedewerker']
const NIVEAUS = ['laag', 'middelbaar', 'hoog']

/** `werkzoekenden`: WW (UWV), most bijstand recipients (gemeente) and a few others; with or without consent to match. */
export function werkzoekendeRegels(rng: Rng, ctx: Context, p: Persoon): string[] {
  if (p.leeftijd < 18 || p.leeftijd >= ctx.aowLeeftijd || p.overleden !== undefined) return []
  const bron = p.positie === 'ww' ? 'uwv' : p.bijstand && rng.chance(0.7) ? 'gemeente' : p.positie === 'geen' && rng.chance(0.05) ? 'uwv' : undefined
  if (!bron) return []
  const ingang = ctx.peildatum - rng.between(10, 3 * 365)
  return [`${p.bsn};${bron};${iso(ingang)};${p.huishouden.adres.gemeente.code};${rng.pick(BEROEPEN)};${rng.pick(NIVEAUS)};${rng.pick([16, 24, 32, 36, 40])};${rng.chance(0.6) ? 'ja' : 'nee'}`]
}

/** `vacatures` of one gemeente: about one per 110 inhabitants, from private intermediaries. */
export function vacatureRegels(rng: Rng, ctx: Context, g: Gemeente, inwoners: number, intermediairs: readonly Organisatie[]): string[] {
  const n = Math.floor(inwoners / 110 + rng.float())
  const out: string[] = []
  for (let i = 0; i < n; i++) {
    const publicatie = ctx.peildatum - rng.between(1, 90)
    out.push(`VAC-${g.code}-${String(i + 1).padStart(6, '0')};${rng.pick(intermediairs).oin};${rng.pick(BEROEPEN)};${g.code};${rng.pick([16, 24, 32, 36, 38, 40])};${rng.pick(NIVEAUS)};${iso(publicatie)};${iso(publicatie + rng.between(14, 90))}`)
  }
  return out
}
