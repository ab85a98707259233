import { createHash } from 'node:crypto'
import { PostgresAdapter, sql } from 'kysely'
import { AppError, newOrderedId, type Bsn, type Clock, type TraceContext } from '../../core/index.js'
import { ALS_MAX_RIJEN, insertRowsAls, insertRowsNa } from '../../adapters/store/bulk-insert.js'
import type { Keyring } from '../keyring/index.js'
import type { Db, Executor } from '../tables.js'
import type { LedgerRow } from './ledger-tables.js'

export type LedgerStatus = 'ok' | 'fout'

/** One processing of one data subject's personal data (Logboek Dataverwerkingen). */
export interface Verwerking {
  readonly trace: TraceContext & { readonly parentSpanId?: string | undefined }
  /** What happened, e.g. `levering-verwerken`, `signaal-lezen`, `inzage`. */
  readonly activiteit: string
  /** The processing activity in the gegevensregister this falls under, e.g. `samenloop.signaleren`. */
  readonly verwerkingsactiviteit: string
  readonly product: string
  readonly betrokkene: Bsn
  /** The organisation on whose behalf the processing happens. */
  readonly actorOin: string
  readonly gestart?: Date | undefined
  readonly status?: LedgerStatus | undefined
}

export interface LedgerLine {
  readonly seq: number
  readonly id: string
  readonly traceId: string
  readonly spanId: string
  readonly parentSpanId?: string | undefined
  readonly activiteit: string
  readonly verwerkingsactiviteit: string
  readonly product: string
  readonly actorOin: string
  readonly gestart: string
  readonly beeindigd: string
  readonly status: LedgerStatus
}

export type VerifyResult =
  | { readonly ok: true; readonly lines: number }
  | { readonly ok: false; readonly lines: number; readonly seq: number; readonly problem: 'gewijzigd' | 'ontbreekt' | 'kop-klopt-niet' | 'na-kop' }

export interface Ledger {
  /** Appends lines inside the caller's transaction: if the ledger write fails, the processing fails with it. */
  record(tx: Executor, lines: readonly Verwerking[]): Promise<void>
  /** Every line about one BSN, newest first. */
  inzage(bsn: Bsn, opts?: { limit?: number }): Promise<LedgerLine[]>
  /**
   * Recomputes the hash chain up to the head as it is when called (lines appended meanwhile are left for the next
   * run); reports the first altered or missing line, a head that does not match, or lines beyond the head.
   */
  verify(onProgress?: (done: number, total: number) => void): Promise<VerifyResult>
  count(): Promise<number>
}

const GENESIS = '0'.repeat(64)
const LEDGER_KOLOMMEN = ['seq', 'id', 'trace_id', 'span_id', 'parent_span_id', 'activiteit', 'verwerkingsactiviteit', 'product',
  'betrokkene_ref', 'betrokkene_versleuteld', 'actor_oin', 'gestart', 'beeindigd', 'status', 'vorige_hash', 'hash'] as const satisfies ReadonlyArray<keyof LedgerRow>

/** The hash covers every stored field and the previous hash, so editing, deleting or reordering a line shows. */
export function lineHash(prev: string, r: Omit<LedgerRow, 'seq' | 'hash' | 'vorige_hash'> & { seq: number }): string {
  const canonical = JSON.stringify([
    r.seq, r.id, r.trace_id, r.span_id, r.parent_span_id, r.activiteit, r.verwerkingsactiviteit, r.product,
    r.betrokkene_ref, r.betrokkene_versleuteld, r.actor_oin, r.gestart, r.beeindigd, r.status,
  ])
  return createHash('sha256').update(prev).update('\n').update(canonical).digest('hex')
}

export function createLedger(deps: { db: Db; clock: Clock; keyring: Keyring }): Ledger {
  const { db, clock, keyring } = deps
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter
  /**
   * PostgreSQL: the head as this instance's last append left it (committed or not — that is not known here). An
   * append builds on it and, in one statement, takes the head's lock (waiting like any update), moves the head only
   * if it is still that one, and inserts its lines only then: one round trip while every other writer of ledger
   * lines waits, instead of two. If another instance appended meanwhile, or an append of ours rolled back, nothing
   * is written and the append goes the ordinary way (lock and read the head, then write).
   */
  let kop: Kop | undefined
  /**
   * Appends of this instance take their turn at the head in the order they build on each other: the next one sends
   * its statement only when the previous one has the lock (or has failed), so they reach PostgreSQL in that order and
   * one miss does not make every append queued behind it miss as well. A transaction that holds the head already (a
   * second append in it) does not queue: waiting here for an append that waits for our commit would never end. And
   * no append waits here longer than `BEURT_MAX_MS`: a wait the database cannot see must not be able to close a
   * circle of waits it would otherwise detect; after that the append goes ahead (at worst it misses, see above).
   */
  let beurt: Promise<void> = Promise.resolve()
  const houdtKop = new WeakSet<Executor>()

  async function record(tx: Executor, lines: readonly Verwerking[]): Promise<void> {
    if (lines.length === 0) return
    try {
      await append(tx, lines)
    } catch (e) {
      kop = undefined
      // Fail closed, and say so: the caller's transaction rolls back and the client gets a 503 naming the ledger.
      throw ledgerUnavailable(e)
    }
  }

  async function append(tx: Executor, lines: readonly Verwerking[]): Promise<void> {
    const end = clock.now().toISOString()
    const velden: LineVelden[] = lines.map((l) => ({
      id: newOrderedId(), trace_id: l.trace.traceId, span_id: l.trace.spanId, parent_span_id: l.trace.parentSpanId ?? null,
      activiteit: l.activiteit, verwerkingsactiviteit: l.verwerkingsactiviteit, product: l.product,
      betrokkene_ref: keyring.ref('ledger-ref', l.betrokkene),
      betrokkene_versleuteld: keyring.encrypt('ledger-enc', l.betrokkene),
      actor_oin: l.actorOin, gestart: (l.gestart ?? clock.now()).toISOString(), beeindigd: end, status: l.status ?? 'ok',
    }))
    if (!postgres) return appendLocked(tx, velden)
    if (houdtKop.has(tx)) return appendLocked(tx, velden)
    const vorige = beurt
    let klaar!: () => void
    beurt = new Promise((r) => { klaar = r })
    let timer: NodeJS.Timeout | undefined
    await Promise.race([vorige, new Promise<void>((r) => { timer = setTimeout(r, BEURT_MAX_MS) })])
    clearTimeout(timer)
    try {
      const verwacht = kop
      if (verwacht && velden.length <= ALS_MAX_RIJEN) {
        const { rows, head } = keten(verwacht, velden)
        kop = head
        // Takes the lock (waiting like any update), and moves the head only if it is the one these lines follow. The
        // check is in SET, not WHERE: a WHERE is tested against the row as it was when the statement began, so an
        // expected head that a waited-for transaction was about to commit would never match.
        const isVerwacht = sql<boolean>`seq = ${verwacht.seq} and hash = ${verwacht.hash}`
        const moved = tx.updateTable('ledger_kop')
          .set({ seq: sql<number>`case when ${isVerwacht} then ${head.seq} else seq end`, hash: sql<string>`case when ${isVerwacht} then ${head.hash} else hash end` })
          .where('id', '=', 1).returning(sql<boolean>`seq = ${head.seq} and hash = ${head.hash}`.as('doorgaan')).compile()
        if ((await insertRowsAls(tx, moved, 'ledger', LEDGER_KOLOMMEN, rows)) === rows.length) { houdtKop.add(tx); return }
      }
      await appendLocked(tx, velden)
      houdtKop.add(tx)
    } finally {
      klaar()
    }
  }

  async function appendLocked(tx: Executor, velden: readonly LineVelden[]): Promise<void> {
    // Lock the head row first (an UPDATE takes a row lock in PostgreSQL and the write lock in SQLite), so
    // concurrent appenders line up and the chain never forks; the lock is held until the caller commits. The lock
    // returns the head at once, and the lines and the new head go in as one statement.
    const locked = await tx.updateTable('ledger_kop').set((eb) => ({ seq: eb.ref('seq') })).where('id', '=', 1)
      .returning(['seq', 'hash']).executeTakeFirstOrThrow()
    const { rows, head } = keten({ seq: Number(locked.seq), hash: locked.hash }, velden)
    await insertRowsNa(tx, tx.updateTable('ledger_kop').set({ seq: head.seq, hash: head.hash }).where('id', '=', 1).compile(), 'ledger', LEDGER_KOLOMMEN, rows)
    kop = head
  }

  return {
    record,

    async inzage(bsn, opts = {}) {
      const ref = keyring.ref('ledger-ref', bsn)
      // The index holds the reference's first 16 characters (migration 0012); the whole reference is compared after.
      const rows = await db.selectFrom('ledger').selectAll().where(sql<string>`substr(betrokkene_ref, 1, 16)`, '=', ref.slice(0, 16))
        .where('betrokkene_ref', '=', ref).orderBy('seq', 'desc').limit(opts.limit ?? 10_000).execute()
      // Decrypting proves the ref did not collide; a line whose ciphertext does not open is not shown as theirs.
      return rows.filter((r) => safeDecrypt(keyring, r.betrokkene_versleuteld) === bsn).map(toLine)
    },

    async verify(onProgress) {
      // The chain up to the head as read now: a running hub goes on appending meanwhile, and those lines (committed
      // together with a newer head) are the next verification's. Lines beyond a head that did not move are not.
      const head = await db.selectFrom('ledger_kop').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirstOrThrow()
      const total = Number(head.seq)
      let prev = GENESIS
      let expectedSeq = 1
      let after = 0
      for (;;) {
        const batch = await db.selectFrom('ledger').selectAll().where('seq', '>', after).where('seq', '<=', total).orderBy('seq').limit(5000).execute()
        if (batch.length === 0) break
        for (const r of batch) {
          const seq = Number(r.seq)
          if (seq !== expectedSeq) return { ok: false, lines: expectedSeq - 1, seq: expectedSeq, problem: 'ontbreekt' }
          if (r.vorige_hash !== prev || lineHash(prev, { ...r, seq }) !== r.hash) return { ok: false, lines: seq - 1, seq, problem: 'gewijzigd' }
          prev = r.hash
          expectedSeq += 1
        }
        after = Number(batch[batch.length - 1]!.seq)
        onProgress?.(after, total)
      }
      const lines = expectedSeq - 1
      if (lines !== total) return { ok: false, lines, seq: lines + 1, problem: 'ontbreekt' }
      if (prev !== head.hash) return { ok: false, lines, seq: lines, problem: 'kop-klopt-niet' }
      // A line beyond the head is either a newer append (the head has moved past it by now) or one written around the
      // ledger: the head is read after the line, so a line committed with its head is never mistaken for the latter.
      const laatste = await db.selectFrom('ledger').select('seq').orderBy('seq', 'desc').limit(1).executeTakeFirst()
      if (laatste && Number(laatste.seq) > total) {
        const nu = await db.selectFrom('ledger_kop').select('seq').where('id', '=', 1).executeTakeFirstOrThrow()
        if (Number(laatste.seq) > Number(nu.seq)) return { ok: false, lines, seq: Number(nu.seq) + 1, problem: 'na-kop' }
      }
      return { ok: true, lines }
    },

    async count() {
      const r = await db.selectFrom('ledger_kop').select('seq').where('id', '=', 1).executeTakeFirstOrThrow()
      return Number(r.seq)
    },
  }
}

/** Longest wait for the previous append's turn at the head (see `beurt`). */
const BEURT_MAX_MS = 250

interface Kop { readonly seq: number; readonly hash: string }
type LineVelden = Omit<LedgerRow, 'seq' | 'hash' | 'vorige_hash'>

/** The lines as the next ones after `kop`: their seq and hash chain, and the head after them. */
function keten(kop: Kop, velden: readonly LineVelden[]): { rows: LedgerRow[]; head: Kop } {
  let seq = kop.seq
  let prev = kop.hash
  const rows = velden.map((v): LedgerRow => {
    seq += 1
    // One object of a fixed shape per line (no spreads): millions of lines in a batch run.
    const row: LedgerRow = {
      seq, id: v.id, trace_id: v.trace_id, span_id: v.span_id, parent_span_id: v.parent_span_id, activiteit: v.activiteit,
      verwerkingsactiviteit: v.verwerkingsactiviteit, product: v.product, betrokkene_ref: v.betrokkene_ref,
      betrokkene_versleuteld: v.betrokkene_versleuteld, actor_oin: v.actor_oin, gestart: v.gestart, beeindigd: v.beeindigd,
      status: v.status, vorige_hash: prev, hash: '',
    }
    row.hash = lineHash(prev, row)
    prev = row.hash
    return row
  })
  return { rows, head: { seq, hash: prev } }
}

function safeDecrypt(keyring: Keyring, sealed: string): string | undefined {
  try { return keyring.decrypt('ledger-enc', sealed) } catch { return undefined }
}

function toLine(r: LedgerRow): LedgerLine {
  return {
    seq: Number(r.seq), id: r.id, traceId: r.trace_id, spanId: r.span_id, parentSpanId: r.parent_span_id ?? undefined,
    activiteit: r.activiteit, verwerkingsactiviteit: r.verwerkingsactiviteit, product: r.product, actorOin: r.actor_oin,
    gestart: r.gestart, beeindigd: r.beeindigd, status: r.status as LedgerStatus,
  }
}

/** Thrown by callers that must fail closed when the ledger cannot be written. */
export const ledgerUnavailable = (cause: unknown) =>
  new AppError('unavailable', 'logboek.niet-beschikbaar', `verwerking geweigerd: het logboek kon niet worden geschreven (${(cause as Error)?.message ?? 'onbekend'})`)
