import { isMaand, isOin } from '../../core/index.js'

/** A notice for subscriptions, without personal data: the receiver reads the details through `dataref`. */
export interface Melding {
  readonly oin: string
  readonly product: string
  /** With the product it makes the CloudEvents type `nl.knooppunt.<product>.<soort>`; subscriptions' `soorten` filter on it. */
  readonly soort: string
  /** The CloudEvents subject. */
  readonly onderwerp: string
  /** Path under the hub's public URL. */
  readonly dataref: string
  readonly data: Record<string, unknown>
}

/** The OIB product's internal event (no BSN); see src/platform/events/event-types.ts and src/products/oib. */
export const OIB_OVERZICHT_GEWIJZIGD = 'knooppunt.oib.overzicht-gewijzigd.v1'

/**
 * Which internal bus events become notices, and how. The event data is checked here, because whatever passes goes
 * into a URL and out of the hub: an event that does not have the expected shape makes no notice.
 */
export const MELDINGEN: Readonly<Record<string, (data: unknown) => Melding | undefined>> = {
  [OIB_OVERZICHT_GEWIJZIGD](data) {
    const { oin, periode } = (data ?? {}) as { oin?: unknown; periode?: unknown }
    if (!isOin(oin) || !isMaand(periode)) return undefined
    // Only the month: the overview itself (BSNs, amounts) is read through the API, where each read is ledgered per BSN.
    return { oin, product: 'oib', soort: 'overzicht-gewijzigd', onderwerp: periode, dataref: `/api/v1/oib/overzichten?periode=${periode}`, data: { periode } }
  },
}

/** The CloudEvents `type` of a notice: `nl.knooppunt.oib.overzicht-gewijzigd`. */
export const gebeurtenisEventType = (product: string, soort: string): string => `nl.knooppunt.${product}.${soort}`
