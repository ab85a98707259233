/**
 * Fixtures for the product tests (vooraf-toets, OIB, doelgroepouders KOT): rows written straight into the tables
 * that intake and populations own, so these products can be tested on their own.
 */
import { createHash } from 'node:crypto'
import { completeBsn, type Bsn } from '../../src/core/index.js'
import type { Executor } from '../../src/platform/tables.js'

let volgnummer = 0

/** A fresh valid BSN per call (deterministic within a test run). */
export function nieuwBsn(): Bsn {
  for (;;) {
    const b = completeBsn(String(31_000_000 + ++volgnummer * 7).padStart(8, '0'))
    if (b) return b
  }
}

export interface FeitFixture {
  readonly bron: string
  readonly bsn: string
  readonly sleutel: string
  readonly geldigVan: string
  readonly geldigTot?: string | null
  readonly gegevens: Record<string, unknown>
  readonly leveringId?: string
  readonly regel?: number
  readonly vastgelegd?: string
}

/** Inserts facts as intake would store them. */
export async function voegFeitenToe(db: Executor, feiten: readonly FeitFixture[]): Promise<void> {
  if (feiten.length === 0) return
  await db.insertInto('feiten').values(feiten.map((f, i) => ({
    bron: f.bron, bsn: f.bsn, sleutel: f.sleutel, geldig_van: f.geldigVan, geldig_tot: f.geldigTot ?? null,
    gegevens: JSON.stringify(f.gegevens), inhoud_hash: createHash('sha256').update(JSON.stringify(f.gegevens)).digest('hex'),
    levering_id: f.leveringId ?? 'lev-1', regel: f.regel ?? i + 2, vastgelegd: f.vastgelegd ?? '2026-01-01T00:00:00.000Z',
    bewaren_tot: '2099-12-31',
  }))).execute()
}

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

/** Inserts population rows (afnemersindicaties) as the population service would. */
export async function voegIndicatiesToe(db: Executor, oin: string, product: string, rows: ReadonlyArray<{
  bsn: string; ingangsdatum: string; einddatum?: string | null; referentie?: string; vervangen?: string | null
}>): Promise<void> {
  if (rows.length === 0) return
  await db.insertInto('populatie_regels').values(rows.map((r) => ({
    oin, product, bsn: r.bsn, ingangsdatum: r.ingangsdatum, einddatum: r.einddatum ?? null, referentie: r.referentie ?? null,
    herkomst: 'upload' as const, vastgelegd: '2026-01-01T00:00:00.000Z', vervangen: r.vervangen ?? null,
  }))).execute()
}

/** Waits until `ok` holds (bus consumers run asynchronously). */
export async function wachtTot(ok: () => Promise<boolean>, ms = 5000): Promise<void> {
  const tot = Date.now() + ms
  while (!(await ok())) {
    if (Date.now() > tot) throw new Error('timed out')
    await new Promise((r) => setTimeout(r, 20))
  }
}
