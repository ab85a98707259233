import type { Executor } from '../tables.js'

/**
 * Deletes portal sessions whose expiry has passed (table `portaal_sessies`, written by the portal's session store).
 * A session past its expiry is refused anyway; this only keeps the table small. Returns the number deleted.
 */
export async function ruimPortaalSessiesOp(db: Executor, nu: Date): Promise<number> {
  const r = await db.deleteFrom('portaal_sessies').where('verloopt', '<=', nu.toISOString()).executeTakeFirst()
  return Number(r.numDeletedRows)
}
