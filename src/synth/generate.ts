import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { AdresTeller } from './adressen.js'
import { maakHuishouden, type BevolkingDeps } from './bevolking.js'
import { BsnUitgifte } from './bsn-uitgifte.js'
import { CsvWriter, type BestandInfo } from './csv-writer.js'
import { dagVan, eersteDag, maandVanDag } from './dagen.js'
import * as f from './feiten/index.js'
import { gemeenten, verdeelInwoners, type Gemeente } from './gemeenten.js'
import { FORMATEN, populatieBestand, type Formaat } from './formaten.js'
import type { Context, Persoon } from './model.js'
import { valideerOpties, type GenerateOptions, type GeldigeOpties } from './opties.js'
import { organisatieRegel, organisaties, type Organisatie } from './organisaties.js'
import { cumulative, Rng } from './rng.js'
import { STREAM } from './streams.js'
import { bestandsFout, synthFout } from './synth-fout.js'
import { bereidUitvoerVoor } from './uitvoer-map.js'

/** Bumped whenever output for the same seed and size changes. */
export const GENERATOR_VERSIE = '1.0.0'

/** `manifest.json`: deterministic (no timestamps), one entry per file with row count and SHA-256. */
export interface Manifest {
  readonly generator: 'knooppunt-synth'
  readonly versie: string
  readonly seed: number
  readonly inwoners: number
  readonly peildatum: string
  readonly aowLeeftijd: number
  readonly bestanden: readonly BestandInfo[]
}

/**
 * Generates a synthetic Netherlands into `opts.uit`. Writes into a temporary sibling folder and renames it into
 * place only when everything succeeded, so a failure never leaves a dataset that looks complete.
 *
 * @example await generate({ seed: 42, inwoners: 100_000, uit: 'data/synth' })
 */
export async function generate(opts: GenerateOptions): Promise<Manifest> {
  const o = valideerOpties(opts)
  const map = await bereidUitvoerVoor(o.uit, o.overschrijf)
  try {
    const bestanden = await schrijfAlles(o, map.tijdelijk, opts)
    const manifest: Manifest = {
      generator: 'knooppunt-synth', versie: GENERATOR_VERSIE, seed: o.seed, inwoners: o.inwoners, peildatum: o.peildatum,
      aowLeeftijd: AOW_LEEFTIJD, bestanden: [...bestanden].sort((a, b) => (a.naam < b.naam ? -1 : 1)),
    }
    await writeFile(join(map.tijdelijk, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`)
    await map.commit()
    opts.onProgress?.(o.inwoners, o.inwoners, 'klaar')
    return manifest
  } catch (e) {
    await map.discard()
    throw bestandsFout(e, map.doel)
  }
}

/** AOW-leeftijd 2024–2027 (Algemene Ouderdomswet art. 7a): 67 years. */
const AOW_LEEFTIJD = 67

function maakContext(o: GeldigeOpties): Context {
  const peildatum = dagVan(o.peildatum)
  const laatste = maandVanDag(peildatum) - 1
  const maanden = Array.from({ length: 12 }, (_, i) => laatste - 11 + i)
  return { seed: o.seed, peildatum, vensterVan: eersteDag(maanden[0]!), maanden, aowLeeftijd: AOW_LEEFTIJD }
}

type Generator = (rng: Rng, ctx: Context, p: Persoon) => string[]

/** The per-resident sources: file, random stream and a pure row generator. */
function perPersoon(ctx: Context, orgs: readonly Organisatie[]): [Formaat, number, Generator][] {
  const wg = f.werkgevers(ctx.seed)
  const aanbieders = new Map<string, Organisatie[]>()
  for (const z of orgs.filter((x) => x.soort === 'zorgaanbieder')) aanbieders.set(z.regio, [...(aanbieders.get(z.regio) ?? []), z])
  const schuldeisers = orgs.filter((x) => x.soort === 'schuldeiser')
  return [
    ['uwv-polis', STREAM.polis, (r, c, p) => f.polisRegels(r, c, p, wg)],
    ['rdw-voertuigen', STREAM.rdw, f.rdwRegels],
    ['svb-uitkeringen', STREAM.svb, f.svbRegels],
    ['belastingdienst-vermogen', STREAM.vermogen, f.vermogenRegels],
    ['duo-studiefinanciering', STREAM.studiefinanciering, f.studiefinancieringRegels],
    ['duo-onderwijs', STREAM.onderwijsRegels, f.onderwijsRegels],
    ['duo-mbo-aanmeldingen', STREAM.mboAanmelding, f.mboAanmeldingRegels],
    ['dji-detenties', STREAM.detentie, f.detentieRegels],
    ['brp-mutaties', STREAM.mutaties, f.mutatieRegels],
    ['ciz-wlz-indicaties', STREAM.wlz, f.wlzRegels],
    ['wmo-jeugd-toewijzingen', STREAM.wmoJeugd, (r, c, p) => f.wmoJeugdRegels(r, c, p, aanbieders)],
    ['schuldeiser-betalingsachterstanden', STREAM.schulden, (r, c, p) => f.achterstandRegels(r, c, p, schuldeisers)],
    ['werkzoekenden', STREAM.werkzoekende, f.werkzoekendeRegels],
    ['kadaster-eigendom', STREAM.kadaster, f.kadasterRegels],
    ['kvk-inschrijvingen', STREAM.kvk, f.kvkRegels],
  ]
}

/** Moves stay within the province 60 % of the time; targets are weighted by size. */
function doelgemeenteKiezer(lijst: readonly Gemeente[]): BevolkingDeps['doelgemeente'] {
  const landelijk = cumulative(lijst.map((g) => g.inwoners))
  const perProvincie = new Map<string, Gemeente[]>()
  for (const g of lijst) perProvincie.set(g.provincie, [...(perProvincie.get(g.provincie) ?? []), g])
  const cum = new Map([...perProvincie].map(([k, v]) => [k, cumulative(v.map((g) => g.inwoners))]))
  return (rng, van) => {
    for (let poging = 0; poging < 4; poging++) {
      const binnen = rng.chance(0.6)
      const pool = binnen ? perProvincie.get(van.provincie)! : lijst
      const g = pool[rng.weighted(binnen ? cum.get(van.provincie)! : landelijk)]!
      if (g.code !== van.code) return g
    }
    return lijst[(lijst.indexOf(van) + 1) % lijst.length]!
  }
}

async function schrijfAlles(o: GeldigeOpties, dir: string, opts: GenerateOptions): Promise<BestandInfo[]> {
  const ctx = maakContext(o)
  const orgs = organisaties()
  const infos: BestandInfo[] = []
  const orgWriter = new CsvWriter(dir, 'organisaties.csv', FORMATEN.organisaties)
  orgs.forEach((x) => orgWriter.row(organisatieRegel(x)))
  infos.push(await orgWriter.close())
  const bronnen = perPersoon(ctx, orgs)
  const w = new Map<Formaat, CsvWriter>()
  const vast: Formaat[] = ['brp-personen', 'huishoudens', 'belastingdienst-kot-doelgroep', 'vacatures', ...bronnen.map(([n]) => n)]
  for (const naam of vast) w.set(naam, new CsvWriter(dir, `${naam}.csv`, FORMATEN[naam]))
  try {
    await schrijfGemeenten(o, ctx, dir, orgs, bronnen, w, infos, opts)
    for (const writer of w.values()) infos.push(await writer.close())
  } catch (e) {
    for (const writer of w.values()) writer.abort()
    throw e
  }
  return infos
}

async function schrijfGemeenten(o: GeldigeOpties, ctx: Context, dir: string, orgs: readonly Organisatie[],
  bronnen: [Formaat, number, Generator][], w: Map<Formaat, CsvWriter>, infos: BestandInfo[], opts: GenerateOptions): Promise<void> {
  const lijst = gemeenten()
  const quota = verdeelInwoners(o.inwoners, lijst)
  const deps: BevolkingDeps = { bsns: new BsnUitgifte(o.seed), adressen: new AdresTeller(), doelgemeente: doelgemeenteKiezer(lijst) }
  const intermediairs = orgs.filter((x) => x.soort === 'intermediair')
  const teller = { persoon: 0, huishouden: 0, gemeld: 0 }
  for (let gi = 0; gi < lijst.length; gi++) {
    const g = lijst[gi]!
    const samenloop = new CsvWriter(dir, populatieBestand('samenloop', g.code), FORMATEN.populatie)
    const kot = new CsvWriter(dir, populatieBestand('kot-doelgroepouders', g.code), FORMATEN.populatie)
    for (let gebruikt = 0; gebruikt < quota[gi]!;) {
      if (opts.signal?.aborted) throw synthFout('synth.afgebroken', 'Het genereren is afgebroken; er is niets opgeleverd.')
      const hh = maakHuishouden(ctx, deps, g, teller.huishouden++, teller.persoon, quota[gi]! - gebruikt)
      schrijfHuishouden(ctx, hh.leden, bronnen, w, samenloop, kot)
      gebruikt += hh.leden.length
      teller.persoon += hh.leden.length
      await wachtOpSchijf(w, samenloop, kot)
      if (teller.persoon - teller.gemeld >= 5000) {
        teller.gemeld = teller.persoon
        opts.onProgress?.(teller.persoon, o.inwoners, 'inwoners')
      }
    }
    f.vacatureRegels(Rng.at(ctx.seed, STREAM.vacature, gi), ctx, g, quota[gi]!, intermediairs).forEach((r) => w.get('vacatures')!.row(r))
    infos.push(await samenloop.close(), await kot.close())
  }
}

function schrijfHuishouden(ctx: Context, leden: readonly Persoon[], bronnen: [Formaat, number, Generator][],
  w: Map<Formaat, CsvWriter>, samenloop: CsvWriter, kot: CsvWriter): void {
  w.get('huishoudens')!.row(f.huishoudenRegel(leden[0]!.huishouden))
  const brp = w.get('brp-personen')!
  const bd = w.get('belastingdienst-kot-doelgroep')!
  for (const p of leden) {
    brp.row(f.brpPersoonRegel(p))
    const s = f.samenloopRegel(p)
    if (s) samenloop.row(s)
    const k = f.kotRegels(Rng.at(ctx.seed, STREAM.kot, p.index), ctx, p)
    for (const r of k.bd) bd.row(r)
    if (k.populatie) kot.row(k.populatie)
    for (const [naam, stream, gen] of bronnen) {
      const rows = gen(Rng.at(ctx.seed, stream, p.index), ctx, p)
      if (rows.length === 0) continue
      const writer = w.get(naam)!
      for (const r of rows) writer.row(r)
    }
  }
}

/** Awaits backpressure only when a stream asked for it, so the hot loop rarely yields. */
async function wachtOpSchijf(w: Map<Formaat, CsvWriter>, ...extra: CsvWriter[]): Promise<void> {
  for (const writer of [...w.values(), ...extra]) if (writer.belemmerd) await writer.ready()
}
