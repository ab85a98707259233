import { bsnProblem, isDatum, isMaand, maandPeriode, type Bsn, type Datum, type Maand } from '../../../core/index.js'

/** How one column is checked and what it becomes in `gegevens`. A trailing `?` means "may be empty" (→ null). */
export type KolomSoort =
  | 'bsn' | 'datum' | 'datum?' | 'maand' | 'cent' | 'geheel' | 'tekst' | 'tekst?'
  | { readonly keuze: readonly string[]; readonly leeg?: boolean }
  | { readonly patroon: RegExp; readonly uitleg: string; readonly leeg?: boolean }

/** A value in `gegevens`: text, integer (amounts in cents) or null for an empty optional field. */
export type Waarde = string | number | null

/** One problem of one line; a line may have several. */
export interface RegelProbleem { readonly code: string; readonly reden: string }

/** A validated source fact, ready to store. */
export interface BronFeit {
  readonly bsn: Bsn
  /** Natural key of the fact for this BSN within the source (see each format's `sleutel`). */
  readonly sleutel: string
  readonly geldigVan: Datum
  readonly geldigTot: Datum | null
  /** The line's fields without `bsn`, camelCase, amounts as integer cents, empty optional fields null. */
  readonly gegevens: Readonly<Record<string, Waarde>>
}

export type Lezing = { readonly ok: true; readonly feit: BronFeit } | { readonly ok: false; readonly problemen: readonly RegelProbleem[] }

/** Everything the hub knows about one source format: its columns and how a line becomes a fact. */
export interface BronFormaat {
  readonly naam: string
  readonly kolommen: readonly string[]
  /** Reads one line (fields in column order, or an object by column name for the event path). Lists every problem. */
  lees(velden: readonly string[] | Readonly<Record<string, unknown>>): Lezing
  /**
   * The line reader for a header line: the current header, or an earlier version the format still accepts (its
   * missing columns read as empty); undefined for any other header.
   */
  lezerVoorKop(kop: string): ((velden: readonly string[]) => Lezing) | undefined
}

/** The format-specific part: column kinds, the key, the validity period and checks across columns. */
export interface FormaatDefinitie<K extends string> {
  readonly naam: string
  readonly kolommen: { readonly [k in K]: KolomSoort }
  readonly sleutel: (g: Readonly<Record<K, Waarde>>) => string
  readonly geldig: (g: Readonly<Record<K, Waarde>>) => { van: Datum; tot: Datum | null }
  /** Checks that involve more than one column (e.g. the end before the start). */
  readonly controle?: (g: Readonly<Record<K, Waarde>>) => RegelProbleem[]
  /**
   * Earlier versions of the header that deliveries may still use, so adding a column does not break a source that
   * has not changed yet. Each lists a subset of `kolommen`; the columns it lacks must allow empty values.
   */
  readonly eerdereKoppen?: ReadonlyArray<readonly NoInfer<K>[]>
}

const MAX_CENT = 100_000_000_00
/**
 * Dates and months before this year are refused (`0000-01-01` is a source's placeholder, not a fact). No upper bound:
 * a source may close an open period with `9999-12-31`.
 */
const EERSTE_JAAR = '1900'
const MAX_TEKST = 500

/**
 * Builds a format from its definition. The column order is the order of `kolommen`, which must equal the header
 * the synthetic Netherlands writes (`FORMATEN`, tested).
 */
export function bronFormaat<K extends string>(def: FormaatDefinitie<K>): BronFormaat {
  const namen = Object.keys(def.kolommen) as K[]
  const soorten = namen.map((k) => def.kolommen[k])
  const formaat: BronFormaat = {
    naam: def.naam,
    kolommen: namen,
    lezerVoorKop(kop) {
      if (kop === namen.join(';')) return (velden) => formaat.lees(velden)
      const eerder = (def.eerdereKoppen ?? []).find((k) => k.join(';') === kop)
      if (!eerder) return undefined
      // Position of each current column in the older line, -1 when that version lacks it (read as empty).
      const plek = namen.map((k) => eerder.indexOf(k))
      return (velden) => velden.length !== eerder.length
        ? { ok: false, problemen: [{ code: 'kolommen', reden: `${velden.length} kolommen, verwacht ${eerder.length}` }] }
        : formaat.lees(plek.map((i) => (i < 0 ? '' : velden[i]!)))
    },
    lees(velden) {
      // A CSV line is text already; a JSON field becomes its text, or a type problem (`tekstVan`).
      const rauw: ReadonlyArray<string | KolomLezing> = Array.isArray(velden) ? velden : namen.map((k, i) => tekstVan(k, soorten[i]!, (velden as Record<string, unknown>)[k]))
      if (rauw.length !== namen.length) return { ok: false, problemen: [{ code: 'kolommen', reden: `${rauw.length} kolommen, verwacht ${namen.length}` }] }
      const problemen: RegelProbleem[] = []
      const g = {} as Record<K, Waarde>
      for (let i = 0; i < namen.length; i++) {
        const v = rauw[i]!
        const r = typeof v === 'string' ? leesKolom(namen[i]!, soorten[i]!, v) : v
        if ('probleem' in r) problemen.push(r.probleem)
        else g[namen[i]!] = r.waarde
      }
      if (problemen.length === 0 && def.controle) problemen.push(...def.controle(g))
      if (problemen.length) return { ok: false, problemen }
      const gegevens: Record<string, Waarde> = {}
      for (const k of namen) if (k !== 'bsn') gegevens[k] = g[k]
      const bsn = g['bsn' as K]
      const { van, tot } = def.geldig(g)
      return { ok: true, feit: { bsn: bsn as Bsn, sleutel: def.sleutel(g), geldigVan: van, geldigTot: tot, gegevens } }
    },
  }
  return formaat
}

/**
 * The event path sends JSON: a field as the text of its CSV cell, null or missing for an empty one. Amounts and
 * counts may also be JSON numbers. Any other JSON type is refused by name — a BSN as a number would lose its
 * leading zero, and `true` or an object has no CSV meaning.
 */
function tekstVan(k: string, soort: KolomSoort, v: unknown): string | KolomLezing {
  if (v === null || v === undefined) return ''
  if (typeof v === 'string') return v
  const getal = soort === 'cent' || soort === 'geheel'
  if (typeof v === 'number' && getal) return Number.isFinite(v) ? String(v) : 'NaN'
  if (getal) return fout(k, 'type-ongeldig', 'verwacht een geheel getal (of de tekst ervan)')
  return fout(k, 'type-ongeldig', `verwacht tekst (een JSON-string), geen ${jsonSoort(v)}`)
}

/** The JSON type of a value, in Dutch, for a problem's reason. */
const jsonSoort = (v: unknown): string =>
  Array.isArray(v) ? 'lijst' : typeof v === 'object' ? 'object' : typeof v === 'number' ? 'getal' : typeof v === 'boolean' ? 'waar/onwaar' : typeof v

type KolomLezing = { waarde: Waarde } | { probleem: RegelProbleem }

// Module-level helpers, not closures: this runs for every field of millions of lines, and a closure per call
// (which tsx also wraps in a naming helper) costs more than the checks themselves.
const fout = (k: string, code: string, reden: string): KolomLezing => ({ probleem: { code, reden: `${k}: ${reden}` } })

function leesKolom(k: string, soort: KolomSoort, v: string): KolomLezing {
  const leegMag = typeof soort === 'string' ? soort.charCodeAt(soort.length - 1) === 63 : soort.leeg === true
  if (v === '') return leegMag ? { waarde: null } : fout(k, 'verplicht', 'mag niet leeg zijn')
  if (v.includes('"')) return fout(k, 'aanhalingsteken', 'aanhalingstekens horen niet in dit formaat (geen quoting)')
  if (typeof soort === 'object') {
    if ('keuze' in soort) return soort.keuze.includes(v) ? { waarde: v } : fout(k, 'waarde-onbekend', `moet een van ${soort.keuze.join(', ')} zijn`)
    return soort.patroon.test(v) ? { waarde: v } : fout(k, 'tekst-ongeldig', soort.uitleg)
  }
  switch (soort) {
    case 'bsn': { const p = bsnProblem(v); return p ? fout(k, 'bsn-ongeldig', p) : { waarde: v } }
    case 'datum': case 'datum?':
      if (!isDatum(v)) return fout(k, 'datum-ongeldig', 'geen geldige datum (verwacht JJJJ-MM-DD)')
      return v < EERSTE_JAAR ? fout(k, 'datum-ongeldig', `ligt vóór ${EERSTE_JAAR}: geen datum waar een bron iets over weet`) : { waarde: v }
    case 'maand':
      if (!isMaand(v)) return fout(k, 'maand-ongeldig', 'geen geldige maand (verwacht JJJJ-MM)')
      return v < EERSTE_JAAR ? fout(k, 'maand-ongeldig', `ligt vóór ${EERSTE_JAAR}: geen maand waar een bron iets over weet`) : { waarde: v }
    case 'cent': {
      if (/^-\d+$/.test(v)) return fout(k, 'bedrag-ongeldig', 'bedrag mag niet negatief zijn')
      if (!/^\d{1,15}$/.test(v) || Number(v) > MAX_CENT) return fout(k, 'bedrag-ongeldig', 'geen geheel aantal eurocent (of onwaarschijnlijk hoog)')
      return { waarde: Number(v) }
    }
    case 'geheel': return /^\d{1,9}$/.test(v) ? { waarde: Number(v) } : fout(k, 'getal-ongeldig', 'geen geheel getal van 0 of meer')
    case 'tekst': case 'tekst?':
      if (v.length > MAX_TEKST) return fout(k, 'tekst-ongeldig', `langer dan ${MAX_TEKST} tekens`)
      // The other kinds refuse it by their own check; PostgreSQL refuses U+0000 in text (a key would fail the delivery).
      return v.includes('\u0000') ? fout(k, 'tekst-ongeldig', 'bevat een NUL-teken (U+0000)') : { waarde: v }
  }
}

/** `einde` (may be null) must not lie before `begin`. */
export function nietOmgekeerd(begin: Waarde, einde: Waarde, naam: string): RegelProbleem[] {
  return typeof einde === 'string' && typeof begin === 'string' && einde < begin
    ? [{ code: 'periode-omgekeerd', reden: `${naam}: ligt vóór de begindatum` }] : []
}

/** First and last day of a `YYYY-MM` month. */
export const maandGeldig = (periode: Waarde) => {
  // Millions of lines name a few dozen months: compute each month's days once.
  let p = maanden.get(periode as string)
  if (p === undefined) { p = maandPeriode(periode as Maand); if (maanden.size < 10_000) maanden.set(periode as string, p) }
  return { van: p.van, tot: p.tot as Datum | null }
}
const maanden = new Map<string, { van: Datum; tot: Datum }>()
export const datumGeldig = (van: Waarde, tot: Waarde) => ({ van: van as Datum, tot: (tot ?? null) as Datum | null })
export const GEMEENTECODE = { patroon: /^\d{4}$/, uitleg: 'gemeentecode moet 4 cijfers zijn' } as const
