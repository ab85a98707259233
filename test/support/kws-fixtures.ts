/**
 * Source facts for kwijtschelding and beslagvrije-voet tests, written straight into `feiten` in the intake's format
 * (camelCase fields without bsn, amounts in integer cents); the shared core is in fixtures.ts.
 */
import { nieuwBsn, voegFeitenToe as voegFeitenToeDb, voegIndicatiesToe, type TestFeit } from './fixtures.js'
import type { Hub } from '../../src/app.js'

export { nieuwBsn }
export type { TestFeit }

let regel = 0

/** Inserts facts as delivery `levering`, numbering the lines across calls (each fact names its own line). */
export const voegFeitenToe = (hub: Hub, feiten: readonly TestFeit[], levering = 'test-levering-1'): Promise<void> =>
  voegFeitenToeDb(hub.ctx.database.db, feiten.map((f) => ({ ...f, regel: ++regel })), levering)

/** Gives the organisation a current indication for each BSN in `product` (what a population upload does). */
export const indiceer = (hub: Hub, oin: string, bsns: readonly string[], product = 'kwijtschelding'): Promise<void> =>
  voegIndicatiesToe(hub.ctx.database.db, oin, product, bsns.map((bsn) => ({ bsn, ingangsdatum: '2024-01-01' })))

export const brpPersoon = (bsn: string, huishoudenId: string, rol: 'hoofd' | 'partner' | 'kind', geboortedatum: string): TestFeit => ({
  bron: 'brp-personen', bsn, sleutel: bsn, geldigVan: '2000-01-01',
  gegevens: { voornamen: 'Test', voorvoegsel: '', geslachtsnaam: 'Persoon', geboortedatum, geslacht: 'V', huishoudenId, rolInHuishouden: rol, straat: 'Dorpsstraat', huisnummer: 1, postcode: '1234AB', gemeentecode: '0344', status: 'ingezetene', statusdatum: '' },
})

export const polis = (bsn: string, periode: string, brutoloonCent: number, loonheffingCent: number, verhouding = 'IKV1'): TestFeit => ({
  bron: 'uwv-polis', bsn, sleutel: `${verhouding}|${periode}`, geldigVan: `${periode}-01`,
  gegevens: { periode, inkomstenverhoudingId: verhouding, loonheffingennummer: '123456789L01', werkgeverNaam: 'Werkgever BV', soortInkomen: 'loon', brutoloonCent, loonheffingCent, uren: 120 },
})

export const svb = (bsn: string, regeling: 'aow' | 'anw', ingangsdatum: string, brutoMaandbedragCent: number): TestFeit => ({
  bron: 'svb-uitkeringen', bsn, sleutel: `${regeling}|${ingangsdatum}`, geldigVan: ingangsdatum,
  gegevens: { regeling, ingangsdatum, einddatum: '', brutoMaandbedragCent, leefsituatie: 'alleenstaand' },
})

export const vermogen = (bsn: string, peildatum: string, rendementsgrondslagCent: number): TestFeit => ({
  bron: 'belastingdienst-vermogen', bsn, sleutel: peildatum, geldigVan: peildatum,
  gegevens: { peildatum, banktegoedenCent: rendementsgrondslagCent, overigeBezittingenCent: 0, schuldenCent: 0, rendementsgrondslagCent },
})

export const voertuig = (bsn: string, kenteken: string, datumAanvang: string, dagwaardeCent: number, datumEinde = ''): TestFeit => ({
  bron: 'rdw-voertuigen', bsn, sleutel: `${kenteken}|${datumAanvang}`, geldigVan: datumAanvang, geldigTot: datumEinde || null,
  gegevens: { kenteken, datumAanvang, datumEinde, dagwaardeCent },
})

export const woning = (bsn: string, datumAanvang: string, wozWaardeCent: number, teller = 1, noemer = 1): TestFeit => ({
  bron: 'kadaster-eigendom', bsn, sleutel: `KO-${bsn}|${datumAanvang}`, geldigVan: datumAanvang,
  gegevens: { kadastraalObjectId: `KO-${bsn}`, postcode: '1234AB', huisnummer: 1, gemeentecode: '0344', soortRecht: 'eigendom', aandeelTeller: teller, aandeelNoemer: noemer, datumAanvang, datumEinde: '', wozWaardeCent },
})

export const kvk = (bsn: string, datumAanvang: string, rechtsvorm = 'eenmanszaak'): TestFeit => ({
  bron: 'kvk-inschrijvingen', bsn, sleutel: `12345678|${bsn}`, geldigVan: datumAanvang,
  gegevens: { kvkNummer: '12345678', handelsnaam: 'Klussen', rechtsvorm, sbiCode: '4332', datumAanvang, datumEinde: '', gemeentecode: '0344' },
})
