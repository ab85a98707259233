import { AppError, type Cent, type Clock, type Datum } from '../../core/index.js'
import { InvoerLezer } from '../../platform/rules/index.js'
import { kwijtscheldingParameters } from './rules/index.js'
import type { KwsDb, KwsExecutor } from './kws-tables.js'

/** The checks a gemeente or waterschap can switch on or off. */
export const KWS_TOETSEN = ['inkomen', 'vermogen', 'voertuig', 'woningbezit', 'ondernemerschap'] as const
export type KwsToets = (typeof KWS_TOETSEN)[number]

/** One version of the local kwijtschelding norms (integer cents). */
export interface KwsNormInstellingen {
  readonly geldigVan: Datum
  /** Kosten van bestaan as a percentage of the bijstandsnorm: 90–100. */
  readonly kostenVanBestaanPercentage: number
  /** Vermogen up to this buffer is not a belemmering, per leefvorm. */
  readonly vermogensbufferAlleenstaandeCent: Cent
  readonly vermogensbufferAlleenstaandeOuderCent: Cent
  readonly vermogensbufferGehuwdCent: Cent
  /** Dagwaarde limit for one vehicle; default the standard limit (€ 3.350). */
  readonly voertuigGrensCent: Cent
  /** Which checks apply; every check is on unless switched off. */
  readonly toetsen: Readonly<Record<KwsToets, boolean>>
}

/** A stored version, as `GET /kwijtschelding/normen` shows it. */
export interface KwsNormVersie extends KwsNormInstellingen {
  readonly versie: number
  readonly vastgelegd: string
  readonly vervangen?: string | undefined
}

const VELDEN = ['geldigVan', 'kostenVanBestaanPercentage', 'vermogensbufferAlleenstaandeCent', 'vermogensbufferAlleenstaandeOuderCent', 'vermogensbufferGehuwdCent', 'voertuigGrensCent', 'toetsen'] as const
const MAX_BUFFER = 10_000_000_00

/** Validates a PUT body, listing every problem (`kwijtschelding.normen-ongeldig`). */
export function valideerKwsNormen(body: unknown): KwsNormInstellingen {
  const l = new InvoerLezer(body, VELDEN)
  const geldigVan = l.datum('geldigVan')
  const pct = l.geheelGetal('kostenVanBestaanPercentage', 90, 100)
  const ba = l.cent('vermogensbufferAlleenstaandeCent', { max: MAX_BUFFER })
  const bo = l.cent('vermogensbufferAlleenstaandeOuderCent', { max: MAX_BUFFER })
  const bg = l.cent('vermogensbufferGehuwdCent', { max: MAX_BUFFER })
  const grens = l.cent('voertuigGrensCent', { optioneel: true, max: MAX_BUFFER })
  const toetsen = leesToetsen((body as Record<string, unknown> | null)?.toetsen, l)
  let standaardGrens: Cent | undefined
  if (geldigVan !== undefined && grens === undefined) {
    try { standaardGrens = kwijtscheldingParameters.op('kwijtschelding.autowaarde-grens-standaard', geldigVan).waarde as Cent } catch (e) {
      l.problemen.push({ name: 'voertuigGrensCent', code: 'verplicht', reason: `geen standaardgrens bekend voor ${geldigVan}; geef voertuigGrensCent op (${(e as Error).message})` })
    }
  }
  l.klaar('kwijtschelding.normen-ongeldig', 'de kwijtscheldingsnormen zijn ongeldig')
  return {
    geldigVan: geldigVan!, kostenVanBestaanPercentage: pct!, vermogensbufferAlleenstaandeCent: ba!,
    vermogensbufferAlleenstaandeOuderCent: bo!, vermogensbufferGehuwdCent: bg!, voertuigGrensCent: (grens ?? standaardGrens)!, toetsen,
  }
}

function leesToetsen(v: unknown, l: InvoerLezer): Record<KwsToets, boolean> {
  const uit = Object.fromEntries(KWS_TOETSEN.map((t) => [t, true])) as Record<KwsToets, boolean>
  if (v === undefined || v === null) return uit
  if (typeof v !== 'object' || Array.isArray(v)) {
    l.problemen.push({ name: 'toetsen', code: 'geen-object', reason: `verwacht een object met ja/nee per toets: ${KWS_TOETSEN.join(', ')}` })
    return uit
  }
  for (const [k, w] of Object.entries(v)) {
    if (!(KWS_TOETSEN as readonly string[]).includes(k)) l.problemen.push({ name: `toetsen.${k}`, code: 'onbekend-veld', reason: `onbekende toets; bekend: ${KWS_TOETSEN.join(', ')}` })
    else if (typeof w !== 'boolean') l.problemen.push({ name: `toetsen.${k}`, code: 'geen-ja-nee', reason: 'verwacht true of false' })
    else uit[k as KwsToets] = w
  }
  return uit
}

/** Stores a version; a version with the same `geldigVan` is replaced (and kept as history). */
export async function legKwsNormenVast(db: KwsDb, clock: Clock, oin: string, n: KwsNormInstellingen): Promise<KwsNormVersie> {
  const nu = clock.now().toISOString()
  return db.transaction().execute(async (tx) => {
    await tx.updateTable('kws_normen').set({ vervangen: nu }).where('oin', '=', oin).where('geldig_van', '=', n.geldigVan).where('vervangen', 'is', null).execute()
    const r = await tx.insertInto('kws_normen').values({ oin, geldig_van: n.geldigVan, instellingen: JSON.stringify(n), vastgelegd: nu, vervangen: null }).returning('id').executeTakeFirstOrThrow()
    return { ...n, versie: Number(r.id), vastgelegd: nu }
  })
}

/** Every version of one organisation, newest validity date first, replaced versions after the current one. */
export async function kwsNormHistorie(db: KwsExecutor, oin: string): Promise<KwsNormVersie[]> {
  const rows = await db.selectFrom('kws_normen').selectAll().where('oin', '=', oin).orderBy('geldig_van', 'desc').orderBy('id', 'desc').execute()
  return rows.map((r) => ({ ...(JSON.parse(r.instellingen) as KwsNormInstellingen), versie: Number(r.id), vastgelegd: r.vastgelegd, ...(r.vervangen ? { vervangen: r.vervangen } : {}) }))
}

/** The version that applies on `peildatum`: the current one with the latest `geldigVan` on or before it. */
export async function kwsNormOp(db: KwsExecutor, oin: string, peildatum: Datum): Promise<KwsNormVersie> {
  const r = await db.selectFrom('kws_normen').selectAll().where('oin', '=', oin).where('vervangen', 'is', null)
    .where('geldig_van', '<=', peildatum).orderBy('geldig_van', 'desc').limit(1).executeTakeFirst()
  if (!r) throw new AppError('not-found', 'kwijtschelding.geen-normen', `uw organisatie heeft geen kwijtscheldingsnormen die gelden op ${peildatum}; stel ze in met PUT /api/v1/kwijtschelding/normen`)
  return { ...(JSON.parse(r.instellingen) as KwsNormInstellingen), versie: Number(r.id), vastgelegd: r.vastgelegd }
}
