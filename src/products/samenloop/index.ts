export { samenloopModule, matchSamenloopLevering, MATCHING_CONSUMER } from './samenloop-module.js'
export { SAMENLOOP_REGELS, SOORTEN, vermogensgrens, type SamenloopRegel, type SamenloopRegelData, type SignaalSoort } from './regels/index.js'
export { signalenRoutes, type SignaalProducten } from './signalen-routes.js'
