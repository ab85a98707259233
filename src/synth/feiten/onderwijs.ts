import { iso } from '../dagen.js'
import type { Context, Persoon } from '../model.js'
import { Rng } from '../rng.js'
import { STREAM } from '../streams.js'

export type VoNiveau = 'vmbo-b' | 'vmbo-k' | 'vmbo-gt' | 'havo' | 'vwo'
const VO: readonly VoNiveau[] = ['vmbo-b', 'vmbo-k', 'vmbo-gt', 'havo', 'vwo']
const VO_GEWICHT = [0.1, 0.12, 0.28, 0.27, 0.23]

/** A BRIN-like school code (2 digits, 2 letters), a function of gemeente, school kind and number. */
export function brin(gemeentecode: string, soort: string, n: number): string {
  const h = (Number(gemeentecode) * 31 + soort.length * 7 + n * 13) % 100
  const l = 'ABCDEFGHJKLMNPRSTUVWXZ'
  const k = Number(gemeentecode) + n * 5 + soort.charCodeAt(0)
  return `${String(h).padStart(2, '0')}${l[k % l.length]}${l[Math.floor(k / l.length) % l.length]}`
}

/**
 * The school track of a pupil: drawn from its own stream so that `duo-onderwijs` and `duo-mbo-aanmeldingen` agree
 * on who is in the final vmbo year without sharing state.
 */
export function voProfiel(seed: number, p: Persoon): { niveau: VoNiveau; examenjaar: boolean } {
  const rng = Rng.at(seed, STREAM.onderwijs, p.index)
  let x = rng.float()
  let i = 0
  while (i < VO_GEWICHT.length - 1 && x >= VO_GEWICHT[i]!) x -= VO_GEWICHT[i++]!
  const niveau = VO[i]!
  const examenLeeftijd = niveau.startsWith('vmbo') ? 15 : niveau === 'havo' ? 16 : 17
  return { niveau, examenjaar: p.leeftijd === examenLeeftijd }
}

function schooljaarStart(ctx: Context): number {
  const jaar = Number(iso(ctx.peildatum - 1).slice(0, 4))
  const aug = Date.UTC(jaar, 7, 1) / 86_400_000
  return aug < ctx.peildatum ? aug : Date.UTC(jaar - 1, 7, 1) / 86_400_000
}

/**
 * `duo-onderwijs`: enrolments of pupils and students, diplomas (with startkwalificatie) and, for about 2 % of
 * young people in education, a de-registration without startkwalificatie — the VSV 2.0 signal.
 */
export function onderwijsRegels(rng: Rng, ctx: Context, p: Persoon): string[] {
  if (p.leeftijd < 12 || p.leeftijd > 27 || !(p.positie === 'scholier' || p.positie === 'student')) return []
  const gm = p.huishouden.adres.gemeente.code
  const start = schooljaarStart(ctx)
  const out: string[] = []
  const regel = (g: string, dag: number, soort: string, niveau: string, sk: boolean, n = 0): void => {
    out.push(`${p.bsn};${g};${iso(dag)};${brin(gm, soort, n + rng.int(3))};${soort};${niveau};${sk ? 'ja' : 'nee'}`)
  }
  if (p.positie === 'scholier') {
    const { niveau, examenjaar } = voProfiel(ctx.seed, p)
    regel('inschrijving', start, 'vo', niveau, false)
    if (rng.chance(0.018) && p.leeftijd >= 15) regel('uitschrijving', start + rng.between(30, 250), 'vo', niveau, false)
    else if (examenjaar && start - 40 >= ctx.vensterVan) regel('diploma', start - 40, 'vo', niveau, !niveau.startsWith('vmbo'))
    return out
  }
  const soort = p.leeftijd < 20 ? (rng.chance(0.55) ? 'mbo' : 'hbo') : rng.pick(['mbo', 'hbo', 'hbo', 'wo'])
  const niveau = soort === 'mbo' ? `mbo-${rng.between(1, 4)}` : soort
  regel('inschrijving', start, soort, niveau, soort !== 'mbo' || rng.chance(0.6))
  if (rng.chance(0.022)) regel('uitschrijving', start + rng.between(20, 200), soort, niveau, false)
  else if (rng.chance(0.15)) regel('diploma', start - rng.between(20, 60), soort, niveau, niveau !== 'mbo-1')
  return out
}

/** `duo-mbo-aanmeldingen`: pupils in their final vmbo year and whether they (timely) applied for an MBO programme. */
export function mboAanmeldingRegels(rng: Rng, ctx: Context, p: Persoon): string[] {
  if (p.positie !== 'scholier') return []
  const { niveau, examenjaar } = voProfiel(ctx.seed, p)
  if (!examenjaar || !niveau.startsWith('vmbo')) return []
  const gm = p.huishouden.adres.gemeente.code
  const jaar = Number(iso(schooljaarStart(ctx)).slice(0, 4)) + 1
  const x = rng.float()
  const status = x < 0.78 ? 'tijdig' : x < 0.9 ? 'te-laat' : 'geen'
  const datum = status === 'geen' ? '' : iso(Date.UTC(jaar, status === 'tijdig' ? 1 : 4, 1 + rng.int(28)) / 86_400_000)
  const mbo = status === 'geen' ? '' : brin(gm, 'mbo', rng.int(3))
  const crebo = status === 'geen' ? '' : String(25_000 + rng.int(900))
  return [`${p.bsn};${jaar}-${jaar + 1};${brin(gm, 'vo', rng.int(3))};${status};${datum};${mbo};${crebo}`]
}

/** `duo-studiefinanciering`: most students 18+ (amounts per month, indicative 2025), and a few bijstand recipients. */
export function studiefinancieringRegels(rng: Rng, ctx: Context, p: Persoon): string[] {
  const student = p.positie === 'student' && p.leeftijd >= 18 && rng.chance(0.88)
  if (!student && !(p.bijstand && p.leeftijd < 35 && rng.chance(0.012))) return []
  const soort = p.leeftijd < 20 ? 'mbo' : rng.pick(['mbo', 'hbo', 'hbo', 'wo'])
  const uitwonend = p.rol !== 'kind'
  const basis = uitwonend ? 30_300 : 11_500
  const aanvullend = rng.chance(0.3) ? rng.between(5_000, 45_000) : 0
  const lening = rng.chance(0.35) ? rng.between(10_000, 80_000) : 0
  const ingang = student ? schooljaarStart(ctx) - 365 * rng.int(3) : ctx.vensterVan + rng.int(ctx.peildatum - ctx.vensterVan)
  const einde = p.overleden ?? (rng.chance(0.1) ? ctx.vensterVan + rng.int(ctx.peildatum - ctx.vensterVan) : undefined)
  return [`${p.bsn};${iso(ingang)};${einde !== undefined && einde > ingang ? iso(einde) : ''};${soort};${basis};${aanvullend};${lening}`]
}
