import { sql } from 'kysely'
import type { HubContext } from '../../adapters/http/hub-context.js'
import { datumVan } from '../../core/index.js'
import { ruimPortaalSessiesOp } from '../access/index.js'
import { productenMetBron, ruimPopulatieOp } from '../population/index.js'
import { ruimAfgebrokenLeveringenOp } from './levering-service.js'

export interface RetentieResultaat {
  readonly feitenVerwijderd: number; readonly populatieVerwijderd: number; readonly leveringenVerwijderd: number
  /** Deliveries left `in-behandeling` by a hub that stopped half-way, now marked broken off (their facts removed). */
  readonly leveringenAfgebroken: number
  /** Expired portal sessions (the portal refuses them already; this keeps the table small). */
  readonly sessiesVerwijderd: number
}

/** Delivery reports hold no BSN but grow with every event; they are kept as long as the longest fact retention. */
const LEVERINGEN_DAGEN = 548

/**
 * The retention job. First deliveries abandoned half-way (`ruimAfgebrokenLeveringenOp`); then population history
 * past the register's retention; then every fact past its `bewaren_tot` whose BSN no longer has an indication (not
 * replaced, overlapping the fact) in a product that reads its source. A fact still needed by an indication stays, whatever its date. Then delivery reports older than 18 months;
 * last, expired portal sessions.
 *
 * @example await runRetention(ctx, new Date('2027-01-01T00:00:00Z'))
 */
export async function runRetention(ctx: Pick<HubContext, 'database' | 'register'>, nu: Date): Promise<RetentieResultaat> {
  const db = ctx.database.db
  const leveringenAfgebroken = await ruimAfgebrokenLeveringenOp(ctx, nu)
  const populatieVerwijderd = await ruimPopulatieOp(db, ctx.register, nu)
  const vandaag = datumVan(nu)
  let feitenVerwijderd = 0
  const bronnen = await db.selectFrom('feiten').select('bron').distinct().execute()
  for (const { bron } of bronnen) {
    const producten = productenMetBron(ctx.register, bron)
    let q = db.deleteFrom('feiten').where('bron', '=', bron).where('bewaren_tot', '<', vandaag)
    if (producten.length) {
      q = q.where(({ not, exists, selectFrom }) => not(exists(selectFrom('populatie_regels as p').select(sql<number>`1`.as('een'))
        .whereRef('p.bsn', '=', 'feiten.bsn').where('p.product', 'in', producten).where('p.vervangen', 'is', null)
        .where((eb) => eb.or([eb('p.einddatum', 'is', null), eb('p.einddatum', '>=', eb.ref('feiten.geldig_van'))]))
        .where((eb) => eb.or([eb('feiten.geldig_tot', 'is', null), eb('p.ingangsdatum', '<=', eb.ref('feiten.geldig_tot'))])))))
    }
    feitenVerwijderd += Number((await q.executeTakeFirst()).numDeletedRows)
  }
  const grens = new Date(nu.getTime() - LEVERINGEN_DAGEN * 86_400_000).toISOString()
  const leveringenVerwijderd = Number((await db.deleteFrom('leveringen').where('ontvangen', '<', grens).where('status', '!=', 'in-behandeling').executeTakeFirst()).numDeletedRows)
  const sessiesVerwijderd = await ruimPortaalSessiesOp(db, nu)
  return { feitenVerwijderd, populatieVerwijderd, leveringenVerwijderd, leveringenAfgebroken, sessiesVerwijderd }
}

const UUR = 60 * 60 * 1000

/** Runs the retention job every `intervalMs` (default hourly) until stopped; a failed run is retried next time. */
export function startRetentie(ctx: HubContext, opties: { intervalMs?: number; log?: (e: unknown) => void } = {}): () => Promise<void> {
  let lopend: Promise<unknown> = Promise.resolve()
  const timer = setInterval(() => {
    lopend = runRetention(ctx, ctx.clock.now()).catch((e: unknown) => (opties.log ?? logFout)(e))
  }, opties.intervalMs ?? UUR)
  timer.unref()
  return async () => { clearInterval(timer); await lopend }
}

// Messages from the store never carry BSNs (parameters are bound), so the message alone is safe to print.
const logFout = (e: unknown) => process.stderr.write(`retentie mislukt: ${e instanceof Error ? e.message : String(e)}\n`)
