export type { LoonheffingControle, NettoInkomenInvoer, NettoInkomenOpties, NettoInkomenUitkomst } from './netto-inkomen.js'
export { berekenNettoInkomen, nettoInkomenAlgoritme, valideerNettoInkomenInvoer } from './netto-inkomen.js'
export type { Leeftijdsgroep, LoonheffingInvoer, LoonheffingUitkomst } from './loonheffing/index.js'
export { berekenLoonheffing, LEEFTIJDSGROEPEN, loonheffingParameters, valideerLoonheffingInvoer } from './loonheffing/index.js'
