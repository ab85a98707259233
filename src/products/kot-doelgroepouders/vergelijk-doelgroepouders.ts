import { maandPeriode, type Datum, type Maand } from '../../core/index.js'

export const PRODUCT = 'kot-doelgroepouders'
export const BRON = 'belastingdienst-kot-doelgroep'

/** The versioned rule that finds the differences; every signal names it. */
export const KOT_REGEL = { id: 'kot-doelgroepouders.vergelijking', versie: '1.0.0' } as const

export type KotVerschilSoort = 'niet-geregistreerd' | 'niet-in-bestand'

/** One line of the Belastingdienst file for the gemeente and month (latest version per parent). */
export interface KotBestandsregel {
  readonly bsn: string
  readonly doelgroep: string
  readonly leveringId: string
  readonly regel: number
}

/** A current registration (indication) of the gemeente that overlaps the month. */
export interface KotRegistratie {
  readonly bsn: string
  readonly referentie: string | null
}

/**
 * A source the signal rests on. `regel` 0 means the delivery as a whole: a `niet-in-bestand` difference rests on the
 * parent being absent from the month's deliveries, not on one line (line numbers start at 2, after the header).
 */
export interface KotBron { readonly bron: string; readonly leveringId: string; readonly regel: number }

/**
 * A candidate signal, shaped like a row of `signalen` (the signals store deduplicates on soort + sleutel + content).
 * `gegevens` holds only fields the register lists for this product (`doelgroep`, `referentie`).
 */
export interface KotSignaalKandidaat {
  readonly soort: KotVerschilSoort
  readonly bsn: string
  /** `<bsn>|<periode>`: one difference per parent per month and direction. */
  readonly sleutel: string
  readonly periode: { readonly van: Datum; readonly tot: Datum }
  readonly bronnen: readonly KotBron[]
  readonly regel: typeof KOT_REGEL
  readonly uitleg: string
  readonly gegevens: Readonly<Record<string, string>>
}

const MAANDEN = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december']

/** `2026-01` → `januari 2026`. */
export const maandTekst = (m: Maand): string => `${MAANDEN[Number(m.slice(5, 7)) - 1]} ${m.slice(0, 4)}`

/**
 * Compares one month of the Belastingdienst file for a gemeente with the gemeente's registration (pure), both ways:
 * - `niet-geregistreerd`: the Belastingdienst counts the parent as doelgroepouder of this gemeente, the gemeente has
 *   no registration for that month — the toeslag may be paid without the gemeente's decision behind it;
 * - `niet-in-bestand`: the gemeente registered the parent, the file does not list them — the parent may miss the
 *   toeslag. `leveringen` are the deliveries that made up the month's file (the signal rests on all of them).
 * `gegevens` keys follow the register's nested naming: `doelgroep` is `belastingdienst-kot-doelgroep.doelgroep`,
 * `referentie` is `kot-doelgroepouders.referentie`.
 * Sorted by soort, then BSN, so batch and repeated runs give the same list.
 */
export function vergelijkDoelgroepouders(invoer: {
  readonly periode: Maand
  readonly bestand: readonly KotBestandsregel[]
  readonly registratie: readonly KotRegistratie[]
  readonly leveringen: readonly string[]
}): KotSignaalKandidaat[] {
  const { periode } = invoer
  const periodeVanTot = maandPeriode(periode)
  const geregistreerd = new Map(invoer.registratie.map((r) => [r.bsn, r]))
  const inBestand = new Set(invoer.bestand.map((r) => r.bsn))
  const uit: KotSignaalKandidaat[] = []
  for (const r of invoer.bestand) {
    if (geregistreerd.has(r.bsn)) continue
    uit.push({
      soort: 'niet-geregistreerd', bsn: r.bsn, sleutel: `${r.bsn}|${periode}`, periode: periodeVanTot,
      bronnen: [{ bron: BRON, leveringId: r.leveringId, regel: r.regel }], regel: KOT_REGEL, gegevens: { doelgroep: r.doelgroep },
      uitleg: `De Belastingdienst noemt u in ${maandTekst(periode)} als doelgroepouder voor de kinderopvangtoeslag in deze gemeente `
        + `(reden: ${r.doelgroep}). De gemeente heeft u voor die maand niet als doelgroepouder geregistreerd. `
        + 'Dat betekent niet dat er iets mis is: de gemeente kijkt na of haar registratie of het bestand moet worden aangepast.',
    })
  }
  for (const r of geregistreerd.values()) {
    if (inBestand.has(r.bsn)) continue
    uit.push({
      soort: 'niet-in-bestand', bsn: r.bsn, sleutel: `${r.bsn}|${periode}`, periode: periodeVanTot,
      bronnen: invoer.leveringen.map((leveringId) => ({ bron: BRON, leveringId, regel: 0 })), regel: KOT_REGEL,
      gegevens: r.referentie ? { referentie: r.referentie } : {},
      uitleg: `De gemeente heeft u in ${maandTekst(periode)} geregistreerd als doelgroepouder voor de kinderopvangtoeslag, `
        + 'maar u staat voor die maand niet in het bestand van de Belastingdienst voor deze gemeente. Misschien loopt u daardoor '
        + 'kinderopvangtoeslag mis. De gemeente kijkt na hoe dat komt.',
    })
  }
  return uit.sort((a, b) => (a.soort === b.soort ? a.bsn.localeCompare(b.bsn) : a.soort.localeCompare(b.soort)))
}
