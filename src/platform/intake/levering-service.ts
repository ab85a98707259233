import { createHash } from 'node:crypto'
import type { HubContext } from '../../adapters/http/hub-context.js'
import { AppError, newId, type TraceContext } from '../../core/index.js'
import { appendToOutbox } from '../events/index.js'
import { bewaarFeiten, type GelezenFeit, type OpslagContext } from './feit-opslag.js'
import type { BronFormaat, Lezing, RegelProbleem } from './formats/index.js'
import { leesRegels } from './regel-lezer.js'

/** One rejected line in a delivery report. */
export interface Afwijzing { readonly regel: number; readonly code: string; readonly reden: string }

/**
 * The answer to a delivery. It never says how many facts were stored: that would tell a source which of its
 * residents are in some gemeente's population.
 */
export interface LeveringAntwoord {
  readonly leveringId: string
  readonly aantalRegels: number
  readonly geaccepteerd: number
  readonly afgewezen: readonly Afwijzing[]
  /** Present (true) when more lines were rejected than the report lists. */
  readonly afgewezenAfgekapt?: boolean
}

export interface LeveringInvoer {
  readonly bron: string
  readonly formaat: BronFormaat
  readonly leveringId: string
  readonly oin: string
  readonly trace: TraceContext
  readonly inhoud: AsyncIterable<Buffer | string>
}

/** Reports list at most this many rejected lines; the count stays exact (`aantalRegels − geaccepteerd`). */
export const MAX_AFWIJZINGEN = 10_000
const BATCH = 2_000
const MAX_REGEL_BYTES = 64 * 1024

/**
 * Processes a CSV delivery as a stream: good lines are kept (data minimisation decides which are stored), bad lines
 * reported. Idempotent on (bron, Levering-Id): the same bytes again return the first answer (`herhaald`), other
 * bytes are a conflict. Facts are committed in batches; the delivery row and the `feiten.vastgelegd` event are
 * committed last, so consumers only hear of a complete delivery.
 */
export async function verwerkLevering(ctx: HubContext, invoer: LeveringInvoer): Promise<{ antwoord: LeveringAntwoord; herhaald: boolean }> {
  const db = ctx.database.db
  const bestaand = await db.selectFrom('leveringen').selectAll().where('bron', '=', invoer.bron).where('levering_id', '=', invoer.leveringId).executeTakeFirst()
  // An id is per source format; another organisation's delivery under the same id is not ours to repeat or reveal.
  if (bestaand && bestaand.oin !== invoer.oin)
    throw new AppError('conflict', 'levering.andere-inhoud', `Levering-Id ${invoer.leveringId} is al gebruikt; kies een nieuw Levering-Id`)
  if (bestaand?.status === 'verwerkt') {
    const hash = createHash('sha256')
    for await (const stuk of invoer.inhoud) hash.update(stuk)
    if (hash.digest('hex') !== bestaand.sha256)
      throw new AppError('conflict', 'levering.andere-inhoud', `levering ${invoer.leveringId} is al ontvangen met een andere inhoud; kies een nieuw Levering-Id`)
    return { antwoord: verslagVan(bestaand), herhaald: true }
  }
  if (bestaand?.status === 'in-behandeling')
    throw new AppError('conflict', 'levering.in-behandeling', `levering ${invoer.leveringId} wordt nog verwerkt; probeer het later opnieuw`)
  if (bestaand) await db.deleteFrom('leveringen').where('bron', '=', invoer.bron).where('levering_id', '=', invoer.leveringId).execute()
  await claim(ctx, invoer)
  try {
    const { antwoord, sha256, opgeslagen } = await leesEnBewaar(ctx, invoer)
    await db.transaction().execute(async (tx) => {
      await tx.updateTable('leveringen').set({
        sha256, status: 'verwerkt', aantal_regels: antwoord.aantalRegels, geaccepteerd: antwoord.geaccepteerd, opgeslagen,
        afgewezen: JSON.stringify(antwoord.afgewezen), verwerkt: ctx.clock.now().toISOString(),
      }).where('bron', '=', invoer.bron).where('levering_id', '=', invoer.leveringId).execute()
      if (opgeslagen > 0) await appendToOutbox(tx, ctx.clock, [{ type: 'knooppunt.feiten.vastgelegd.v1', data: { bron: invoer.bron, leveringId: invoer.leveringId, opgeslagen }, traceId: invoer.trace.traceId }])
    })
    ctx.bus.notify()
    return { antwoord, herhaald: false }
  } catch (e) {
    // A header error leaves nothing behind, so the source can send the corrected file under the same id.
    if (e instanceof AppError && e.code === 'levering.kop-ongeldig')
      await db.deleteFrom('leveringen').where('bron', '=', invoer.bron).where('levering_id', '=', invoer.leveringId).execute()
    else
      await db.updateTable('leveringen').set({ status: 'mislukt' }).where('bron', '=', invoer.bron).where('levering_id', '=', invoer.leveringId).execute()
    throw e
  }
}

/** Claims the id first: the primary key makes a second, concurrent upload with the same id fail here. */
async function claim(ctx: HubContext, invoer: LeveringInvoer): Promise<void> {
  try {
    await ctx.database.db.insertInto('leveringen').values({
      bron: invoer.bron, levering_id: invoer.leveringId, oin: invoer.oin, sha256: '', status: 'in-behandeling', aantal_regels: 0,
      geaccepteerd: 0, opgeslagen: 0, afgewezen: '[]', ontvangen: ctx.clock.now().toISOString(), verwerkt: null,
    }).execute()
  } catch {
    throw new AppError('conflict', 'levering.in-behandeling', `levering ${invoer.leveringId} wordt nog verwerkt; probeer het later opnieuw`)
  }
}

async function leesEnBewaar(ctx: HubContext, invoer: LeveringInvoer) {
  const hash = createHash('sha256')
  const opslag = opslagContext(ctx, invoer)
  const afgewezen: Afwijzing[] = []
  let [aantalRegels, geaccepteerd, aantalAfgewezen, opgeslagen] = [0, 0, 0, 0]
  let batch: GelezenFeit[] = []
  let kopGezien = false
  let lees = (velden: readonly string[]) => invoer.formaat.lees(velden)
  const wijs = (regel: number, code: string, reden: string) => { aantalAfgewezen++; if (afgewezen.length < MAX_AFWIJZINGEN) afgewezen.push({ regel, code, reden }) }
  const bewaar = async () => {
    const feiten = batch
    batch = []
    opgeslagen += await ctx.database.db.transaction().execute((tx) => bewaarFeiten(tx, { ...opslag, nu: ctx.clock.now() }, feiten))
  }
  for await (const regels of leesRegels(invoer.inhoud, { maxRegelBytes: MAX_REGEL_BYTES, perStuk: (s) => hash.update(s) })) {
    for (const r of regels) {
      if (r.nr === 1) { lees = controleerKop(invoer.formaat, r); kopGezien = true; continue }
      aantalRegels++
      if ('fout' in r) { wijs(r.nr, r.fout.code, r.fout.reden); continue }
      const l = lees(r.tekst.split(';'))
      if (l.ok) { geaccepteerd++; batch.push({ regel: r.nr, feit: l.feit }) } else {
        const reden = samenvatting(l.problemen)
        if (r.afgebroken) wijs(r.nr, 'afgebroken', `de laatste regel is afgebroken (geen regeleinde) en ongeldig: ${reden}`)
        else wijs(r.nr, l.problemen[0]!.code, reden)
      }
    }
    if (batch.length >= BATCH) await bewaar()
  }
  if (!kopGezien)
    throw new AppError('invalid', 'levering.kop-ongeldig', `de levering is leeg; verwacht de kopregel '${invoer.formaat.kolommen.join(';')}'`)
  await bewaar()
  const antwoord: LeveringAntwoord = { leveringId: invoer.leveringId, aantalRegels, geaccepteerd, afgewezen, ...(aantalAfgewezen > afgewezen.length ? { afgewezenAfgekapt: true } : {}) }
  return { antwoord, sha256: hash.digest('hex'), opgeslagen }
}

/** The header must be the format's (or an earlier version it still accepts); returns the line reader for it. */
function controleerKop(formaat: BronFormaat, r: { tekst: string } | { fout: unknown }): (velden: readonly string[]) => Lezing {
  const verwacht = formaat.kolommen.join(';')
  const lezer = 'tekst' in r ? formaat.lezerVoorKop(r.tekst) : undefined
  if (lezer) return lezer
  throw new AppError('invalid', 'levering.kop-ongeldig', `de kopregel moet precies '${verwacht}' zijn`,
    [{ name: 'regel 1', code: 'kop-ongeldig', reason: `verwacht '${verwacht}'` }])
}

export const samenvatting = (p: readonly RegelProbleem[]) => p.map((x) => x.reden).join('; ')

export function opslagContext(ctx: HubContext, invoer: Pick<LeveringInvoer, 'bron' | 'leveringId' | 'oin' | 'trace'>): OpslagContext {
  return { register: ctx.register, ledger: ctx.ledger, bron: invoer.bron, leveringId: invoer.leveringId, actorOin: invoer.oin, trace: invoer.trace, nu: ctx.clock.now(), gelogd: new Set() }
}

/** The stored report of a processed delivery, as first answered. */
export function verslagVan(row: { levering_id: string; aantal_regels: number; geaccepteerd: number; afgewezen: string }): LeveringAntwoord {
  const afgewezen = JSON.parse(row.afgewezen) as Afwijzing[]
  const afgekapt = row.aantal_regels - row.geaccepteerd > afgewezen.length
  return { leveringId: row.levering_id, aantalRegels: Number(row.aantal_regels), geaccepteerd: Number(row.geaccepteerd), afgewezen, ...(afgekapt ? { afgewezenAfgekapt: true } : {}) }
}

/**
 * The event path: one fact as JSON (field names as the CSV columns). Stored under levering id `event-<uuid>` so
 * matching reads it the same way as a file delivery. Bad input is a 400 naming every problem.
 */
export async function verwerkGebeurtenis(ctx: HubContext, invoer: Omit<LeveringInvoer, 'leveringId' | 'inhoud'> & { body: unknown }): Promise<LeveringAntwoord> {
  if (typeof invoer.body !== 'object' || invoer.body === null || Array.isArray(invoer.body))
    throw new AppError('invalid', 'levering.gebeurtenis-ongeldig', 'stuur één feit als JSON-object met de kolommen van het formaat als velden')
  const velden = invoer.body as Record<string, unknown>
  const onbekend = Object.keys(velden).filter((k) => !invoer.formaat.kolommen.includes(k))
  const l = invoer.formaat.lees(velden)
  const problemen = [...onbekend.map((k) => ({ name: k, code: 'veld-onbekend', reason: `onbekend veld; het formaat kent ${invoer.formaat.kolommen.join(', ')}` })),
    ...(l.ok ? [] : l.problemen.map((p) => ({ name: p.reden.split(':')[0]!, code: p.code, reason: p.reden })))]
  if (problemen.length || !l.ok) throw new AppError('invalid', 'levering.gebeurtenis-ongeldig', 'het feit is ongeldig', problemen)
  const leveringId = `event-${newId()}`
  const nu = ctx.clock.now()
  await ctx.database.db.transaction().execute(async (tx) => {
    const opgeslagen = await bewaarFeiten(tx, { ...opslagContext(ctx, { ...invoer, leveringId }), nu }, [{ regel: 1, feit: l.feit }])
    await tx.insertInto('leveringen').values({
      bron: invoer.bron, levering_id: leveringId, oin: invoer.oin, sha256: createHash('sha256').update(JSON.stringify(velden)).digest('hex'),
      status: 'verwerkt', aantal_regels: 1, geaccepteerd: 1, opgeslagen, afgewezen: '[]', ontvangen: nu.toISOString(), verwerkt: nu.toISOString(),
    }).execute()
    if (opgeslagen > 0) await appendToOutbox(tx, ctx.clock, [{ type: 'knooppunt.feiten.vastgelegd.v1', data: { bron: invoer.bron, leveringId, opgeslagen }, traceId: invoer.trace.traceId }])
  })
  ctx.bus.notify()
  return { leveringId, aantalRegels: 1, geaccepteerd: 1, afgewezen: [] }
}
