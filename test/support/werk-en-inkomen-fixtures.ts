/**
 * Rows for the matching and signal tests, written straight into the tables that intake (`feiten`) and populations
 * (`populatie_regels`) own — their contract, not their code — plus the event intake emits after storing facts.
 */
import type { Clock } from '../../src/core/index.js'
import { nieuwBsn, voegFeitenToe, voegIndicatiesToe, wachtTot, type TestFeit } from './fixtures.js'
import { appendToOutbox } from '../../src/platform/events/index.js'
import type { Db, Executor } from '../../src/platform/tables.js'

/** A fresh valid BSN per call. */
export const testBsn = nieuwBsn

export type { TestFeit }

const laatsteDag = (periode: string) => {
  const [j, m] = periode.split('-').map(Number) as [number, number]
  return `${periode}-${String(new Date(Date.UTC(j, m, 0)).getUTCDate()).padStart(2, '0')}`
}

export function polis(bsn: string, periode: string, o: { ikv?: string; werkgever?: string; soort?: string; bruto?: number; loonheffing?: number } = {}): TestFeit {
  const ikv = o.ikv ?? 'IKV-1'
  return {
    bron: 'uwv-polis', bsn, sleutel: `${ikv}|${periode}`, geldigVan: `${periode}-01`, geldigTot: laatsteDag(periode),
    gegevens: {
      periode, inkomstenverhoudingId: ikv, loonheffingennummer: '001234567L01', werkgeverNaam: o.werkgever ?? 'Bakkerij De Korf',
      soortInkomen: o.soort ?? 'loon', brutoloonCent: o.bruto ?? 150_000, loonheffingCent: o.loonheffing ?? 20_000, uren: 60,
    },
  }
}

export const rdw = (bsn: string, kenteken: string, datumAanvang: string, dagwaardeCent = 450_000): TestFeit =>
  ({ bron: 'rdw-voertuigen', bsn, sleutel: `${kenteken}|${datumAanvang}`, geldigVan: datumAanvang, gegevens: { kenteken, datumAanvang, datumEinde: '', dagwaardeCent } })

export const svb = (bsn: string, regeling: string, ingangsdatum: string, brutoMaandbedragCent = 150_000): TestFeit =>
  ({ bron: 'svb-uitkeringen', bsn, sleutel: `${regeling}|${ingangsdatum}`, geldigVan: ingangsdatum, gegevens: { regeling, ingangsdatum, einddatum: '', brutoMaandbedragCent, leefsituatie: 'alleenstaand' } })

export const vermogen = (bsn: string, peildatum: string, rendementsgrondslagCent: number): TestFeit =>
  ({ bron: 'belastingdienst-vermogen', bsn, sleutel: peildatum, geldigVan: peildatum, geldigTot: peildatum, gegevens: { peildatum, banktegoedenCent: rendementsgrondslagCent, overigeBezittingenCent: 0, schuldenCent: 0, rendementsgrondslagCent } })

export const detentie = (bsn: string, detentieId: string, ingangsdatum: string, einddatum = ''): TestFeit =>
  ({ bron: 'dji-detenties', bsn, sleutel: detentieId, geldigVan: ingangsdatum, geldigTot: einddatum || null, gegevens: { detentieId, ingangsdatum, einddatum, soortDetentie: 'gevangenisstraf', inrichting: 'PI Vught' } })

export const studiefinanciering = (bsn: string, ingangsdatum: string): TestFeit =>
  ({ bron: 'duo-studiefinanciering', bsn, sleutel: `${ingangsdatum}|hbo`, geldigVan: ingangsdatum, gegevens: { ingangsdatum, einddatum: '', onderwijssoort: 'hbo', basisbeursCent: 30_000, aanvullendeBeursCent: 0, leningCent: 10_000 } })

export const brp = (bsn: string, soortMutatie: 'verhuizing' | 'emigratie' | 'overlijden', datum: string, naar = ''): TestFeit => ({
  bron: 'brp-mutaties', bsn, sleutel: `${soortMutatie}|${datum}`, geldigVan: datum, geldigTot: datum,
  gegevens: { datum, soortMutatie, gemeentecodeVan: '0344', gemeentecodeNaar: soortMutatie === 'verhuizing' ? naar : '', landNaar: soortMutatie === 'emigratie' ? naar : '' },
})

/** Stores facts as one delivery, the way intake does (lines numbered from 2, the header being line 1). */
export const leverFeiten = (db: Executor, leveringId: string, feiten: readonly TestFeit[]): Promise<void> => voegFeitenToe(db, feiten, leveringId)

/** Stores facts and emits `knooppunt.feiten.vastgelegd.v1` in one transaction (one event per source). */
export async function leverEnMeld(db: Db, clock: Clock, leveringId: string, feiten: readonly TestFeit[]): Promise<void> {
  await db.transaction().execute(async (tx) => {
    await leverFeiten(tx, leveringId, feiten)
    const perBron = new Map<string, number>()
    for (const f of feiten) perBron.set(f.bron, (perBron.get(f.bron) ?? 0) + 1)
    await appendToOutbox(tx, clock, [...perBron].map(([bron, opgeslagen]) => ({ type: 'knooppunt.feiten.vastgelegd.v1', data: { bron, leveringId, opgeslagen } })))
  })
}

/** Adds current indications (afnemersindicaties) for an afnemer and product. */
export const indiceer = (db: Executor, oin: string, rijen: ReadonlyArray<{ bsn: string; van: string; tot?: string; vervangen?: string }>, product = 'samenloop'): Promise<void> =>
  voegIndicatiesToe(db, oin, product, rijen.map((r) => ({ bsn: r.bsn, ingangsdatum: r.van, einddatum: r.tot ?? null, vervangen: r.vervangen ?? null })))

export { wachtTot }
