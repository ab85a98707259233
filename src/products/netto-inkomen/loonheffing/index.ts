export type { Leeftijdsgroep, LoonheffingInvoer, LoonheffingOpties, LoonheffingUitkomst } from './bereken-loonheffing.js'
export { berekenLoonheffing, LEEFTIJDSGROEPEN } from './bereken-loonheffing.js'
export { valideerLoonheffingInvoer } from './loonheffing-invoer.js'
export { loonheffingParameters } from './parameters.js'
