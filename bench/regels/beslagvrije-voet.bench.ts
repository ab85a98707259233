/**
 * In-process benchmark: beslagvrije voet calculations per second without and with the explanation trace, beside a
 * plain arithmetic loop over the same inputs (the floor any engine can reach), for two sets of inputs: debtors without
 * a woonadres or on bijstand (art. 475da lid 4, art. 475dc lid 2) and employed debtors with a woonadres, whose amount
 * is the formula of art. 475da lid 2 with its letters (every leefsituatie, both texts: until 2025 and from 2026). The
 * plain loops take the same parameter values, looked up once per peildatum before the loop. The variants run in turns,
 * `rondes` times (default 5), and each prints its median and best round: on a shared machine the best round is the
 * one least disturbed by other work. Run:
 *   node --import tsx bench/regels/beslagvrije-voet.bench.ts [aantal] [rondes]
 */
import type { Cent, Datum } from '../../src/core/index.js'
import { bijstandsnormParameters } from '../../src/products/bijstandsnormen/index.js'
import { berekenBeslagvrijeVoet, beslagvrijeVoetParameters, type BeslagvrijeVoetInvoer } from '../../src/products/beslagvrije-voet/index.js'
import { LEEFSITUATIES, type Leefsituatie } from '../../src/products/beslagvrije-voet/beslagvrije-voet-invoer.js'
import { lettersOp, type Letters } from '../../src/products/beslagvrije-voet/formule-lid-2.js'
import { besteRondes, draaiRondes, regel, variant } from '../support/rondes.js'

const N = Number(process.argv[2] ?? 200_000)
const PEILDATA = ['2024-01-01', '2024-07-01', '2025-01-01', '2025-07-01', '2026-01-01'] as Datum[]
// Published amounts used by the plain loop (art. 21 b PW and art. 475da lid 1 onder a Rv), per peildatum above.
const GEHUWDENNORM = [183404, 186921, 192207, 195580, 200213]
const ALLEENSTAANDE = [128383, 130845, 134545, 136906, 140150]

let seed = 42
const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31)
const invoer: BeslagvrijeVoetInvoer[] = Array.from({ length: N }, () => ({
  peildatum: PEILDATA[Math.floor(rnd() * PEILDATA.length)]!,
  leefsituatie: 'alleenstaande',
  woonadresBekend: false,
  bijstand: rnd() < 0.5,
  inkomenPerMaandCent: Math.floor(rnd() * 400_000) as Cent,
  belastbaarJaarinkomenCent: 0 as Cent,
  eigenInkomenNietBeslagenCent: Math.floor(rnd() * 20_000) as Cent,
}))

// ---- formula of art. 475da lid 2: employed debtors with a woonadres, every leefsituatie ----
const formuleInvoer: BeslagvrijeVoetInvoer[] = Array.from({ length: N }, () => {
  const leefsituatie = LEEFSITUATIES[Math.floor(rnd() * LEEFSITUATIES.length)]!
  return {
    peildatum: PEILDATA[Math.floor(rnd() * PEILDATA.length)]!, leefsituatie, woonadresBekend: true, bijstand: false,
    inkomenPerMaandCent: Math.floor(rnd() * 400_000) as Cent, belastbaarJaarinkomenCent: Math.floor(rnd() * 6_000_000) as Cent,
    ...(leefsituatie.startsWith('gehuwd') ? { partnerBelastbaarJaarinkomenCent: Math.floor(rnd() * 3_000_000) as Cent } : {}),
    eigenInkomenNietBeslagenCent: Math.floor(rnd() * 20_000) as Cent,
  }
})
/** The letters, norm and maximum per (peildatum, leefsituatie), looked up once; I (from 2026) depends on C and is computed in the loop. */
const vast = new Map<string, { x: Letters; norm: number; maximum: number }>()
for (const d of PEILDATA) for (const l of LEEFSITUATIES) {
  const x = lettersOp({ peildatum: d, leefsituatie: l, woonadresBekend: true, bijstand: false, inkomenPerMaandCent: 0 as Cent, belastbaarJaarinkomenCent: 0 as Cent }, beslagvrijeVoetParameters)
  const norm = bijstandsnormParameters.op(l.startsWith('gehuwd') ? 'bijstandsnorm.gehuwden' : 'bijstandsnorm.alleenstaande', d).waarde
  vast.set(`${d}|${l}`, { x, norm, maximum: beslagvrijeVoetParameters.op(`maximum.${l}`, d).waarde })
}
function kaleFormule(i: BeslagvrijeVoetInvoer): number {
  const { x, norm, maximum } = vast.get(`${i.peildatum}|${i.leefsituatie}`)!
  const l: Leefsituatie = i.leefsituatie
  const C = (i.belastbaarJaarinkomenCent + (i.partnerBelastbaarJaarinkomenCent ?? 0)) / 100
  const eenpersoons = l === 'alleenstaande'
  const zorg = Math.min(Math.max(0, ((C - x.D) / 12) * x.E), x.zorgPlafond)
  const huur = x.stelsel === 2026
    ? Math.max(0, Math.min((C - x.minimumInkomensijkpunt) * ((eenpersoons ? x.F : x.G) / 12), x.H - x.J))
    : Math.max(0, (eenpersoons ? x.F * C * C + x.G * C : x.H * C * C + x.I * C) - x.J)
  const kgb = l === 'alleenstaande-ouder' ? Math.max(0, ((C - x.D) / 12) * x.K) : l === 'gehuwd-met-kinderen' ? Math.max(0, ((C - (x.D + x.L)) / 12) * x.K) : 0
  let bvv = Math.min(Math.round((0.95 * (norm / 100) + zorg + huur + kgb) * 100), maximum)
  bvv = Math.max(0, bvv - (i.eigenInkomenNietBeslagenCent ?? 0))
  return Math.min(bvv, Math.floor((i.inkomenPerMaandCent * 95) / 100))
}

const RONDES = Number(process.argv[3] ?? 5)

const varianten = [
  variant('regels zonder uitleg', () => { let s = 0; for (const i of invoer) s += berekenBeslagvrijeVoet(i, { spoor: false }).beslagvrijeVoetCent; return s }),
  variant('regels met uitleg', () => { let s = 0; for (const i of invoer) s += berekenBeslagvrijeVoet(i).beslagvrijeVoetCent; return s }),
  variant('kale rekenlus', () => {
    let s = 0
    for (const i of invoer) {
      const k = PEILDATA.indexOf(i.peildatum)
      let bvv: number
      if (i.bijstand) {
        const n = ALLEENSTAANDE[k]! * 95
        bvv = Math.max(0, (n % 100 >= 50 ? Math.floor(n / 100) + 1 : Math.floor(n / 100)) - (i.eigenInkomenNietBeslagenCent ?? 0))
      } else {
        const n = GEHUWDENNORM[k]! * 475
        bvv = n % 1000 >= 500 ? Math.floor(n / 1000) + 1 : Math.floor(n / 1000)
        bvv = Math.max(0, bvv - (i.eigenInkomenNietBeslagenCent ?? 0))
        bvv = Math.min(bvv, Math.floor((i.inkomenPerMaandCent * 95) / 100))
      }
      s += bvv
    }
    return s
  }),
]
const formule = [
  variant('formule zonder uitleg', () => { let s = 0; for (const i of formuleInvoer) s += berekenBeslagvrijeVoet(i, { spoor: false }).beslagvrijeVoetCent; return s }),
  variant('formule met uitleg', () => { let s = 0; for (const i of formuleInvoer) s += berekenBeslagvrijeVoet(i).beslagvrijeVoetCent; return s }),
  variant('formule kale rekenlus', () => { let s = 0; for (const i of formuleInvoer) s += kaleFormule(i); return s }),
]
draaiRondes([...varianten, ...formule], N, RONDES)
console.log(`${N.toLocaleString('nl-NL')} invoeren per groep, ${RONDES} rondes om en om; per seconde: mediaan / beste ronde`)
for (const [naam, groep] of [['geen woonadres / bijstand (lid 4, 475dc lid 2)', varianten], ['werknemer met woonadres (formule lid 2)', formule]] as const) {
  console.log(naam)
  for (const v of groep) console.log(`  ${regel(v, 26)}`)
  const { zonder, met, kaal } = besteRondes(naam, groep)
  console.log(`  beste rondes: kaal / zonder uitleg ${(kaal / zonder).toFixed(1)}×; zonder / met uitleg ${(zonder / met).toFixed(1)}×; doel zonder uitleg ≥ 1.000.000 /s: ${zonder >= 1e6 ? 'gehaald' : 'NIET gehaald'}`)
}
