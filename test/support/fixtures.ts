/**
 * The shared core of the test fixtures: fresh BSNs, facts written the way intake stores them, indications written
 * the way the population service does, and waiting for asynchronous bus consumers. Domain-specific builders
 * (polis lines, BRP persons, signals) live in the fixture files of their area and build on these.
 */
import { createHash } from 'node:crypto'
import { completeBsn, type Bsn } from '../../src/core/index.js'
import type { Executor } from '../../src/platform/tables.js'

let teller = 0

/** A fresh valid BSN per call, unique within a test process (whatever fixture file asks). */
export function nieuwBsn(): Bsn {
  for (;;) {
    const b = completeBsn(String(31_000_000 + ++teller * 7).padStart(8, '0'))
    if (b) return b
  }
}

/** A source fact as intake stores it (camelCase fields without bsn, amounts in integer cents). */
export interface TestFeit {
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

/** Inserts facts as one delivery (lines numbered from 2, the header being line 1, unless a fact says otherwise). */
export async function voegFeitenToe(db: Executor, feiten: readonly TestFeit[], levering = 'lev-1'): Promise<void> {
  const rijen = feiten.map((f, i) => ({
    bron: f.bron, bsn: f.bsn, sleutel: f.sleutel, geldig_van: f.geldigVan, geldig_tot: f.geldigTot ?? null,
    gegevens: JSON.stringify(f.gegevens), inhoud_hash: createHash('sha256').update(JSON.stringify(f.gegevens)).digest('hex'),
    levering_id: f.leveringId ?? levering, regel: f.regel ?? i + 2, vastgelegd: f.vastgelegd ?? '2026-01-01T00:00:00.000Z',
    bewaren_tot: '2099-12-31',
  }))
  for (let i = 0; i < rijen.length; i += 500) await db.insertInto('feiten').values(rijen.slice(i, i + 500)).execute()
}

export interface TestIndicatie {
  readonly bsn: string
  readonly ingangsdatum: string
  readonly einddatum?: string | null
  readonly referentie?: string
  readonly vervangen?: string | null
}

/** Inserts population rows (afnemersindicaties) as the population service would. */
export async function voegIndicatiesToe(db: Executor, oin: string, product: string, rijen: readonly TestIndicatie[]): Promise<void> {
  if (rijen.length === 0) return
  await db.insertInto('populatie_regels').values(rijen.map((r) => ({
    oin, product, bsn: r.bsn, ingangsdatum: r.ingangsdatum, einddatum: r.einddatum ?? null, referentie: r.referentie ?? null,
    herkomst: 'upload' as const, vastgelegd: '2026-01-01T00:00:00.000Z', vervangen: r.vervangen ?? null,
  }))).execute()
}

/** Polls until `ok` holds (bus consumers and workers run asynchronously, in real time). */
export async function wachtTot(ok: () => boolean | Promise<boolean>, ms = 10_000, wat = 'voorwaarde'): Promise<void> {
  const tot = Date.now() + ms
  while (!(await ok())) {
    if (Date.now() > tot) throw new Error(`wachten duurde te lang: ${wat}`)
    await new Promise((r) => setTimeout(r, 10))
  }
}
