import { iso } from '../dagen.js'
import type { Context, Persoon } from '../model.js'
import type { Organisatie } from '../organisaties.js'
import type { Rng } from '../rng.js'

/** `ciz-wlz-indicaties`: strongly age-dependent (≈ 13 % of people over 80), sector and zorgprofiel by age. */
export function wlzRegels(rng: Rng, ctx: Context, p: Persoon): string[] {
  const kans = p.leeftijd >= 80 ? 0.13 : p.leeftijd >= 65 ? 0.02 : p.leeftijd >= 18 ? 0.006 : 0.004
  if (!rng.chance(kans)) return []
  const [sector, profiel] = p.leeftijd >= 65 && rng.chance(0.9) ? ['vv', `VV${String(rng.between(4, 10)).padStart(2, '0')}`]
    : rng.pick([['gz', 'VG'], ['gz', 'LG'], ['gz', 'LVG'], ['gz', 'ZGAUD'], ['gz', 'ZGVIS'], ['ggz', 'GGZ-W']] as const)
  const besluit = ctx.peildatum - rng.between(1, 6 * 365)
  const ingang = besluit + rng.between(0, 30)
  const einde = p.overleden !== undefined ? iso(p.overleden) : ''
  return [`${p.bsn};WLZ${String(p.index).padStart(10, '0')};${iso(besluit)};${iso(Math.min(ingang, ctx.peildatum - 1))};${einde};${sector};${profiel}`]
}

/** Simplified iStandaarden product categories (see docs/formats/wmo-jeugd-toewijzingen.md). */
const WMO: readonly [string, string, string][] = [['01', 'uur', 'week'], ['02', 'uur', 'week'], ['03', 'dagdeel', 'week'], ['04', 'etmaal', 'maand'], ['08', 'etmaal', 'maand']]
const JEUGD: readonly [string, string, string][] = [['45', 'uur', 'week'], ['41', 'uur', 'week'], ['43', 'etmaal', 'maand'], ['47', 'stuks', 'totaal'], ['40', 'etmaal', 'maand']]

/**
 * `wmo-jeugd-toewijzingen`: Wmo support rises with age (≈ 30 % above 80), Jeugdwet care for ≈ 9 % of minors;
 * the provider is one of the zorgaanbieders of the resident's arbeidsmarktregio.
 */
export function wmoJeugdRegels(rng: Rng, ctx: Context, p: Persoon, aanbieders: ReadonlyMap<string, readonly Organisatie[]>): string[] {
  const jeugd = p.leeftijd < 18 || (p.rol === 'kind' && p.leeftijd < 23)
  const kans = jeugd ? (p.leeftijd < 18 ? 0.09 : 0.02) : p.leeftijd >= 80 ? 0.3 : p.leeftijd >= 65 ? 0.1 : 0.03
  if (!rng.chance(kans)) return []
  const g = p.huishouden.adres.gemeente
  const aanbieder = rng.pick(aanbieders.get(g.arbeidsmarktregio) ?? [])
  const out: string[] = []
  const aantal = rng.chance(0.25) ? 2 : 1
  for (let i = 0; i < aantal; i++) {
    const [cat, eenheid, freq] = jeugd ? JEUGD[Math.min(rng.int(6), JEUGD.length - 1)]! : WMO[Math.min(rng.int(6), WMO.length - 1)]!
    const ingang = ctx.peildatum - rng.between(1, 3 * 365)
    const einde = p.overleden ?? (rng.chance(0.3) ? ingang + rng.between(60, 730) : undefined)
    const omvang = eenheid === 'uur' ? rng.between(1, 6) : eenheid === 'dagdeel' ? rng.between(1, 5) : rng.between(1, 31)
    out.push(`${p.bsn};TW${String(p.index * 2 + i).padStart(10, '0')};${jeugd ? 'jeugdwet' : 'wmo'};${g.code};${aanbieder?.agbCode ?? ''};${cat};${iso(ingang)};${einde !== undefined ? iso(einde) : ''};${omvang};${eenheid};${freq}`)
  }
  return out
}
