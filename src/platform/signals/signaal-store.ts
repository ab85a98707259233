import { sql, type Transaction } from 'kysely'
import { insertRows } from '../../adapters/store/bulk-insert.js'
import { AppError, addDays, dagBeginNl, newOrderedId, type Clock, type Datum } from '../../core/index.js'
import type { KandidaatSignaal } from '../matching/index.js'
import type { Executor, SqlDialect, Tables } from '../tables.js'
import { naarSignaal, type Signaal, type SignaalStatus, type Terugmelding } from './signaal.js'
import type { SignaalRow } from './signal-tables.js'
import { UITLEG_OP_LEZEN, heeftUitleg } from './uitleg.js'

const IN_LIJST = 5_000
const SIGNAAL_KOLOMMEN = ['id', 'oin', 'product', 'soort', 'bsn', 'sleutel', 'inhoud_hash', 'periode_van', 'periode_tot', 'bronnen', 'regel_id',
  'regel_versie', 'uitleg', 'gegevens', 'correctie', 'status', 'terugmelding', 'aangemaakt'] as const satisfies ReadonlyArray<keyof SignaalRow>
/**
 * PostgreSQL hands out `seq` at insert time but commits in any order; a feed reader could then pass a lower seq
 * that commits later. Signal writers take this transaction lock, so seq order is commit order and the cursor is
 * stable. (SQLite has one writer at a time anyway.)
 */
const SCHRIJFSLOT = 4_242_001

/** A signal that was stored by `slaSignalenOp` (new, not a duplicate). */
export interface NieuwSignaal {
  readonly id: string
  readonly oin: string
  readonly product: string
  readonly soort: string
  readonly bsn: string
  readonly correctie: boolean
  /** The first source line it came from (as stored in `bronnen`): callers find the delivery's trace without a read. */
  readonly bron: { readonly bron: string; readonly leveringId: string } | undefined
}

const sleutelVan = (k: { oin: string; product: string; soort: string; sleutel: string }) => `${k.oin}\u0000${k.product}\u0000${k.soort}\u0000${k.sleutel}`

/**
 * Stores candidate signals inside the caller's transaction. A candidate whose (afnemer, product, soort, key,
 * content) already exists is skipped; one whose key exists with other content — in the store or earlier in this
 * batch — is stored as a correction. Set-based: one lookup per (afnemer, product, soort) and 5,000 keys.
 */
export async function slaSignalenOp(tx: Transaction<Tables>, dialect: SqlDialect, clock: Clock, kandidaten: readonly KandidaatSignaal[]): Promise<NieuwSignaal[]> {
  if (kandidaten.length === 0) return []
  if (dialect === 'postgres') await sql`select pg_advisory_xact_lock(${SCHRIJFSLOT})`.execute(tx)
  const gekozen = selecteerNieuwe(kandidaten, await bestaande(tx, kandidaten))
  kanUitleggen(gekozen.map((g) => g.kandidaat))
  const nu = clock.now().toISOString()
  const rijen: Array<Omit<SignaalRow, 'seq'>> = gekozen.map(({ kandidaat: k, correctie }) => ({
    id: newOrderedId(), oin: k.oin, product: k.product, soort: k.soort, bsn: k.bsn, sleutel: k.sleutel, inhoud_hash: k.inhoudHash,
    periode_van: k.periode.van, periode_tot: k.periode.tot ?? null, bronnen: JSON.stringify(k.bronnen),
    regel_id: k.regel.id, regel_versie: k.regel.versie, uitleg: k.uitleg ?? UITLEG_OP_LEZEN, gegevens: JSON.stringify(k.gegevens),
    correctie: correctie ? 1 : 0, status: 'nieuw', terugmelding: null, aangemaakt: nu,
  }))
  const nieuw = rijen.map((r, i) => {
    const eerste = gekozen[i]!.kandidaat.bronnen[0]
    return { id: r.id, oin: r.oin, product: r.product, soort: r.soort, bsn: r.bsn, correctie: r.correctie === 1, bron: eerste ? { bron: eerste.bron, leveringId: eerste.leveringId } : undefined }
  })
  await insertRows(tx, 'signalen', SIGNAAL_KOLOMMEN, rijen)
  return nieuw
}

/** A signal stored without its text must be explainable on read: refuse it now rather than fail every read later. */
function kanUitleggen(kandidaten: readonly KandidaatSignaal[]): void {
  const gezien = new Set<string>()
  for (const k of kandidaten) {
    if (k.uitleg !== undefined) continue
    const r = `${k.regel.id}@${k.regel.versie}`
    if (gezien.has(r)) continue
    if (!heeftUitleg(k.regel)) throw new AppError('internal', 'signaal.uitleg-onbekend', `regel ${r} gaf geen uitleg en heeft geen uitleg bij het lezen`)
    gezien.add(r)
  }
}

/** What the store already holds: keys `(oin, product, soort, sleutel)` and identities (key + content hash). */
export interface BestaandeSignalen {
  readonly sleutels: Set<string>
  readonly identiteiten: Set<string>
}

export const legeStaat = (): BestaandeSignalen => ({ sleutels: new Set(), identiteiten: new Set() })

/**
 * Pure: which candidates are new, and which of those correct an earlier signal (same key, other content). Updates
 * `staat`, so feeding facts one by one gives the same answer as feeding them all at once.
 */
export function selecteerNieuwe(kandidaten: readonly KandidaatSignaal[], staat: BestaandeSignalen): Array<{ kandidaat: KandidaatSignaal; correctie: boolean }> {
  const uit: Array<{ kandidaat: KandidaatSignaal; correctie: boolean }> = []
  for (const k of kandidaten) {
    const s = sleutelVan(k)
    const id = `${s}\u0000${k.inhoudHash}`
    if (staat.identiteiten.has(id)) continue
    uit.push({ kandidaat: k, correctie: staat.sleutels.has(s) })
    staat.identiteiten.add(id)
    staat.sleutels.add(s)
  }
  return uit
}

/** The keys and identities already stored for these candidates. */
async function bestaande(db: Executor, kandidaten: readonly KandidaatSignaal[]): Promise<BestaandeSignalen> {
  const groepen = new Map<string, { oin: string; product: string; soort: string; sleutels: Set<string> }>()
  for (const k of kandidaten) {
    const g = `${k.oin}\u0000${k.product}\u0000${k.soort}`
    const groep = groepen.get(g) ?? { oin: k.oin, product: k.product, soort: k.soort, sleutels: new Set<string>() }
    groep.sleutels.add(k.sleutel)
    groepen.set(g, groep)
  }
  const sleutels = new Set<string>()
  const identiteiten = new Set<string>()
  for (const g of groepen.values()) {
    const lijst = [...g.sleutels]
    for (let i = 0; i < lijst.length; i += IN_LIJST) {
      // Uses the unique index (oin, product, soort, sleutel, inhoud_hash) by its prefix.
      const rows = await db.selectFrom('signalen').select(['sleutel', 'inhoud_hash'])
        .where('oin', '=', g.oin).where('product', '=', g.product).where('soort', '=', g.soort)
        .where('sleutel', 'in', lijst.slice(i, i + IN_LIJST)).execute()
      for (const r of rows) {
        const s = sleutelVan({ ...g, sleutel: r.sleutel })
        sleutels.add(s)
        identiteiten.add(`${s}\u0000${r.inhoud_hash}`)
      }
    }
  }
  return { sleutels, identiteiten }
}

/** Filters of the signal feed; all optional except afnemer and product. */
export interface SignaalFilter {
  readonly oin: string
  readonly product: string
  readonly naSeq?: number | undefined
  readonly limiet: number
  readonly soort?: string | undefined
  readonly status?: SignaalStatus | undefined
  /** Only signals whose period overlaps these days (a month `YYYY-MM` becomes its first and last day). */
  readonly periode?: { readonly van: string; readonly tot: string } | undefined
  /** Only signals created on these days (inclusive, Dutch calendar days: from 00:00 Europe/Amsterdam). */
  readonly aangemaakt?: { readonly van: string; readonly tot: string } | undefined
}

/** One page of an afnemer's signals, oldest first, with the seq of each for the cursor. */
export async function lijstSignalen(db: Executor, f: SignaalFilter): Promise<Array<{ seq: number; signaal: Signaal }>> {
  let q = db.selectFrom('signalen').selectAll().where('oin', '=', f.oin).where('product', '=', f.product)
  if (f.naSeq !== undefined) q = q.where('seq', '>', f.naSeq)
  if (f.soort) q = q.where('soort', '=', f.soort)
  if (f.status) q = q.where('status', '=', f.status)
  if (f.periode) {
    const { van, tot } = f.periode
    q = q.where('periode_van', '<=', tot).where((eb) => eb.or([eb('periode_tot', 'is', null), eb('periode_tot', '>=', van)]))
  }
  if (f.aangemaakt) q = q.where('aangemaakt', '>=', dagBeginNl(f.aangemaakt.van as Datum)).where('aangemaakt', '<', dagBeginNl(addDays(f.aangemaakt.tot as Datum, 1)))
  const rows = await q.orderBy('seq').limit(f.limiet).execute()
  return rows.map((r) => ({ seq: Number(r.seq), signaal: naarSignaal(r) }))
}

/** One signal of this afnemer, or undefined — also when it belongs to someone else (never reveal that). */
export async function vindSignaal(db: Executor, oin: string, id: string): Promise<Signaal | undefined> {
  const r = await db.selectFrom('signalen').selectAll().where('id', '=', id).where('oin', '=', oin).executeTakeFirst()
  return r ? naarSignaal(r) : undefined
}

/**
 * Records the afnemer's feedback once: the status becomes the outcome. A second terugmelding is a conflict, so an
 * outcome that others may already have counted (management information) is never silently overwritten.
 */
export async function meldTerug(tx: Executor, oin: string, id: string, t: Terugmelding): Promise<Signaal> {
  const res = await tx.updateTable('signalen')
    .set({ status: t.uitkomst, terugmelding: JSON.stringify(t) })
    .where('id', '=', id).where('oin', '=', oin).where('terugmelding', 'is', null)
    .executeTakeFirst()
  const signaal = await vindSignaal(tx, oin, id)
  if (!signaal) throw signaalOnbekend()
  if (Number(res.numUpdatedRows) === 0) throw new AppError('conflict', 'signaal.al-teruggemeld', 'voor dit signaal is al een terugmelding gedaan')
  return signaal
}

export const signaalOnbekend = () => new AppError('not-found', 'signaal.onbekend', 'signaal niet gevonden')
