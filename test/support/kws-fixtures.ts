/**
 * Source facts for kwijtschelding and beslagvrije-voet tests, written straight into `feiten` (the intake is built in
 * parallel; these rows follow its format: camelCase fields without bsn, amounts in integer cents).
 */
import { completeBsn, type Bsn } from '../../src/core/index.js'
import type { Hub } from '../../src/app.js'

let volgnummer = 0

/** A fresh valid BSN for each call. */
export function nieuwBsn(): Bsn {
  for (;;) {
    const b = completeBsn(String(31_000_000 + ++volgnummer * 7).padStart(8, '0'))
    if (b) return b
  }
}

export interface TestFeit {
  readonly bron: string
  readonly bsn: string
  readonly sleutel: string
  readonly geldigVan: string
  readonly geldigTot?: string | null
  readonly gegevens: Record<string, unknown>
}

let regel = 0

/** Inserts facts as delivery `levering`, numbering the lines. */
export async function voegFeitenToe(hub: Hub, feiten: readonly TestFeit[], levering = 'test-levering-1'): Promise<void> {
  if (feiten.length === 0) return
  await hub.ctx.database.db.insertInto('feiten').values(feiten.map((f) => ({
    bron: f.bron, bsn: f.bsn, sleutel: f.sleutel, geldig_van: f.geldigVan, geldig_tot: f.geldigTot ?? null,
    gegevens: JSON.stringify(f.gegevens), inhoud_hash: 'test', levering_id: levering, regel: ++regel,
    vastgelegd: new Date().toISOString(), bewaren_tot: '2099-12-31',
  }))).execute()
}

/** Gives the organisation a current indication for each BSN in `product` (what a population upload does). */
export async function indiceer(hub: Hub, oin: string, bsns: readonly string[], product = 'kwijtschelding'): Promise<void> {
  if (bsns.length === 0) return
  await hub.ctx.database.db.insertInto('populatie_regels').values(bsns.map((bsn) => ({
    oin, product, bsn, ingangsdatum: '2024-01-01', einddatum: null, referentie: null, herkomst: 'upload' as const,
    vastgelegd: new Date().toISOString(), vervangen: null,
  }))).execute()
}

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
