/**
 * Fixtures for the product tests (vooraf-toets, OIB, doelgroepouders KOT): rows written straight into the tables
 * that intake and populations own, so these products can be tested on their own.
 */
import { nieuwBsn, voegFeitenToe, voegIndicatiesToe, wachtTot, type TestFeit } from './fixtures.js'

export { nieuwBsn, voegFeitenToe, voegIndicatiesToe, wachtTot }

export type FeitFixture = TestFeit


/** A uwv-polis fact for one income relation in one month. */
export function polisFeit(bsn: string, periode: string, v: {
  id: string; werkgever: string; bruto: number; loonheffing: number; soort?: string; leveringId?: string; regel?: number; vastgelegd?: string
}): FeitFixture {
  const [y, m] = periode.split('-').map(Number) as [number, number]
  const laatste = new Date(Date.UTC(y, m, 0)).getUTCDate()
  return {
    bron: 'uwv-polis', bsn, sleutel: `${v.id}|${periode}`, geldigVan: `${periode}-01`, geldigTot: `${periode}-${laatste}`,
    leveringId: v.leveringId, regel: v.regel, vastgelegd: v.vastgelegd,
    gegevens: { periode, inkomstenverhoudingId: v.id, loonheffingennummer: '001234567L01', werkgeverNaam: v.werkgever, soortInkomen: v.soort ?? 'loon', brutoloonCent: v.bruto, loonheffingCent: v.loonheffing, uren: 80 },
  }
}

/** A belastingdienst-kot-doelgroep fact: the parent is in the Belastingdienst's file for that month and gemeente. */
export function kotFeit(bsn: string, periode: string, gemeentecode: string, doelgroep = 'bijstand', leveringId = 'kot-1'): FeitFixture {
  const [y, m] = periode.split('-').map(Number) as [number, number]
  const laatste = new Date(Date.UTC(y, m, 0)).getUTCDate()
  return {
    bron: 'belastingdienst-kot-doelgroep', bsn, sleutel: `${periode}|${gemeentecode}`, geldigVan: `${periode}-01`, geldigTot: `${periode}-${laatste}`,
    leveringId, gegevens: { periode, gemeentecode, doelgroep, kinderopvangtoeslagCent: 71234 },
  }
}


