import type { HubOptions } from '../app.js'
import type { HubConfig } from '../config.js'
import type { RouteModule } from '../adapters/http/hub-context.js'
import { createPortal } from '../adapters/http/portal/index.js'
import { PRODUCT_PAGINAS } from '../adapters/http/portal/navigation.js'
import { createDeliveryModule } from '../platform/delivery/index.js'
import { intakeModule } from '../platform/intake/index.js'
import { createRecentLedger } from '../platform/ledger/recent.js'
import { populatieModule } from '../platform/population/index.js'
import { beslagvrijeVoetRoutes } from '../products/beslagvrije-voet/index.js'
import { bijstandsnormenRoutes } from '../products/bijstandsnormen/index.js'
import { kotModule } from '../products/kot-doelgroepouders/index.js'
import { kwijtscheldingModule } from '../products/kwijtschelding/index.js'
import { nettoInkomenRoutes } from '../products/netto-inkomen/index.js'
import { oibModule } from '../products/oib/index.js'
import { samenloopModule } from '../products/samenloop/index.js'
import { voorafToetsModule } from '../products/vooraf-toets/index.js'
import { PORTAL_DIST, ensurePortalBuilt } from '../../web/build.js'

/** Every platform function and product a served hub runs. */
export function hubModules(config: Pick<HubConfig, 'mode' | 'publicUrl' | 'hubOin' | 'webhookConcurrency'>): RouteModule[] {
  const producten = [populatieModule, intakeModule, samenloopModule, voorafToetsModule, oibModule, kotModule]
  const rekenen = [bijstandsnormenRoutes, beslagvrijeVoetRoutes, nettoInkomenRoutes, kwijtscheldingModule]
  return [
    ...producten,
    createDeliveryModule({
      allowPrivateUrls: config.mode !== 'productie', publicUrl: config.publicUrl, ...(config.hubOin ? { hubOin: config.hubOin } : {}),
      ...(config.webhookConcurrency ? { concurrency: config.webhookConcurrency } : {}),
      berichten: Object.assign({}, ...[...producten, ...rekenen].map((m) => m.berichten ?? {})),
    }),
    ...rekenen,
  ]
}

/** The modules and the portal of a served hub. The portal is built first when it is missing or stale. */
export async function hubOptions(config: HubConfig): Promise<HubOptions> {
  return {
    modules: hubModules(config),
    portal: async (ctx) => {
      await ensurePortalBuilt({ logLevel: 'warn' })
      return createPortal({
        access: ctx.access, db: ctx.database.db, keyring: ctx.keyring, clock: ctx.clock, publicUrl: config.publicUrl, oidc: config.oidc,
        webDist: PORTAL_DIST, ledger: createRecentLedger(ctx.database.db), paginas: PRODUCT_PAGINAS,
      })
    },
  }
}
