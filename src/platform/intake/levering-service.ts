import { createHash } from 'node:crypto'
import type { UpdateQueryBuilder, UpdateResult } from 'kysely'
import type { HubContext } from '../../adapters/http/hub-context.js'
import { AppError, newId, type TraceContext } from '../../core/index.js'
import { appendToOutbox } from '../events/index.js'
import { insertRows } from '../../adapters/store/bulk-insert.js'
import { tabelGegroeid } from '../../adapters/store/statistiek.js'
import type { Verwerking } from '../ledger/index.js'
import type { Executor, Tables } from '../tables.js'
import { bewaarFeiten, bewaarFeitenVanLeveringen, type GelezenFeit, type OpslagContext } from './feit-opslag.js'
import type { BronFeit, BronFormaat, Lezing, RegelProbleem } from './formats/index.js'
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
 *
 * A delivery that breaks off (the upload stops, a batch fails, or the hub stops half-way and leaves it
 * `in-behandeling` without a sign of life for `VERLATEN_NA_MS`) leaves no facts behind: they were never announced, so
 * keeping them would make a later delivery of the same lines look like a repeat and never reach matching. Its id
 * may then be used again.
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
  if (bestaand?.status === 'in-behandeling' && !verlaten(bestaand, ctx.clock.now()))
    throw new AppError('conflict', 'levering.in-behandeling', `levering ${invoer.leveringId} wordt nog verwerkt; probeer het later opnieuw`)
  if (bestaand) {
    // Broken off (or abandoned): its facts go, then its row — only if no other upload took the id over meanwhile.
    if (bestaand.status === 'in-behandeling') await breekAf(ctx, invoer.bron, invoer.leveringId, bestaand.ontvangen)
    await verwijderFeitenVan(db, invoer.bron, invoer.leveringId)
    const weg = await db.deleteFrom('leveringen').where('bron', '=', invoer.bron).where('levering_id', '=', invoer.leveringId)
      .where('ontvangen', '=', bestaand.ontvangen).where('status', '=', 'mislukt').executeTakeFirst()
    if (Number(weg.numDeletedRows) !== 1) throw new AppError('conflict', 'levering.in-behandeling', `levering ${invoer.leveringId} wordt nog verwerkt; probeer het later opnieuw`)
  }
  const claim = await claimId(ctx, invoer)
  try {
    const { antwoord, sha256, opgeslagen } = await leesEnBewaar(ctx, invoer, claim)
    await db.transaction().execute(async (tx) => {
      await bijDeClaim(tx.updateTable('leveringen').set({
        sha256, status: 'verwerkt', aantal_regels: antwoord.aantalRegels, geaccepteerd: antwoord.geaccepteerd, opgeslagen,
        afgewezen: JSON.stringify(antwoord.afgewezen), verwerkt: ctx.clock.now().toISOString(),
      }), invoer, claim)
      if (opgeslagen > 0) await appendToOutbox(tx, ctx.clock, [{ type: 'knooppunt.feiten.vastgelegd.v1', data: { bron: invoer.bron, leveringId: invoer.leveringId, opgeslagen }, traceId: invoer.trace.traceId }])
    })
    ctx.bus.notify()
    return { antwoord, herhaald: false }
  } catch (e) {
    // A header error leaves nothing behind, so the source can send the corrected file under the same id.
    if (e instanceof AppError && e.code === 'levering.kop-ongeldig')
      await db.deleteFrom('leveringen').where('bron', '=', invoer.bron).where('levering_id', '=', invoer.leveringId).where('ontvangen', '=', claim).execute()
    else
      await breekAf(ctx, invoer.bron, invoer.leveringId, claim).catch(() => undefined) // else the retention job does it
    throw e
  }
}

/** How long a delivery may stay `in-behandeling` without a sign of life (a batch, or a minute's mark) before it counts as abandoned. */
export const VERLATEN_NA_MS = 15 * 60 * 1000
/** A running upload writes a sign of life at least this often, also while its lines arrive too slowly to fill a batch. */
const TEKEN_VAN_LEVEN_MS = 60 * 1000

function verlaten(row: { bijgewerkt: string | null; ontvangen: string }, nu: Date): boolean {
  return Date.parse(row.bijgewerkt ?? row.ontvangen) < nu.getTime() - VERLATEN_NA_MS
}

/**
 * Claims the id first: the primary key makes a second, concurrent upload with the same id fail here. The claim is the
 * row's `ontvangen`: every later write of this upload names it, so an upload whose id was taken over (after it was
 * abandoned) can no longer write under it.
 */
async function claimId(ctx: HubContext, invoer: LeveringInvoer): Promise<string> {
  const ontvangen = ctx.clock.now().toISOString()
  try {
    await ctx.database.db.insertInto('leveringen').values({
      bron: invoer.bron, levering_id: invoer.leveringId, oin: invoer.oin, sha256: '', status: 'in-behandeling', aantal_regels: 0,
      geaccepteerd: 0, opgeslagen: 0, afgewezen: '[]', ontvangen, verwerkt: null, bijgewerkt: ontvangen,
    }).execute()
  } catch {
    throw new AppError('conflict', 'levering.in-behandeling', `levering ${invoer.leveringId} wordt nog verwerkt; probeer het later opnieuw`)
  }
  return ontvangen
}

/** Runs an update of this upload's own row, and fails (rolling back its transaction) if the id is no longer ours. */
async function bijDeClaim(update: UpdateQueryBuilder<Tables, 'leveringen', 'leveringen', UpdateResult>, invoer: Pick<LeveringInvoer, 'bron' | 'leveringId'>, claim: string): Promise<void> {
  const r = await update.where('bron', '=', invoer.bron).where('levering_id', '=', invoer.leveringId).where('ontvangen', '=', claim)
    .where('status', '=', 'in-behandeling').executeTakeFirst()
  if (Number(r.numUpdatedRows) !== 1)
    throw new AppError('conflict', 'levering.overgenomen', `levering ${invoer.leveringId} is afgebroken en opnieuw gestart; deze verwerking stopt`)
}

/** Marks the upload under `claim` broken off and removes the facts it stored; nothing if the id is no longer its. */
async function breekAf(ctx: Pick<HubContext, 'database'>, bron: string, leveringId: string, claim: string): Promise<void> {
  if (await markeerAfgebroken(ctx.database.db, bron, leveringId, claim)) await verwijderFeitenVan(ctx.database.db, bron, leveringId)
}

/** `in-behandeling` under `claim` becomes `mislukt`; false if the row is no longer that (finished, or taken over). */
async function markeerAfgebroken(db: Executor, bron: string, leveringId: string, claim: string): Promise<boolean> {
  const r = await db.updateTable('leveringen').set({ status: 'mislukt' }).where('bron', '=', bron).where('levering_id', '=', leveringId)
    .where('ontvangen', '=', claim).where('status', '=', 'in-behandeling').executeTakeFirst()
  return Number(r.numUpdatedRows) === 1
}

async function verwijderFeitenVan(db: Executor, bron: string, leveringId: string): Promise<void> {
  await db.deleteFrom('feiten').where('bron', '=', bron).where('levering_id', '=', leveringId).execute()
}

/**
 * For the retention job: deliveries abandoned `in-behandeling` are marked broken off, and the facts of every broken-off
 * delivery removed (normally done when it broke off; this catches a hub that stopped first). Returns how many
 * deliveries were marked.
 *
 * @example await ruimAfgebrokenLeveringenOp(ctx, new Date())
 */
export async function ruimAfgebrokenLeveringenOp(ctx: Pick<HubContext, 'database'>, nu: Date): Promise<number> {
  const db = ctx.database.db
  const lopend = await db.selectFrom('leveringen').select(['bron', 'levering_id', 'ontvangen', 'bijgewerkt']).where('status', '=', 'in-behandeling').execute()
  let afgebroken = 0
  for (const l of lopend.filter((r) => verlaten(r, nu))) if (await markeerAfgebroken(db, l.bron, l.levering_id, l.ontvangen)) afgebroken++
  for (const l of await db.selectFrom('leveringen').select(['bron', 'levering_id']).where('status', '=', 'mislukt').execute())
    await verwijderFeitenVan(db, l.bron, l.levering_id)
  return afgebroken
}

async function leesEnBewaar(ctx: HubContext, invoer: LeveringInvoer, claim: string) {
  const hash = createHash('sha256')
  const opslag = opslagContext(ctx, invoer)
  const afgewezen: Afwijzing[] = []
  let [aantalRegels, geaccepteerd, aantalAfgewezen, opgeslagen] = [0, 0, 0, 0]
  let batch: GelezenFeit[] = []
  let kopGezien = false
  let lees = (velden: readonly string[]) => invoer.formaat.lees(velden)
  const wijs = (regel: number, code: string, reden: string) => { aantalAfgewezen++; if (afgewezen.length < MAX_AFWIJZINGEN) afgewezen.push({ regel, code, reden }) }
  let teken = ctx.clock.now().getTime()
  const bewaar = async () => {
    const feiten = batch
    batch = []
    const nu = ctx.clock.now()
    teken = nu.getTime()
    // The batch and the sign of life go together: a batch of an upload whose id was taken over is not written.
    const n = await ctx.database.db.transaction().execute(async (tx) => {
      await bijDeClaim(tx.updateTable('leveringen').set({ bijgewerkt: nu.toISOString() }), invoer, claim)
      return bewaarFeiten(tx, { ...opslag, nu }, feiten)
    })
    opgeslagen += n
    tabelGegroeid(ctx.database.db, 'feiten', n)
  }
  // Empty lines wait until a line with content follows: empty lines at the end of a file are no lines.
  let leeg: number[] = []
  for await (const regels of leesRegels(invoer.inhoud, { maxRegelBytes: MAX_REGEL_BYTES, perStuk: (s) => hash.update(s) })) {
    for (const r of regels) {
      if (r.nr === 1) { lees = controleerKop(invoer.formaat, r); kopGezien = true; continue }
      if ('tekst' in r && r.tekst === '') { leeg.push(r.nr); continue }
      if (leeg.length) {
        for (const nr of leeg) { aantalRegels++; const l = lees(['']); if (!l.ok) wijs(nr, l.problemen[0]!.code, samenvatting(l.problemen)) }
        leeg = []
      }
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
    else if (ctx.clock.now().getTime() - teken >= TEKEN_VAN_LEVEN_MS) {
      teken = ctx.clock.now().getTime()
      await bijDeClaim(ctx.database.db.updateTable('leveringen').set({ bijgewerkt: new Date(teken).toISOString() }), invoer, claim)
    }
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
 *
 * Group commit: events that arrive together are written together (`gebeurtenisSchrijver`), each still its own
 * delivery with its own fact, ledger line, outbox event and answer; the answer comes only after the commit.
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
  await gebeurtenisSchrijver(ctx).schrijf({
    bron: invoer.bron, oin: invoer.oin, trace: invoer.trace, feit: l.feit, leveringId,
    sha256: createHash('sha256').update(JSON.stringify(velden)).digest('hex'), ontvangen: ctx.clock.now().toISOString(),
  })
  return { leveringId, aantalRegels: 1, geaccepteerd: 1, afgewezen: [] }
}

/** One validated event waiting to be written. */
interface Gebeurtenis {
  readonly bron: string
  readonly oin: string
  readonly trace: TraceContext
  readonly feit: BronFeit
  readonly leveringId: string
  readonly sha256: string
  /** When the request was taken (`leveringen.ontvangen`). */
  readonly ontvangen: string
}

/** Most events in one transaction. */
const GROEP_MAX = 500
/**
 * Groups written at once. While one group holds the ledger head and waits for its commit (on PostgreSQL: a round
 * trip and an fsync), the next can already read indications and insert its facts; one group at a time made every
 * request wait for the group before its own (p50 ≈ 1.5 × a group's time).
 */
const GROEPEN_TEGELIJK = 3
const schrijvers = new WeakMap<HubContext, ReturnType<typeof maakGebeurtenisSchrijver>>()

function gebeurtenisSchrijver(ctx: HubContext) {
  let s = schrijvers.get(ctx)
  if (!s) schrijvers.set(ctx, (s = maakGebeurtenisSchrijver(ctx)))
  return s
}

/** Facts with the same key (source, BSN, natural key) are never written by two groups at once. */
const feitSleutel = (g: Gebeurtenis) => `${g.bron}\u0000${g.feit.bsn}\u0000${g.feit.sleutel}`

/**
 * Group commit for the event path. An event joins the queue; after the current I/O round (so the requests read in it
 * come along) a writer takes everything queued and writes it in one transaction: facts (with data minimisation), one
 * delivery row and one outbox event per event, and one ledger append holding every event's own line. Per event this
 * saves a transaction, the ledger head (taken once per group: on PostgreSQL every writer of ledger lines queues
 * there) and the indication and duplicate queries; and the bus consumers then get the group's events in one turn.
 *
 * Up to `GROEPEN_TEGELIJK` groups are written at once. An event whose fact key is in a group still being written
 * waits for that group (and so do later events with that key): the duplicate check of one group must see the other's
 * facts, and a correction must not overtake the fact it corrects. If a group fails, each of its events is written
 * alone, so one bad event fails only its own request.
 */
function maakGebeurtenisSchrijver(ctx: HubContext) {
  const wachtend: Array<{ g: Gebeurtenis; klaar: () => void; fout: (err: unknown) => void }> = []
  const bezigeSleutels = new Set<string>()
  let lopend = 0
  let gepland = false

  function plan(): void {
    if (gepland || lopend >= GROEPEN_TEGELIJK || wachtend.length === 0) return
    gepland = true
    setImmediate(() => {
      gepland = false
      while (lopend < GROEPEN_TEGELIJK) {
        const groep = neemGroep()
        if (groep.length === 0) break
        void schrijfGroep(groep)
      }
    })
  }

  /** The waiting events whose keys no running group holds, oldest first, up to `GROEP_MAX`; the rest keep their place. */
  function neemGroep() {
    const groep: typeof wachtend = []
    const blijft: typeof wachtend = []
    for (const w of wachtend) {
      if (groep.length < GROEP_MAX && !bezigeSleutels.has(feitSleutel(w.g))) groep.push(w)
      else blijft.push(w)
    }
    wachtend.splice(0, wachtend.length, ...blijft)
    for (const w of groep) bezigeSleutels.add(feitSleutel(w.g))
    return groep
  }

  async function schrijfGroep(groep: typeof wachtend): Promise<void> {
    lopend++
    try {
      try {
        await schrijfGebeurtenissen(ctx, groep.map((w) => w.g))
        for (const w of groep) w.klaar()
      } catch (err) {
        if (groep.length === 1) groep[0]!.fout(err)
        else for (const w of groep) await schrijfGebeurtenissen(ctx, [w.g]).then(w.klaar, w.fout)
      }
      ctx.bus.notify()
    } finally {
      for (const w of groep) bezigeSleutels.delete(feitSleutel(w.g))
      lopend--
      plan()
    }
  }

  return {
    schrijf(g: Gebeurtenis): Promise<void> {
      return new Promise<void>((klaar, fout) => {
        wachtend.push({ g, klaar, fout })
        plan()
      })
    },
  }
}

/** One transaction for a group of events (any sources): facts, delivery rows, outbox events and one ledger append. */
async function schrijfGebeurtenissen(ctx: HubContext, groep: readonly Gebeurtenis[]): Promise<void> {
  const nu = ctx.clock.now()
  const perBron = new Map<string, Gebeurtenis[]>()
  for (const g of groep) perBron.set(g.bron, [...(perBron.get(g.bron) ?? []), g])
  const opgeslagen = new Map<Gebeurtenis, number>()
  await ctx.database.db.transaction().execute(async (tx) => {
    const lijnen: Verwerking[] = []
    for (const [bron, gebeurtenissen] of perBron) {
      const r = await bewaarFeitenVanLeveringen(tx, { register: ctx.register, bron, nu }, gebeurtenissen.map((g) => ({
        leveringId: g.leveringId, actorOin: g.oin, trace: g.trace, gelogd: new Set<string>(), feiten: [{ regel: 1, feit: g.feit }],
      })))
      gebeurtenissen.forEach((g, i) => opgeslagen.set(g, r.opgeslagen[i]!))
      lijnen.push(...r.lijnen)
    }
    await insertRows(tx, 'leveringen', LEVERING_KOLOMMEN, groep.map((g) => ({
      bron: g.bron, levering_id: g.leveringId, oin: g.oin, sha256: g.sha256, status: 'verwerkt', aantal_regels: 1, geaccepteerd: 1,
      opgeslagen: opgeslagen.get(g)!, afgewezen: '[]', ontvangen: g.ontvangen, verwerkt: nu.toISOString(),
    })))
    // The outbox rows after the ledger append: on PostgreSQL their seqs are then taken under the ledger head's lock,
    // so in commit order, and the in-process bus's horizon meets fewer gaps to wait out.
    await ctx.ledger.record(tx, lijnen)
    await appendToOutbox(tx, ctx.clock, groep.filter((g) => opgeslagen.get(g)! > 0).map((g) => ({
      type: 'knooppunt.feiten.vastgelegd.v1', data: { bron: g.bron, leveringId: g.leveringId, opgeslagen: opgeslagen.get(g)! }, traceId: g.trace.traceId,
    })))
  })
  tabelGegroeid(ctx.database.db, 'feiten', [...opgeslagen.values()].reduce((a, b) => a + b, 0))
}

const LEVERING_KOLOMMEN = ['bron', 'levering_id', 'oin', 'sha256', 'status', 'aantal_regels', 'geaccepteerd', 'opgeslagen', 'afgewezen', 'ontvangen', 'verwerkt'] as const
