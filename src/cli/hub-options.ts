import type { HubOptions } from '../app.js'
import type { HubConfig } from '../config.js'
import { createPortal } from '../adapters/http/portal/index.js'
import { createRecentLedger } from '../platform/ledger/recent.js'
import { beslagvrijeVoetRoutes } from '../products/beslagvrije-voet/index.js'
import { bijstandsnormenRoutes } from '../products/bijstandsnormen/index.js'
import { PORTAL_DIST, ensurePortalBuilt } from '../../web/build.js'

/** The products and the portal that a served hub includes. The portal is built first when it is missing or stale. */
export async function hubOptions(config: HubConfig): Promise<HubOptions> {
  return {
    modules: [bijstandsnormenRoutes, beslagvrijeVoetRoutes],
    portal: async (ctx) => {
      await ensurePortalBuilt({ logLevel: 'warn' })
      return createPortal({
        access: ctx.access, keyring: ctx.keyring, clock: ctx.clock, publicUrl: config.publicUrl, oidc: config.oidc,
        webDist: PORTAL_DIST, ledger: createRecentLedger(ctx.database.db),
      })
    },
  }
}
