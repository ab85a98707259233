/**
 * In-process benchmark: loonheffing (white monthly table) and netto indicatief inkomen calculations per second,
 * without and with the explanation trace, beside a plain arithmetic loop over the same inputs (the floor any engine
 * can reach). The plain loops take the same parameter values (looked up once per year before the loop) and must give
 * the same checksum, so they do the same arithmetic, minus the engine: no dated lookups, no trace, no BigInt. The
 * variants run in turns, `rondes` times (default 5); each prints its median and best round. Run:
 *   node --import tsx bench/regels/netto-inkomen.bench.ts [aantal] [rondes]
 */
import type { Cent, Datum, Maand } from '../../src/core/index.js'
import { berekenLoonheffing, berekenNettoInkomen, loonheffingParameters, type LoonheffingInvoer, type NettoInkomenInvoer } from '../../src/products/netto-inkomen/index.js'
import { besteRondes, draaiRondes, regel, variant } from '../support/rondes.js'

const N = Number(process.argv[2] ?? 200_000)
const JAREN = [2022, 2023, 2024, 2025, 2026]

let seed = 42
const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31)
/** Monthly wages 0 … € 8.000 (every schijf and every korting's opbouw and afbouw), 1 of 5 without loonheffingskorting. */
const loonheffing: LoonheffingInvoer[] = Array.from({ length: N }, () => ({
  peildatum: `${JAREN[Math.floor(rnd() * JAREN.length)]}-${String(1 + Math.floor(rnd() * 12)).padStart(2, '0')}-01` as Datum,
  loonPerMaandCent: Math.floor(rnd() * 800_000) as Cent,
  loonheffingskorting: rnd() >= 0.2,
  leeftijdsgroep: 'jonger-dan-aow',
}))
/** Polis-like lines: half with the withheld loonheffing (plain arithmetic), half estimated with the table. */
const netto: NettoInkomenInvoer[] = loonheffing.map((l) => {
  const polis = rnd() < 0.5
  return {
    maand: l.peildatum.slice(0, 7) as Maand,
    brutoLoonCent: l.loonPerMaandCent,
    ingehoudenLoonheffingCent: polis ? (Math.floor(l.loonPerMaandCent * rnd() * 0.4) as Cent) : undefined,
    vakantiebijslagReserveringCent: Math.floor(l.loonPerMaandCent * 0.08) as Cent,
    werknemersinhoudingenCent: rnd() < 0.5 ? (Math.floor(l.loonPerMaandCent * 0.05) as Cent) : undefined,
    loonheffingskorting: l.loonheffingskorting,
  }
})

// ---- the plain loop's parameters: the same register values, taken out once per year as plain numbers ----
const factor = (s: string) => Math.round(Number(s) * 100_000) // exact: at most five decimals (see rekenen.ts)
const P = new Map(JAREN.map((j) => {
  const d = `${j}-01-01` as Datum
  const n = (naam: string) => loonheffingParameters.op<number>(naam, d).waarde
  const f = (naam: string) => factor(loonheffingParameters.op<string>(naam, d).waarde)
  return [j, {
    stap: n('tabel.stap-maand'), g1: n('tarief.schijf1-grens'), g2: n('tarief.schijf2-grens'),
    t1: (n('tarief.belasting-schijf1') + n('premie.aow') + n('premie.anw') + n('premie.wlz')) * 10, t2: n('tarief.schijf2') * 10, t3: n('tarief.schijf3') * 10,
    ahkMax: n('ahk.maximum'), ahkGrens: n('ahk.afbouwgrens'), ahkPct: f('ahk.afbouwpercentage'),
    akA: f('ak.percentage-a'), akMaxA: n('ak.maximum-a'), akGrensB: n('ak.grens-b'), akB: f('ak.percentage-b'), akMaxB: n('ak.maximum-b'),
    akGrensC: n('ak.grens-c'), akC: f('ak.percentage-c'), akMax: n('ak.maximum'), akAfbouwGrens: n('ak.afbouwgrens'), akAfbouw: f('ak.afbouwpercentage'),
  }] as const
}))
const E = 10_000_000 // units of 1/100000 cent in a euro
/** The white monthly table below the AOW age in plain numbers (every product stays below 2^53: ≤ 1.2e9 cent × 1e5). */
function kaleLoonheffing(loonCent: number, jaar: number, lhk: boolean): number {
  const p = P.get(jaar)!
  const jaarloon = (loonCent - (loonCent % p.stap)) * 12
  const schijf = (van: number, tot: number, t: number) => Math.floor((Math.max(0, Math.min(jaarloon, tot) - van) * t) / E)
  const heffing = schijf(0, p.g1, p.t1) + schijf(p.g1, p.g2, p.t2) + schijf(p.g2, Infinity, p.t3)
  let jaarbedrag = heffing
  if (lhk) {
    const ahk = Math.ceil(Math.max(0, p.ahkMax * 100_000 - Math.max(0, jaarloon - p.ahkGrens) * p.ahkPct) / E)
    const a = Math.min(jaarloon * p.akA, p.akMaxA * 100_000)
    const ab = Math.min(a + Math.max(0, jaarloon - p.akGrensB) * p.akB, p.akMaxB * 100_000)
    const abc = Math.min(ab + Math.max(0, jaarloon - p.akGrensC) * p.akC, p.akMax * 100_000)
    const ak = Math.ceil(Math.max(0, abc - Math.max(0, jaarloon - p.akAfbouwGrens) * p.akAfbouw) / E)
    jaarbedrag = Math.max(0, heffing - ahk - ak)
  }
  const c = jaarbedrag * 100
  return Math.floor(c / 12) + (c % 12 >= 6 ? 1 : 0) // to whole cents, half up
}

const RONDES = Number(process.argv[3] ?? 5)

const lh = [
  variant('loonheffing zonder uitleg', () => { let s = 0; for (const i of loonheffing) s += berekenLoonheffing(i, { spoor: false }).loonheffingPerMaandCent; return s }),
  variant('loonheffing met uitleg', () => { let s = 0; for (const i of loonheffing) s += berekenLoonheffing(i).loonheffingPerMaandCent; return s }),
  variant('loonheffing kale rekenlus', () => {
    let s = 0
    for (const i of loonheffing) s += kaleLoonheffing(i.loonPerMaandCent, Number(i.peildatum.slice(0, 4)), i.loonheffingskorting)
    return s
  }),
]
const nt = [
  variant('netto inkomen zonder uitleg', () => { let s = 0; for (const i of netto) s += berekenNettoInkomen(i, { spoor: false }).nettoIndicatiefInkomenCent; return s }),
  variant('netto inkomen met uitleg', () => { let s = 0; for (const i of netto) s += berekenNettoInkomen(i).nettoIndicatiefInkomenCent; return s }),
  variant('netto inkomen kale rekenlus', () => {
    let s = 0
    for (const i of netto) {
      const bruto = i.brutoLoonCent
      const lh = i.ingehoudenLoonheffingCent ?? kaleLoonheffing(bruto, Number(i.maand.slice(0, 4)), i.loonheffingskorting ?? true)
      const loon = Math.max(0, bruto - lh - (i.werknemersinhoudingenCent ?? 0))
      const vb = bruto > 0 ? Math.floor(((i.vakantiebijslagReserveringCent ?? 0) * Math.max(0, bruto - lh)) / bruto) : 0
      s += loon + vb
    }
    return s
  }),
]
draaiRondes([...lh, ...nt], N, RONDES)
console.log(`${N.toLocaleString('nl-NL')} invoeren, peildata 2022–2026, jonger dan de AOW-leeftijd; ${RONDES} rondes om en om; per seconde: mediaan / beste ronde`)
for (const v of [...lh, ...nt]) console.log(regel(v, 32))
for (const [naam, groep] of [['loonheffing', lh], ['netto', nt]] as const) {
  const { zonder, met, kaal } = besteRondes(naam, groep)
  console.log(`${naam.padEnd(12)} beste rondes: kaal / zonder uitleg ${(kaal / zonder).toFixed(1)}×; zonder / met uitleg ${(zonder / met).toFixed(1)}×`)
}
