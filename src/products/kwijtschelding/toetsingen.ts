import { addDays, AppError, datumVan, isAppError, newId, newSpanId, type Bsn, type Cent, type Datum } from '../../core/index.js'
import type { HubContext } from '../../adapters/http/hub-context.js'
import { appendToOutbox } from '../../platform/events/index.js'
import { indicatiesVoor } from '../../platform/population/index.js'
import type { Tables } from '../../platform/tables.js'
import type { Transaction } from 'kysely'
import { kwsNormOp } from './kws-normen.js'
import type { KwsDb, KwsTables } from './kws-tables.js'
import { leesHuishoudFeiten, toetsHuishouden, type KwsToetsUitkomst } from './toets-huishouden.js'
import type { ToetsRegel } from './toetsing-invoer.js'
import { verlengingsAdvies } from './verlenging.js'

export const PRODUCT = 'kwijtschelding'
export const VERWERKINGSACTIVITEIT = 'kws.toetsen'
/** The register's retention for toetsingen (gegevensregister/kwijtschelding.json). */
export const BEWAARDAGEN = 548
/** A worker holds a toetsing this long per batch; a crashed worker's toetsing is taken over after it. */
const CLAIM_MS = 60_000
const BATCH = 50

export type ToetsingSoort = 'toetsing' | 'verlenging'

/** The result for one line of a toetsing, as stored and (after the output guard) delivered. */
export type KwsResultaat = { readonly regelnummer: number; readonly bsn?: string; readonly peildatum?: string; readonly status: 'wachtend' | 'gereed' | 'fout' }
  & Partial<Omit<KwsToetsUitkomst, 'aanslagCent'>> & {
    readonly aanslagCent?: number | undefined
    readonly advies?: string; readonly redenen?: readonly string[]
    readonly fout?: { readonly code: string; readonly detail: string; readonly invalidParams?: readonly unknown[] }
  }

export interface ToetsingOverzicht {
  readonly id: string
  readonly soort: ToetsingSoort
  readonly status: string
  readonly aantal: number
  readonly verwerkt: number
  readonly aangemaakt: string
  readonly gereed?: string | undefined
}

export const kwsDb = (ctx: HubContext): KwsDb => ctx.database.db.withTables<KwsTables>()
type KwsTx = Transaction<Tables & KwsTables>

/** Queues a toetsing: bad lines are stored at once with their error, the others wait for the worker. */
export async function maakToetsing(ctx: HubContext, oin: string, soort: ToetsingSoort, regels: readonly ToetsRegel[], traceId: string): Promise<string> {
  const id = newId()
  const nu = ctx.clock.now()
  const fout = regels.filter((r) => 'fout' in r).length
  await kwsDb(ctx).transaction().execute(async (tx) => {
    await tx.insertInto('kws_toetsingen').values({
      id, oin, soort, status: 'wachtend', aantal: regels.length, verwerkt: fout, aangemaakt: nu.toISOString(), gereed: null,
      geclaimd_tot: null, trace_id: traceId, bewaren_tot: addDays(datumVan(nu), BEWAARDAGEN),
    }).execute()
    const rows = regels.map((r) => 'fout' in r
      ? { toetsing_id: id, regel: r.regel, bsn: '', peildatum: '', aanslag_cent: null, status: 'fout', resultaat: JSON.stringify(foutResultaat(soort, r.fout)) }
      : { toetsing_id: id, regel: r.regel, bsn: r.bsn, peildatum: r.peildatum, aanslag_cent: r.aanslagCent ?? null, status: 'wachtend', resultaat: null })
    for (let i = 0; i < rows.length; i += 400) await tx.insertInto('kws_toetsing_regels').values(rows.slice(i, i + 400)).execute()
  })
  return id
}

function foutResultaat(soort: ToetsingSoort, fout: { code: string; detail: string; invalidParams?: readonly unknown[] }) {
  const f = { code: fout.code, detail: fout.detail, ...(fout.invalidParams?.length ? { invalidParams: fout.invalidParams } : {}) }
  return soort === 'verlenging' ? { fout: f, ...verlengingsAdvies(undefined) } : { fout: f }
}

/** The overview of a toetsing of this organisation; 404 for another organisation's id (its existence is not told). */
export async function toetsingVan(ctx: HubContext, oin: string, id: string): Promise<ToetsingOverzicht> {
  const r = await kwsDb(ctx).selectFrom('kws_toetsingen').selectAll().where('id', '=', id).where('oin', '=', oin).executeTakeFirst()
  if (!r) throw new AppError('not-found', 'kwijtschelding.toetsing-onbekend', 'deze toetsing bestaat niet (of hoort bij een andere organisatie)')
  return { id: r.id, soort: r.soort, status: r.status, aantal: r.aantal, verwerkt: r.verwerkt, aangemaakt: r.aangemaakt, ...(r.gereed ? { gereed: r.gereed } : {}) }
}

/** Every line's result, in line order (lines still waiting have only their status). */
export async function resultatenVan(ctx: HubContext, id: string): Promise<KwsResultaat[]> {
  const rows = await kwsDb(ctx).selectFrom('kws_toetsing_regels').selectAll().where('toetsing_id', '=', id).orderBy('regel').execute()
  return rows.map((r) => ({
    regelnummer: r.regel, ...(r.bsn ? { bsn: r.bsn, peildatum: r.peildatum } : {}), status: r.status as KwsResultaat['status'],
    ...(r.resultaat ? (JSON.parse(r.resultaat) as object) : {}),
  }))
}

/** Runs the check for one line; a known error (no BRP facts, no norms, a peildatum without parameters) is its result. */
async function toetsRegel(ctx: HubContext, oin: string, soort: ToetsingSoort, r: { bsn: string; peildatum: string; aanslag_cent: number | null }): Promise<{ status: 'gereed' | 'fout'; resultaat: object }> {
  try {
    const peildatum = r.peildatum as Datum
    // An afnemer only ever sees residents it has indicated: facts kept for another organisation's population are
    // not this organisation's to use.
    if (!(await inEigenPopulatie(ctx, oin, r.bsn)))
      throw new AppError('forbidden', 'kwijtschelding.niet-in-populatie', 'deze BSN staat niet in de kwijtscheldingspopulatie van uw organisatie, dus de hub toetst hem niet (Knooppunt bewaart geen landelijke kopie van de bronnen); voeg de BSN toe met POST /api/v1/populaties/kwijtschelding/mutaties en toets opnieuw na de volgende levering van de bronnen')
    const norm = await kwsNormOp(kwsDb(ctx), oin, peildatum)
    const feiten = await leesHuishoudFeiten(ctx.database.db, r.bsn as Bsn)
    const u = toetsHuishouden(feiten, peildatum, norm, r.aanslag_cent === null ? undefined : (Number(r.aanslag_cent) as Cent))
    return { status: 'gereed', resultaat: soort === 'verlenging' ? { ...u, ...verlengingsAdvies(u) } : u }
  } catch (e) {
    if (!isAppError(e) || e.kind === 'internal' || e.kind === 'unavailable') throw e
    const detail = e.code === 'kwijtschelding.geen-brp-gegevens' ? GEEN_GEGEVENS_UITLEG : e.message
    return { status: 'fout', resultaat: foutResultaat(soort, { code: e.code, detail, invalidParams: e.invalidParams }) }
  }
}

/**
 * Why the hub has no data about this BSN. It keeps no national copy of the sources: only facts about residents in
 * some population (docs/api/kwijtschelding.md, "Welke gegevens de hub heeft"). The gemeente gets told which of the
 * two cases it is, and what to do, instead of a bare "no BRP facts".
 */
const GEEN_GEGEVENS_UITLEG = 'deze BSN staat in de kwijtscheldingspopulatie van uw organisatie, maar de hub heeft nog geen gegevens uit de BRP voor deze persoon: de bronnen leveren alleen over wie al in een populatie staat; toets opnieuw na hun volgende levering'

/** Whether the organisation has a current kwijtschelding indication for this BSN (an ended one does not count). */
async function inEigenPopulatie(ctx: HubContext, oin: string, bsn: string): Promise<boolean> {
  const vandaag = datumVan(ctx.clock.now())
  return (await indicatiesVoor(ctx.database.db, PRODUCT, [bsn])).some((i) => i.oin === oin && (i.einddatum === null || i.einddatum >= vandaag))
}

/**
 * Takes the oldest toetsing that is waiting (or whose worker stopped holding it), and checks up to `BATCH` of its lines:
 * results, ledger lines (one per BSN) and progress in one transaction. When no line is left it marks the toetsing
 * `gereed` and emits `knooppunt.kwijtschelding.toetsing-gereed.v1`. Returns false when there was nothing to do.
 */
export async function verwerkVolgendeBatch(ctx: HubContext): Promise<boolean> {
  const db = kwsDb(ctx)
  const nu = ctx.clock.now()
  const kandidaat = await db.selectFrom('kws_toetsingen').select(['id', 'oin', 'soort', 'trace_id', 'geclaimd_tot']).where('status', 'in', ['wachtend', 'bezig'])
    .where((eb) => eb.or([eb('geclaimd_tot', 'is', null), eb('geclaimd_tot', '<', nu.toISOString())])).orderBy('aangemaakt').limit(1).executeTakeFirst()
  if (!kandidaat) return false
  const claim = new Date(nu.getTime() + CLAIM_MS).toISOString()
  const genomen = await db.updateTable('kws_toetsingen').set({ status: 'bezig', geclaimd_tot: claim }).where('id', '=', kandidaat.id)
    .where((eb) => kandidaat.geclaimd_tot === null ? eb('geclaimd_tot', 'is', null) : eb('geclaimd_tot', '=', kandidaat.geclaimd_tot)).executeTakeFirst()
  if (Number(genomen.numUpdatedRows) !== 1) return true // another worker took it; look again
  const regels = await db.selectFrom('kws_toetsing_regels').select(['regel', 'bsn', 'peildatum', 'aanslag_cent']).where('toetsing_id', '=', kandidaat.id)
    .where('status', '=', 'wachtend').orderBy('regel').limit(BATCH).execute()
  const soort = kandidaat.soort as ToetsingSoort
  const uitkomsten: Array<{ r: (typeof regels)[number]; status: 'gereed' | 'fout'; resultaat: object }> = []
  for (const r of regels) uitkomsten.push({ r, ...(await toetsRegel(ctx, kandidaat.oin, soort, r)) })
  await db.transaction().execute(async (tx) => {
    for (const u of uitkomsten) {
      await tx.updateTable('kws_toetsing_regels').set({ status: u.status, resultaat: JSON.stringify(u.resultaat) })
        .where('toetsing_id', '=', kandidaat.id).where('regel', '=', u.r.regel).execute()
    }
    await ctx.ledger.record(tx as unknown as Transaction<Tables>, uitkomsten.map((u) => ({
      trace: { traceId: kandidaat.trace_id, spanId: newSpanId() }, activiteit: soort === 'verlenging' ? 'kwijtschelding-verlenging' : 'kwijtschelding-toetsen',
      verwerkingsactiviteit: VERWERKINGSACTIVITEIT, product: PRODUCT, betrokkene: u.r.bsn as Bsn, actorOin: kandidaat.oin, status: u.status === 'gereed' ? 'ok' as const : 'fout' as const,
    })))
    await tx.updateTable('kws_toetsingen').set((eb) => ({ verwerkt: eb('verwerkt', '+', uitkomsten.length) })).where('id', '=', kandidaat.id).execute()
    if (regels.length < BATCH) await rondAf(ctx, tx, kandidaat.id, kandidaat.oin, kandidaat.trace_id)
    else await tx.updateTable('kws_toetsingen').set({ geclaimd_tot: null }).where('id', '=', kandidaat.id).execute()
  })
  if (uitkomsten.length) ctx.metrics.ledgerLines.inc({ product: PRODUCT }, uitkomsten.length)
  if (regels.length < BATCH) ctx.bus.notify()
  return true
}

async function rondAf(ctx: HubContext, tx: KwsTx, id: string, oin: string, traceId: string): Promise<void> {
  await tx.updateTable('kws_toetsingen').set({ status: 'gereed', gereed: ctx.clock.now().toISOString(), geclaimd_tot: null }).where('id', '=', id).execute()
  await appendToOutbox(tx as unknown as Transaction<Tables>, ctx.clock, [{ type: 'knooppunt.kwijtschelding.toetsing-gereed.v1', data: { toetsingId: id, oin }, traceId }])
}

/** Deletes toetsingen (and their results) whose retention date has passed. Returns how many toetsingen went. */
export async function runKwsRetention(ctx: HubContext, now: Date): Promise<number> {
  const vandaag = datumVan(now)
  return kwsDb(ctx).transaction().execute(async (tx) => {
    const oud = await tx.selectFrom('kws_toetsingen').select('id').where('bewaren_tot', '<', vandaag).execute()
    const ids = oud.map((r) => r.id)
    for (let i = 0; i < ids.length; i += 400) {
      const deel = ids.slice(i, i + 400)
      await tx.deleteFrom('kws_toetsing_regels').where('toetsing_id', 'in', deel).execute()
      await tx.deleteFrom('kws_toetsingen').where('id', 'in', deel).execute()
    }
    return ids.length
  })
}
