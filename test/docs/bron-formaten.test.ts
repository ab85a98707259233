/**
 * Keeps docs/formats in step with the intake parsers of the "werk en inkomen" sources: the column table of each page
 * is the parser's header (names and order), and what the table says about a column — its type, its allowed values,
 * whether it may be empty — is what the parser accepts and refuses.
 */
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { BRON_FORMATEN } from '../../src/platform/intake/index.js'

const docs = new URL('../../docs/formats/', import.meta.url)

/** A valid line of each format, by column; every probe below changes one column of it. */
const GELDIG: Record<string, Record<string, string>> = {
  'uwv-polis': { bsn: '123456782', periode: '2025-03', inkomstenverhoudingId: 'IKV-1', loonheffingennummer: '001234567L01', werkgeverNaam: 'Bakkerij', soortInkomen: 'loon', brutoloonCent: '150000', loonheffingCent: '20000', uren: '60' },
  'rdw-voertuigen': { bsn: '123456782', kenteken: 'GB-22-NL', datumAanvang: '2025-02-10', datumEinde: '2025-06-01', dagwaardeCent: '450000' },
  'svb-uitkeringen': { bsn: '123456782', regeling: 'aow', ingangsdatum: '2025-01-01', einddatum: '2025-12-31', brutoMaandbedragCent: '150000', leefsituatie: 'alleenstaand' },
  'belastingdienst-vermogen': { bsn: '123456782', peildatum: '2025-01-01', banktegoedenCent: '900000', overigeBezittingenCent: '0', schuldenCent: '0', rendementsgrondslagCent: '900000', leefvorm: 'gehuwd' },
  'belastingdienst-kot-doelgroep': { bsn: '123456782', periode: '2025-03', gemeentecode: '0344', doelgroep: 'bijstand', kinderopvangtoeslagCent: '50000' },
  'duo-studiefinanciering': { bsn: '123456782', ingangsdatum: '2025-09-01', einddatum: '2026-06-30', onderwijssoort: 'hbo', basisbeursCent: '30000', aanvullendeBeursCent: '0', leningCent: '10000' },
  'dji-detenties': { bsn: '123456782', detentieId: 'D-1', ingangsdatum: '2025-04-01', einddatum: '2025-05-01', soortDetentie: 'gevangenisstraf', inrichting: 'PI Vught' },
  'brp-mutaties': { bsn: '123456782', datum: '2025-06-01', soortMutatie: 'overlijden', gemeentecodeVan: '0344', gemeentecodeNaar: '0363', landNaar: 'ES' },
}

/** What a type in the table must accept and refuse (a trailing "or empty" / "may be empty" adds the empty value). */
const SOORTEN: Array<{ type: RegExp; goed: string[]; fout: string[] }> = [
  { type: /^BSN$/, goed: ['123456782'], fout: ['123456789', '12345678'] },
  { type: /^`YYYY-MM`$/, goed: ['2024-02'], fout: ['2024-13', '2024-2', '2024-02-01'] },
  { type: /^date$/, goed: [], fout: ['2023-02-29', '2024-2-1', '2024-02'] }, // the base line's own date is the good one (cross-column checks)
  { type: /^cents$/, goed: ['0', '123'], fout: ['-1', '1.5', '1,50', '€1'] },
  { type: /^integer$/, goed: ['0', '40'], fout: ['-1', '1.5'] },
  { type: /^4 digits$/, goed: ['0344'], fout: ['344', '03444', 'GM03'] },
  { type: /^ISO 3166-1 alpha-2$/, goed: ['ES'], fout: ['es', 'ESP'] },
  { type: /^text$/, goed: [], fout: [] }, // a column's own form (e.g. kenteken) is in the page's "At the hub" list
]

interface Kolom { naam: string; type: string; leegMag: boolean; keuzes: string[] | undefined }

/** The rows of the page's column table, in order. */
function kolommenUitPagina(naam: string): Kolom[] {
  const tekst = readFileSync(new URL(`${naam}.md`, docs), 'utf8')
  const tabel = tekst.split('| column | type | meaning |')[1]
  assert.ok(tabel, `docs/formats/${naam}.md has no column table`)
  const regels = tabel.split('\n').slice(2) // after the header row and its |---| line
  const einde = regels.findIndex((r) => !r.startsWith('|'))
  return regels.slice(0, einde < 0 ? undefined : einde).map((r) => {
    // Split on cell borders, not on the escaped `\|` between choices.
    const [, kolom, type] = r.split(/(?<!\\)\|/).map((c) => c.trim())
    const leeg = /,? (or empty|may be empty)$/
    const kaal = type!.replace(leeg, '')
    const keuzes = /^`[^`]+`( \\\| `[^`]+`)+$/.test(kaal) ? [...kaal.matchAll(/`([^`]+)`/g)].map((m) => m[1]!) : undefined
    return { naam: kolom!.replace(/`/g, ''), type: kaal, leegMag: leeg.test(type!), keuzes }
  })
}

const ISSUE_4 = ['uwv-polis', 'rdw-voertuigen', 'svb-uitkeringen', 'belastingdienst-vermogen', 'belastingdienst-kot-doelgroep', 'duo-studiefinanciering', 'dji-detenties', 'brp-mutaties']

test('the column table of each source format page is the parser\'s header line, column for column', () => {
  for (const naam of ISSUE_4) {
    const formaat = BRON_FORMATEN.get(naam)
    assert.ok(formaat, naam)
    assert.equal(kolommenUitPagina(naam).map((k) => k.naam).join(';'), formaat.kolommen.join(';'), `docs/formats/${naam}.md`)
    assert.ok(formaat.lezerVoorKop(formaat.kolommen.join(';')), `${naam}: the documented header is accepted`)
  }
})

test('what each page says about a column (type, allowed values, may it be empty) is what the parser does', () => {
  for (const naam of ISSUE_4) {
    const formaat = BRON_FORMATEN.get(naam)!
    const basis = GELDIG[naam]!
    const lees = (kolom: string, waarde: string) => formaat.lees(formaat.kolommen.map((k) => (k === kolom ? waarde : basis[k]!)))
    assert.ok(formaat.lees(formaat.kolommen.map((k) => basis[k]!)).ok, `${naam}: the base line is valid`)
    for (const k of kolommenUitPagina(naam)) {
      const waar = `${naam}.${k.naam} (${k.type})`
      assert.equal(lees(k.naam, '').ok, k.leegMag, `${waar}: the page says it ${k.leegMag ? 'may' : 'may not'} be empty`)
      if (k.keuzes) {
        for (const w of k.keuzes) assert.ok(lees(k.naam, w).ok, `${waar}: ${w} is allowed`)
        const fout = lees(k.naam, 'iets-anders')
        assert.ok(!fout.ok && fout.problemen.some((p) => p.code === 'waarde-onbekend'), `${waar}: another value is refused`)
        continue
      }
      const soort = SOORTEN.find((s) => s.type.test(k.type))
      assert.ok(soort, `${waar}: a type this test does not know`)
      for (const w of soort.goed) assert.ok(lees(k.naam, w).ok, `${waar}: ${w} is accepted`)
      for (const w of soort.fout) assert.ok(!lees(k.naam, w).ok, `${waar}: ${w} is refused`)
    }
  }
})
