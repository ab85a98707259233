import { detentieRegel } from './detentie.js'
import { emigratieRegel, overlijdenRegel, verhuizingRegel } from './brp.js'
import { inkomstenRegel } from './inkomsten.js'
import { studiefinancieringRegel } from './studiefinanciering.js'
import { uitkeringPolisRegel, uitkeringSvbRegel } from './uitkering.js'
import { vermogenRegel } from './vermogen.js'
import { voertuigRegel } from './voertuig.js'
import type { SamenloopRegel } from './samenloop-regel.js'

export type { SamenloopRegel, SamenloopRegelData, SignaalSoort } from './samenloop-regel.js'
export { BRON_NAMEN, PRODUCT, SOORTEN } from './samenloop-regel.js'
export { vermogensgrens } from './vermogen.js'

/** Every samenloop rule in force, one or more per signal kind. */
export const SAMENLOOP_REGELS: readonly SamenloopRegel[] = [
  inkomstenRegel, uitkeringPolisRegel, uitkeringSvbRegel, vermogenRegel, voertuigRegel, detentieRegel,
  studiefinancieringRegel, verhuizingRegel, emigratieRegel, overlijdenRegel,
]
