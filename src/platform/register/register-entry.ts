import { AppError, type InvalidParam } from '../../core/index.js'
import { ORGANISATIE_SOORTEN, type OrganisatieSoort } from '../access/organisatie.js'

/** A legal basis: the law and article that allow the processing. */
export interface Grondslag {
  readonly wet: string
  readonly artikel: string
  /** BWB id on wetten.overheid.nl, e.g. `BWBR0015703` (Participatiewet). */
  readonly bwbId?: string
}

/** One data element the product processes: where it comes from and who may receive it. */
export interface Gegeven {
  readonly naam: string
  readonly omschrijving: string
  /** The source: an organisation kind or named source (`uwv-polis`), or `afnemer` for what the afnemer sends. */
  readonly bron: string
  /** Recipient kinds that may receive this field in an output of this product. */
  readonly ontvangers: readonly OrganisatieSoort[]
}

export interface Verwerkingsactiviteit {
  readonly naam: string
  readonly omschrijving: string
}

/** A source copy the product may keep apart from matched facts, with its own retention (data minimisation). */
export interface Bronkopie {
  readonly bron: string
  readonly bewaartermijnDagen: number
  readonly reden: string
}

/** One product in the gegevensregister (one file per product in `gegevensregister/`). */
export interface RegisterEntry {
  readonly naam: string
  readonly titel: string
  readonly domein: string
  readonly doel: string
  readonly grondslag: readonly Grondslag[]
  readonly ontvangers: readonly OrganisatieSoort[]
  readonly verwerkingsactiviteiten: readonly Verwerkingsactiviteit[]
  readonly gegevens: readonly Gegeven[]
  readonly bronkopieen: readonly Bronkopie[]
  /**
   * The source formats this product reads (`uwv-polis`, `rdw-voertuigen`, …). Intake keeps a source fact only while
   * an afnemer has an indication in a product that lists its source here (data minimisation).
   */
  readonly bronnen: readonly string[]
  readonly bewaartermijn: { readonly omschrijving: string; readonly dagen: number | null }
}

const soort = (s: unknown): s is OrganisatieSoort => typeof s === 'string' && (ORGANISATIE_SOORTEN as readonly string[]).includes(s)
const text = (v: unknown) => typeof v === 'string' && v.trim().length > 0

/** Validates a parsed register file; every problem is listed with its path. */
export function parseRegisterEntry(raw: unknown, file: string): RegisterEntry {
  const p: InvalidParam[] = []
  const bad = (name: string, reason: string) => p.push({ name: `${file}:${name}`, code: 'register-ongeldig', reason })
  const r = (raw ?? {}) as Record<string, unknown>
  for (const f of ['naam', 'titel', 'domein', 'doel'] as const) if (!text(r[f])) bad(f, 'verplicht tekstveld ontbreekt')
  if (typeof r.naam === 'string' && !/^[a-z][a-z0-9-]*$/.test(r.naam)) bad('naam', 'alleen kleine letters, cijfers en -')
  const arr = (f: string) => (Array.isArray(r[f]) ? (r[f] as unknown[]) : (bad(f, 'lijst ontbreekt'), []))
  arr('grondslag').forEach((g, i) => { const o = g as Record<string, unknown>; if (!text(o?.wet) || !text(o?.artikel)) bad(`grondslag[${i}]`, 'wet en artikel zijn verplicht') })
  if (arr('grondslag').length === 0) bad('grondslag', 'minstens één grondslag')
  arr('ontvangers').forEach((s, i) => { if (!soort(s)) bad(`ontvangers[${i}]`, `onbekende soort ontvanger '${String(s)}'`) })
  arr('verwerkingsactiviteiten').forEach((v, i) => { const o = v as Record<string, unknown>; if (!text(o?.naam) || !text(o?.omschrijving)) bad(`verwerkingsactiviteiten[${i}]`, 'naam en omschrijving zijn verplicht') })
  const names = new Set<string>()
  arr('gegevens').forEach((g, i) => {
    const o = g as Record<string, unknown>
    if (!text(o?.naam) || !text(o?.omschrijving) || !text(o?.bron)) bad(`gegevens[${i}]`, 'naam, omschrijving en bron zijn verplicht')
    if (names.has(String(o?.naam))) bad(`gegevens[${i}]`, `gegeven '${String(o?.naam)}' staat er dubbel in`)
    names.add(String(o?.naam))
    const ont = Array.isArray(o?.ontvangers) ? (o.ontvangers as unknown[]) : []
    if (ont.length === 0) bad(`gegevens[${i}].ontvangers`, 'minstens één ontvanger')
    ont.forEach((s) => { if (!soort(s) || !(r.ontvangers as unknown[] | undefined)?.includes(s)) bad(`gegevens[${i}].ontvangers`, `'${String(s)}' is geen ontvanger van dit product`) })
  })
  arr('bronkopieen').forEach((b, i) => { const o = b as Record<string, unknown>; if (!text(o?.bron) || !Number.isInteger(o?.bewaartermijnDagen) || !text(o?.reden)) bad(`bronkopieen[${i}]`, 'bron, bewaartermijnDagen en reden zijn verplicht') })
  arr('bronnen').forEach((b, i) => { if (typeof b !== 'string' || !/^[a-z][a-z0-9-]*$/.test(b)) bad(`bronnen[${i}]`, 'bron moet een formaatnaam zijn (kleine letters, cijfers, -)') })
  const bt = r.bewaartermijn as Record<string, unknown> | undefined
  if (!bt || !text(bt.omschrijving) || !(bt.dagen === null || Number.isInteger(bt.dagen))) bad('bewaartermijn', 'omschrijving en dagen (geheel getal of null) zijn verplicht')
  if (p.length) throw new AppError('invalid', 'register.ongeldig', `gegevensregister ${file} is ongeldig`, p)
  return raw as RegisterEntry
}

/**
 * The entry's processing activity for one kind of work, by the suffix of its name: `leveren` gives `samenloop.leveren`,
 * and `kot.leveren` for the KOT entry (which names its activities `kot.*`). Else the entry's first activity.
 */
export function activiteitVoor(entry: RegisterEntry, soort: string): string {
  const va = entry.verwerkingsactiviteiten
  return (va.find((v) => v.naam.endsWith(`.${soort}`)) ?? va[0])?.naam ?? `${entry.naam}.${soort}`
}
