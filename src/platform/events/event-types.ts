import { AppError } from '../../core/index.js'

/**
 * Every internal event type, versioned, in one place. A payload change that is not backward compatible gets a
 * new version suffix; consumers subscribe by exact type. Products add their types here.
 */
export const EVENT_TYPES = {
  /** A test/diagnostic event; carries no personal data. */
  'knooppunt.diagnose.v1': 'Diagnostisch event (geen persoonsgegevens); gebruikt door health checks en tests.',
  'knooppunt.organisatie.gewijzigd.v1': 'Een organisatie, haar producten of clients zijn gewijzigd.',
  /** data: { oin, product, toegevoegd: number, beeindigd: number } — no BSNs. */
  'knooppunt.populatie.gewijzigd.v1': 'De populatie (afnemersindicaties) van een afnemer voor een product is gewijzigd.',
  /**
   * data: { oin, product, naId, totId } — no BSN: the rows of `populatie_regels` with naId < id <= totId for this
   * afnemer and product were added by one upload, mutation file or vooraf-toets. Look-back matching reads them.
   */
  'knooppunt.indicaties.vastgelegd.v1': 'Een afnemer heeft indicaties toegevoegd of gewijzigd; de hub kijkt terug naar feiten die het al bewaart.',
  /** data: { bron, leveringId, opgeslagen: number } — the facts are read from the store by levering. */
  'knooppunt.feiten.vastgelegd.v1': 'Een bronlevering of bronevent heeft feiten vastgelegd.',
  /** data: { signaalId, oin, product, soort } — no BSN. */
  'knooppunt.signaal.aangemaakt.v1': 'Er is een nieuw signaal voor een afnemer.',
  /** data: { oin, periode } — no BSN. */
  'knooppunt.oib.overzicht-gewijzigd.v1': 'Het OIB-maandoverzicht van een afnemer is gewijzigd.',
  /** data: { toetsingId, oin } — no BSN. */
  'knooppunt.kwijtschelding.toetsing-gereed.v1': 'Een kwijtscheldingstoetsing is klaar.',
} as const satisfies Record<string, string>

export type EventType = keyof typeof EVENT_TYPES

export function isRegisteredEventType(type: string): type is EventType {
  return Object.hasOwn(EVENT_TYPES, type)
}

export function assertRegisteredEventType(type: string): asserts type is EventType {
  if (!isRegisteredEventType(type)) throw new AppError('internal', 'events.type-onbekend', `event type niet geregistreerd: ${type}`)
}
