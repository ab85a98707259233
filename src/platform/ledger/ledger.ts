import { createHash } from 'node:crypto'
import { AppError, newOrderedId, type Bsn, type Clock, type TraceContext } from '../../core/index.js'
import { insertRowsNa } from '../../adapters/store/bulk-insert.js'
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
  | { readonly ok: false; readonly lines: number; readonly seq: number; readonly problem: 'gewijzigd' | 'ontbreekt' | 'kop-klopt-niet' }

export interface Ledger {
  /** Appends lines inside the caller's transaction: if the ledger write fails, the processing fails with it. */
  record(tx: Executor, lines: readonly Verwerking[]): Promise<void>
  /** Every line about one BSN, newest first. */
  inzage(bsn: Bsn, opts?: { limit?: number }): Promise<LedgerLine[]>
  /** Recomputes the hash chain; reports the first altered or missing line. */
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

  async function record(tx: Executor, lines: readonly Verwerking[]): Promise<void> {
    if (lines.length === 0) return
    try {
      await append(tx, lines)
    } catch (e) {
      // Fail closed, and say so: the caller's transaction rolls back and the client gets a 503 naming the ledger.
      throw ledgerUnavailable(e)
    }
  }

  async function append(tx: Executor, lines: readonly Verwerking[]): Promise<void> {
    // Lock the head row first (an UPDATE takes a row lock in PostgreSQL and the write lock in SQLite), so
    // concurrent appenders line up and the chain never forks; the lock is held until the caller commits. Every round
    // trip from here on is paid by every other writer of ledger lines, who waits: the lock returns the head at once,
    // and the lines and the new head go in as one statement.
    const head = await tx.updateTable('ledger_kop').set((eb) => ({ seq: eb.ref('seq') })).where('id', '=', 1)
      .returning(['seq', 'hash']).executeTakeFirstOrThrow()
    let seq = Number(head.seq)
    let prev = head.hash
    const end = clock.now().toISOString()
    const rows: LedgerRow[] = lines.map((l) => {
      seq += 1
      const base = {
        seq, id: newOrderedId(), trace_id: l.trace.traceId, span_id: l.trace.spanId, parent_span_id: l.trace.parentSpanId ?? null,
        activiteit: l.activiteit, verwerkingsactiviteit: l.verwerkingsactiviteit, product: l.product,
        betrokkene_ref: keyring.ref('ledger-ref', l.betrokkene),
        betrokkene_versleuteld: keyring.encrypt('ledger-enc', l.betrokkene),
        actor_oin: l.actorOin, gestart: (l.gestart ?? clock.now()).toISOString(), beeindigd: end, status: l.status ?? 'ok',
      }
      const hash = lineHash(prev, base)
      const row: LedgerRow = { ...base, vorige_hash: prev, hash }
      prev = hash
      return row
    })
    await insertRowsNa(tx, tx.updateTable('ledger_kop').set({ seq, hash: prev }).where('id', '=', 1).compile(), 'ledger', LEDGER_KOLOMMEN, rows)
  }

  return {
    record,

    async inzage(bsn, opts = {}) {
      const rows = await db.selectFrom('ledger').selectAll().where('betrokkene_ref', '=', keyring.ref('ledger-ref', bsn))
        .orderBy('seq', 'desc').limit(opts.limit ?? 10_000).execute()
      // Decrypting proves the ref did not collide; a line whose ciphertext does not open is not shown as theirs.
      return rows.filter((r) => safeDecrypt(keyring, r.betrokkene_versleuteld) === bsn).map(toLine)
    },

    async verify(onProgress) {
      const head = await db.selectFrom('ledger_kop').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirstOrThrow()
      const total = Number(head.seq)
      let prev = GENESIS
      let expectedSeq = 1
      let after = 0
      for (;;) {
        const batch = await db.selectFrom('ledger').selectAll().where('seq', '>', after).orderBy('seq').limit(5000).execute()
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
      return { ok: true, lines }
    },

    async count() {
      const r = await db.selectFrom('ledger_kop').select('seq').where('id', '=', 1).executeTakeFirstOrThrow()
      return Number(r.seq)
    },
  }
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
