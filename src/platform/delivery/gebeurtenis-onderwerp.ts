import type { GebeurtenisRow } from './delivery-tables.js'
import { gebeurtenisEventType } from './gebeurtenis-meldingen.js'
import { absoluut, type Afleverbaar, type OnderwerpStrategie } from './onderwerp.js'

/**
 * Notices without personal data (e.g. an OIB month changed): the same `data` for every subscription kind of `inhoud`,
 * no BSN, so no ledger line; the afnemer reads the details through `dataref`, where reading is ledgered.
 */
export const gebeurtenisOnderwerp: OnderwerpStrategie = {
  soort: 'gebeurtenis',
  verdwenen: 'gebeurtenis-verwijderd',
  async laad(ctx, ids) {
    const rows = await ctx.database.db.selectFrom('gebeurtenissen').selectAll().where('id', 'in', [...ids]).execute()
    return new Map(rows.map((g) => [g.id, afleverbareGebeurtenis(g)]))
  },
}

function afleverbareGebeurtenis(g: GebeurtenisRow): Afleverbaar {
  return {
    oin: g.oin, product: g.product, soort: g.soort,
    zending: (_abonnement, opts) => ({
      product: g.product, type: gebeurtenisEventType(g.product, g.soort), subject: g.onderwerp, time: g.aangemaakt,
      dataref: absoluut(opts.publicUrl, g.dataref), data: JSON.parse(g.data) as Record<string, unknown>,
    }),
  }
}
