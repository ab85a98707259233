import type { Bsn, Periode } from '../../core/index.js'

/** One stored source fact (a row of `feiten`), with its fields parsed. */
export interface Feit {
  readonly bron: string
  readonly bsn: Bsn
  /** The source's natural key, e.g. `<inkomstenverhoudingId>|<periode>`. */
  readonly sleutel: string
  readonly geldigVan: string
  readonly geldigTot?: string | undefined
  /** The line's fields (camelCase, amounts in integer cents, no bsn). */
  readonly gegevens: Readonly<Record<string, unknown>>
  readonly leveringId: string
  /** Line number in the delivery (1 = header; an event has line 2). */
  readonly regel: number
}

/** One current afnemersindicatie: afnemer `oin` may hear about `bsn` for `product` during the period. */
export interface Indicatie {
  readonly oin: string
  readonly product: string
  readonly bsn: Bsn
  readonly periode: Periode
  /** The afnemer's gemeentecode (4 digits) when it is a gemeente; rules about moves compare with it. */
  readonly gemeentecode?: string | undefined
}

/** What a rule says about one fact for one indication: nothing, or the parts of a signal. */
export interface RegelUitkomst {
  /** Deduplication key within (afnemer, product, soort); includes the BSN. */
  readonly sleutel: string
  readonly periode: Periode
  /**
   * Dutch explanation a resident can read. Left out by a rule that renders it from the stored signal instead
   * (`registreerUitleg`): the text is then not computed while matching nor stored per signal.
   */
  readonly uitleg?: string | undefined
  /** The registered fields the signal carries. */
  readonly gegevens: Readonly<Record<string, unknown>>
  /**
   * What the content hash covers (default: `gegevens`). The same key with other content is a correction, so a
   * rule leaves out fields whose change is no news (e.g. a vehicle registration's later end date).
   */
  readonly inhoud?: Readonly<Record<string, unknown>> | undefined
}

/**
 * A signal rule as versioned data plus a pure function. `beoordeel` gets one fact of `bron` and one indication of
 * `product` for the same BSN, and decides; it never does I/O, so batch and incremental runs agree by construction.
 */
export interface SignaalRegel {
  readonly id: string
  readonly versie: string
  readonly product: string
  readonly soort: string
  readonly bron: string
  beoordeel(feit: Feit, indicatie: Indicatie): RegelUitkomst | undefined
}

/** A signal the matcher proposes; the signal store dedupes it and decides whether it is a correction. */
export interface KandidaatSignaal {
  readonly oin: string
  readonly product: string
  readonly soort: string
  readonly bsn: Bsn
  readonly sleutel: string
  /** SHA-256 over the canonical `gegevens`: the same key with another hash is a correction. */
  readonly inhoudHash: string
  readonly periode: Periode
  readonly bronnen: ReadonlyArray<{ readonly bron: string; readonly leveringId: string; readonly regel: number }>
  readonly regel: { readonly id: string; readonly versie: string }
  /** Undefined when the rule renders it on read (stored as `UITLEG_OP_LEZEN`). */
  readonly uitleg?: string | undefined
  readonly gegevens: Readonly<Record<string, unknown>>
}
