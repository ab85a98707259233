export type { Belemmering, KwijtscheldingInvoer, KwijtscheldingUitkomst } from './kwijtschelding-norm.js'
export { kwijtscheldingAlgoritme, kwijtscheldingParameters, toetsKwijtschelding, valideerKwijtscheldingInvoer } from './kwijtschelding-norm.js'
