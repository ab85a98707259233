import type { HubOptions } from '../app.js'
import type { HubConfig } from '../config.js'
import { beslagvrijeVoetRoutes } from '../products/beslagvrije-voet/index.js'
import { bijstandsnormenRoutes } from '../products/bijstandsnormen/index.js'

/** The products and portal that a served hub includes. */
export async function hubOptions(_config: HubConfig): Promise<HubOptions> {
  return { modules: [bijstandsnormenRoutes, beslagvrijeVoetRoutes] }
}
