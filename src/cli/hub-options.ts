import type { HubOptions } from '../app.js'
import type { HubConfig } from '../config.js'

/** The products and portal that a served hub includes. */
export async function hubOptions(_config: HubConfig): Promise<HubOptions> {
  return {}
}
