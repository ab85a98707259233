import { createHash, randomBytes } from 'node:crypto'
import type { Clock } from '../../../core/index.js'
import type { Executor } from '../../../platform/tables.js'

/** What the hub remembers about a logged-in browser. Only the user id: roles and products are re-read per request. */
export interface PortalSession {
  readonly id: string
  readonly gebruikerId: string
  readonly aangemaakt: number
  readonly laatstGezien: number
}

export interface SessionStoreOptions {
  /** The hub's store: sessions live in `portaal_sessies`, so they survive a restart. */
  readonly db: Executor
  readonly clock: Clock
  /** Ends a session that has not been used for this long (default 30 minutes). */
  readonly idleSeconds?: number
  /** Ends every session after this long, used or not (default 10 hours: one working day). */
  readonly absoluteSeconds?: number
}

export interface SessionStore {
  create(gebruikerId: string): Promise<PortalSession>
  /** The live session with this id, its idle timer restarted; undefined when unknown or expired (an expired row is deleted). */
  touch(id: string): Promise<PortalSession | undefined>
  destroy(id: string): Promise<void>
}

/**
 * Restarting the idle timer writes a row; within this many milliseconds of the last write it is not rewritten, so a
 * page that makes ten API calls costs one write, not ten. The idle limit is thereby at most this much shorter.
 */
const SCHRIJF_INTERVAL_MS = 60_000

/** SHA-256 of the session id: the key in the table. The id (256 random bits) is in the sealed cookie only. */
export const sessieHash = (id: string): string => createHash('sha256').update(id).digest('hex')

/**
 * Portal sessions in the database. Session ids are 256-bit random values; the cookie carries them sealed, so a
 * guessed or altered cookie never reaches the table, and the table holds only their hashes. A session ends at
 * logout (row deleted), when idle too long, or at its absolute limit; the retention job deletes expired rows.
 */
export function createSessionStore(o: SessionStoreOptions): SessionStore {
  const idleMs = (o.idleSeconds ?? 30 * 60) * 1000
  const absoluteMs = (o.absoluteSeconds ?? 10 * 60 * 60) * 1000
  const iso = (t: number) => new Date(t).toISOString()
  const verloopt = (aangemaakt: number, laatstGezien: number) => iso(Math.min(laatstGezien + idleMs, aangemaakt + absoluteMs))

  return {
    async create(gebruikerId) {
      const t = o.clock.now().getTime()
      const s: PortalSession = { id: randomBytes(32).toString('base64url'), gebruikerId, aangemaakt: t, laatstGezien: t }
      await o.db.insertInto('portaal_sessies').values({
        id_hash: sessieHash(s.id), gebruiker_id: gebruikerId, aangemaakt: iso(t), laatst_gezien: iso(t), verloopt: verloopt(t, t),
      }).execute()
      return s
    },
    async touch(id) {
      const hash = sessieHash(id)
      const row = await o.db.selectFrom('portaal_sessies').selectAll().where('id_hash', '=', hash).executeTakeFirst()
      if (!row) return undefined
      const t = o.clock.now().getTime()
      const aangemaakt = Date.parse(row.aangemaakt)
      const laatst = Date.parse(row.laatst_gezien)
      if (t >= Date.parse(row.verloopt)) {
        await o.db.deleteFrom('portaal_sessies').where('id_hash', '=', hash).execute()
        return undefined
      }
      if (t - laatst < SCHRIJF_INTERVAL_MS) return { id, gebruikerId: row.gebruiker_id, aangemaakt, laatstGezien: laatst }
      await o.db.updateTable('portaal_sessies').set({ laatst_gezien: iso(t), verloopt: verloopt(aangemaakt, t) }).where('id_hash', '=', hash).execute()
      return { id, gebruikerId: row.gebruiker_id, aangemaakt, laatstGezien: t }
    },
    async destroy(id) {
      await o.db.deleteFrom('portaal_sessies').where('id_hash', '=', sessieHash(id)).execute()
    },
  }
}
