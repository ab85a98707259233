/**
 * The "floor" peer of the samenloop batch bench: the least durable work the hub's obligations ask for, written plainly
 * in one function without the hub's framework (no HTTP, no Kysely, no bus, no re-reading of stored facts).
 *
 * Same input, same output rows as the hub, into a fresh SQLite file with the hub's own schema (its migrations: the
 * same tables and the same indexes) and the hub's durability settings (WAL, `synchronous = NORMAL`, transactions):
 *   - population: per gemeente one transaction with its `populatie_regels` rows, one ledger line per BSN and the two
 *     outbox events of an upload;
 *   - the polis file: every line parsed and validated with the source format's reader, data minimisation (a fact is
 *     kept when an indication overlaps it, or under the register's bronkopie), the kept facts stored with their
 *     content hash and retention date, one ledger line per BSN of the delivery;
 *   - matching in memory (the hub's pure rules, `matchFeiten`) against the population held in a Map: every new signal
 *     stored with its outbox event, one ledger line per (afnemer, product, BSN) — the hub writes one per chunk it
 *     matches in, so it can have a few more;
 *   - the ledger lines with the hub's crypto: HMAC reference and AES-256-GCM ciphertext of the BSN (`createKeyring`),
 *     SHA-256 hash chain (`lineHash`), the chain head updated in every transaction.
 * One transaction per 5,000 polis lines (facts, signals, ledger lines, outbox events together).
 */
import { createReadStream } from 'node:fs'
import { performance } from 'node:perf_hooks'
import SqliteDatabase from 'better-sqlite3'
import { migrateToLatest, openDatabase } from '../../src/adapters/store/index.js'
import { addDays, bsnProblem, datumVan, isDatum, newOrderedId, newSpanId, newTraceId, overlaps, type Bsn, type Datum } from '../../src/core/index.js'
import { BRON_FORMATEN, inhoudHash, type BronFeit } from '../../src/platform/intake/index.js'
import { createKeyring } from '../../src/platform/keyring/index.js'
import { lineHash } from '../../src/platform/ledger/index.js'
import { gemeentecodeCijfers, matchFeiten, type Feit, type Indicatie, type KandidaatSignaal } from '../../src/platform/matching/index.js'
import type { GegevensRegister } from '../../src/platform/register/index.js'
import { UITLEG_OP_LEZEN } from '../../src/platform/signals/index.js'
import { SAMENLOOP_REGELS } from '../../src/products/samenloop/index.js'

export interface VloerInvoer {
  /** A fresh directory for the SQLite file. */
  readonly dir: string
  readonly masterKey: Buffer
  readonly register: GegevensRegister
  /** Per gemeente OIN: the upload's CSV lines (header first), as the hub receives them. */
  readonly perGemeente: ReadonlyMap<string, readonly string[]>
  /** Gemeente OIN → gemeentecode (the hub reads it from `organisaties`). */
  readonly gemeentecode: ReadonlyMap<string, string>
  readonly polisFile: string
  readonly uwvOin: string
  readonly nu: Date
}

export interface VloerResultaat {
  readonly ms: number
  readonly cpuMs: number
  /** The population part alone (wall, CPU); the rest is the polis delivery with its facts and signals. */
  readonly populatieMs: number
  readonly populatieCpuMs: number
  readonly file: string
  readonly rijen: Record<'populatie_regels' | 'feiten' | 'signalen' | 'ledger' | 'outbox', number>
}

const PRODUCT = 'samenloop'
const BRON = 'uwv-polis'
const CHUNK = 5_000
const GENESIS = '0'.repeat(64)

/** The schema the hub's migrations make, in a fresh file (not timed: the hub's own run starts after its migrations). */
async function leegBestand(dir: string): Promise<string> {
  const database = openDatabase({ kind: 'sqlite', dataDir: dir })
  const { error } = await migrateToLatest(database)
  await database.close()
  if (error) throw error
  return `${dir}/knooppunt.sqlite`
}

export async function vloer(invoer: VloerInvoer): Promise<VloerResultaat> {
  const file = await leegBestand(invoer.dir)
  const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000 }
  const c0 = cpu()
  const t0 = performance.now()

  const sqlite = new SqliteDatabase(file)
  sqlite.pragma('journal_mode = WAL')
  sqlite.pragma('synchronous = NORMAL')
  sqlite.pragma('wal_autocheckpoint = 10000')
  const keyring = createKeyring(invoer.masterKey)
  const entry = invoer.register.requireProduct(PRODUCT)
  const tijd = invoer.nu.toISOString()
  const vandaag = datumVan(invoer.nu)

  const insPop = sqlite.prepare('insert into populatie_regels (oin, product, bsn, ingangsdatum, einddatum, referentie, herkomst, vastgelegd, vervangen) values (?, ?, ?, ?, ?, ?, ?, ?, null)')
  const insFeit = sqlite.prepare('insert into feiten (bron, bsn, sleutel, geldig_van, geldig_tot, gegevens, inhoud_hash, levering_id, regel, vastgelegd, bewaren_tot) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)')
  const insSignaal = sqlite.prepare(`insert into signalen (id, oin, product, soort, bsn, sleutel, inhoud_hash, periode_van, periode_tot, bronnen, regel_id, regel_versie, uitleg, gegevens,
    correctie, status, terugmelding, aangemaakt) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'nieuw', null, ?)`)
  const insLedger = sqlite.prepare(`insert into ledger (seq, id, trace_id, span_id, parent_span_id, activiteit, verwerkingsactiviteit, product, betrokkene_ref,
    betrokkene_versleuteld, actor_oin, gestart, beeindigd, status, vorige_hash, hash) values (?, ?, ?, ?, null, ?, ?, ?, ?, ?, ?, ?, ?, 'ok', ?, ?)`)
  const zetKop = sqlite.prepare('update ledger_kop set seq = ?, hash = ? where id = 1')
  const insOutbox = sqlite.prepare('insert into outbox (id, type, data, trace_id, aangemaakt, doorgegeven) values (?, ?, ?, ?, ?, null)')
  const insLevering = sqlite.prepare(`insert into leveringen (bron, levering_id, oin, sha256, status, aantal_regels, geaccepteerd, opgeslagen, afgewezen, ontvangen, verwerkt)
    values (?, ?, ?, '', 'verwerkt', ?, ?, ?, '[]', ?, ?)`)
  const begin = sqlite.prepare('begin')
  const commit = sqlite.prepare('commit')

  const rijen = { populatie_regels: 0, feiten: 0, signalen: 0, ledger: 0, outbox: 0 }
  let seq = 0
  let prev = GENESIS
  const ledgerRegel = (trace: { traceId: string; spanId: string }, activiteit: string, verwerkingsactiviteit: string, bsn: string, actor: string) => {
    seq += 1
    const r = {
      seq, id: newOrderedId(), trace_id: trace.traceId, span_id: trace.spanId, parent_span_id: null, activiteit, verwerkingsactiviteit, product: PRODUCT,
      betrokkene_ref: keyring.ref('ledger-ref', bsn), betrokkene_versleuteld: keyring.encrypt('ledger-enc', bsn), actor_oin: actor,
      gestart: tijd, beeindigd: tijd, status: 'ok',
    }
    const hash = lineHash(prev, r)
    insLedger.run(seq, r.id, r.trace_id, r.span_id, activiteit, verwerkingsactiviteit, PRODUCT, r.betrokkene_ref, r.betrokkene_versleuteld, actor, tijd, tijd, prev, hash)
    prev = hash
    rijen.ledger++
  }
  const outbox = (type: string, data: unknown, traceId: string) => { insOutbox.run(newOrderedId(), type, JSON.stringify(data), traceId, tijd); rijen.outbox++ }

  // --- population: one transaction per gemeente, as the gemeenten upload them ---
  const populatieActiviteit = entry.verwerkingsactiviteiten.find((v) => v.naam.endsWith('.populatie'))!.naam
  const perBsn = new Map<string, Indicatie[]>()
  for (const [oin, lines] of invoer.perGemeente) {
    if (lines[0] !== 'bsn;ingangsdatum;einddatum;referentie') throw new Error(`population ${oin}: header`)
    const trace = { traceId: newTraceId(), spanId: newSpanId() }
    const gezien = new Set<string>()
    const code = gemeentecodeCijfers(invoer.gemeentecode.get(oin))
    begin.run()
    const naId = Number((sqlite.prepare('select coalesce(max(id), 0) as n from populatie_regels').get() as { n: number }).n)
    for (let i = 1; i < lines.length; i++) {
      const [bsn, ingang, eind, referentie, ...rest] = lines[i]!.split(';')
      if (rest.length || bsnProblem(bsn!) || !isDatum(ingang) || (eind !== '' && (!isDatum(eind) || eind < ingang)) || referentie === undefined || referentie.length > 200) throw new Error(`population ${oin}: line ${i + 1}`)
      insPop.run(oin, PRODUCT, bsn, ingang, eind || null, referentie || null, 'upload', tijd)
      rijen.populatie_regels++
      const ind: Indicatie = { oin, product: PRODUCT, bsn: bsn as Bsn, periode: { van: ingang as Datum, tot: (eind || undefined) as Datum | undefined }, gemeentecode: code }
      const lijst = perBsn.get(bsn!)
      if (lijst) lijst.push(ind)
      else perBsn.set(bsn!, [ind])
      if (gezien.has(bsn!)) continue
      gezien.add(bsn!)
      ledgerRegel(trace, 'populatie-vervangen', populatieActiviteit, bsn!, oin)
    }
    outbox('knooppunt.populatie.gewijzigd.v1', { oin, product: PRODUCT, aantal: lines.length - 1, toegevoegd: lines.length - 1, gewijzigd: 0, beeindigd: 0 }, trace.traceId)
    outbox('knooppunt.indicaties.vastgelegd.v1', { oin, product: PRODUCT, naId, totId: naId + lines.length - 1 }, trace.traceId)
    zetKop.run(seq, prev)
    commit.run()
  }

  const tPop = performance.now()
  const cPop = cpu()

  // --- the polis delivery: parse, validate, minimise, store facts, match in memory, store signals ---
  const leveringId = 'vloer-1'
  const trace = { traceId: newTraceId(), spanId: newSpanId() }
  const formaat = BRON_FORMATEN.get(BRON)!
  const feitActiviteit = entry.verwerkingsactiviteiten.find((v) => v.naam.endsWith('.signaleren'))!.naam
  const kopieDagen = Math.max(-1, ...invoer.register.entries.flatMap((e) => e.bronkopieen.filter((k) => k.bron === BRON).map((k) => k.bewaartermijnDagen)))
  const bewaarDagen = entry.bewaartermijn.dagen ?? 0
  const plus = new Map<string, Datum>()
  const plusDagen = (d: Datum, n: number): Datum => { const k = `${d}|${n}`; let u = plus.get(k); if (u === undefined) plus.set(k, (u = addDays(d, n))); return u }
  const feitGelogd = new Set<string>()
  const feitBekend = new Set<string>()
  /** Per signal key (afnemer, product, soort, sleutel) the content hashes stored: nearly always one, so no Set. */
  const signaalInhoud = new Map<string, string | string[]>()
  const matchGelogd = new Set<string>()
  let aantalRegels = 0
  let geaccepteerd = 0
  let lees: ((velden: readonly string[]) => ReturnType<typeof formaat.lees>) | undefined
  let batch: Array<{ regel: number; feit: BronFeit }> = []

  const verwerk = () => {
    begin.run()
    const bewaard: Feit[] = []
    for (const { regel, feit } of batch) {
      const periode = { van: feit.geldigVan, tot: feit.geldigTot ?? undefined }
      const nodig = (perBsn.get(feit.bsn) ?? []).some((i) => overlaps(periode, i.periode))
      const kopieTot = kopieDagen >= 0 ? plusDagen((feit.geldigTot ?? feit.geldigVan) as Datum, kopieDagen) : undefined
      const kopie = kopieTot !== undefined && kopieTot >= vandaag
      if (!nodig && !kopie) continue
      const hash = inhoudHash(feit)
      // The hash covers the key (bsn, sleutel, period, fields): it alone identifies (sleutel, content).
      if (feitBekend.has(hash)) continue
      feitBekend.add(hash)
      const perIndicatie = nodig ? plusDagen(vandaag, bewaarDagen) : undefined
      const kopieGrens = kopie ? kopieTot : undefined
      const bewarenTot = perIndicatie === undefined ? kopieGrens! : kopieGrens === undefined || perIndicatie > kopieGrens ? perIndicatie : kopieGrens
      const gegevens = JSON.stringify(feit.gegevens)
      insFeit.run(BRON, feit.bsn, feit.sleutel, feit.geldigVan, feit.geldigTot ?? null, gegevens, hash, leveringId, regel, tijd, bewarenTot)
      rijen.feiten++
      if (!feitGelogd.has(feit.bsn)) { feitGelogd.add(feit.bsn); ledgerRegel(trace, 'bronfeit-vastleggen', feitActiviteit, feit.bsn, invoer.uwvOin) }
      if (perBsn.has(feit.bsn)) bewaard.push({ bron: BRON, bsn: feit.bsn, sleutel: feit.sleutel, geldigVan: feit.geldigVan, geldigTot: feit.geldigTot ?? undefined, gegevens: feit.gegevens, leveringId, regel })
    }
    const indicaties: Indicatie[] = []
    const bsns = new Set<string>()
    for (const f of bewaard) if (!bsns.has(f.bsn)) { bsns.add(f.bsn); indicaties.push(...perBsn.get(f.bsn)!) }
    for (const k of matchFeiten(bewaard, indicaties, SAMENLOOP_REGELS)) bewaarSignaal(k)
    zetKop.run(seq, prev)
    commit.run()
    batch = []
  }
  const bewaarSignaal = (k: KandidaatSignaal) => {
    const sleutel = `${k.oin}\u0000${k.product}\u0000${k.soort}\u0000${k.sleutel}`
    const wie = `${k.oin}\u0000${k.product}\u0000${k.bsn}`
    if (!matchGelogd.has(wie)) { matchGelogd.add(wie); ledgerRegel(trace, 'signaleren', `${k.product}.signaleren`, k.bsn, k.oin) }
    const eerder = signaalInhoud.get(sleutel)
    if (eerder === k.inhoudHash || (Array.isArray(eerder) && eerder.includes(k.inhoudHash))) return
    const correctie = eerder !== undefined
    signaalInhoud.set(sleutel, eerder === undefined ? k.inhoudHash : [...(Array.isArray(eerder) ? eerder : [eerder]), k.inhoudHash])
    const id = newOrderedId()
    insSignaal.run(id, k.oin, k.product, k.soort, k.bsn, k.sleutel, k.inhoudHash, k.periode.van, k.periode.tot ?? null, JSON.stringify(k.bronnen), k.regel.id, k.regel.versie,
      k.uitleg ?? UITLEG_OP_LEZEN, JSON.stringify(k.gegevens), correctie ? 1 : 0, tijd)
    rijen.signalen++
    outbox('knooppunt.signaal.aangemaakt.v1', { signaalId: id, oin: k.oin, product: k.product, soort: k.soort }, trace.traceId)
  }

  let rest = ''
  let nr = 0
  for await (const stuk of createReadStream(invoer.polisFile, { encoding: 'utf8', highWaterMark: 1 << 20 })) {
    const regels = (rest + stuk).split('\n')
    rest = regels.pop()!
    for (const tekst of regels) {
      nr++
      if (nr === 1) { lees = formaat.lezerVoorKop(tekst); if (!lees) throw new Error('polis: header'); continue }
      aantalRegels++
      const l = lees!(tekst.split(';'))
      if (!l.ok) continue
      geaccepteerd++
      batch.push({ regel: nr, feit: l.feit })
      if (batch.length >= CHUNK) verwerk()
    }
  }
  if (rest !== '') throw new Error('polis: last line without a line end')
  verwerk()
  begin.run()
  insLevering.run(BRON, leveringId, invoer.uwvOin, aantalRegels, geaccepteerd, rijen.feiten, tijd, tijd)
  outbox('knooppunt.feiten.vastgelegd.v1', { bron: BRON, leveringId, opgeslagen: rijen.feiten }, trace.traceId)
  commit.run()
  sqlite.close()
  return { ms: performance.now() - t0, cpuMs: cpu() - c0, populatieMs: tPop - t0, populatieCpuMs: cPop - c0, file, rijen }
}

/** The floor's `inkomsten` signals as the bench checks them against DuckDB, and its ledger chain recomputed. */
export function controleerVloer(file: string, verifieer: boolean): { count: number; sumBsn: bigint; sumBruto: bigint; ketenOk?: boolean } {
  const sqlite = new SqliteDatabase(file, { readonly: true })
  let [count, sumBsn, sumBruto] = [0, 0n, 0n]
  for (const r of sqlite.prepare("select bsn, gegevens from signalen where soort = 'inkomsten'").iterate() as Iterable<{ bsn: string; gegevens: string }>) {
    count++; sumBsn += BigInt(r.bsn); sumBruto += BigInt((JSON.parse(r.gegevens) as { brutoloonCent: number }).brutoloonCent)
  }
  let ketenOk: boolean | undefined
  if (verifieer) {
    let prev = GENESIS
    let verwacht = 1
    ketenOk = true
    for (const r of sqlite.prepare('select * from ledger order by seq').iterate() as Iterable<Parameters<typeof lineHash>[1] & { vorige_hash: string; hash: string }>) {
      if (Number(r.seq) !== verwacht++ || r.vorige_hash !== prev || lineHash(prev, { ...r, seq: Number(r.seq) }) !== r.hash) { ketenOk = false; break }
      prev = r.hash
    }
    const kop = sqlite.prepare('select seq, hash from ledger_kop where id = 1').get() as { seq: number; hash: string }
    if (Number(kop.seq) !== verwacht - 1 || kop.hash !== prev) ketenOk = false
  }
  sqlite.close()
  return { count, sumBsn, sumBruto, ...(ketenOk === undefined ? {} : { ketenOk }) }
}
