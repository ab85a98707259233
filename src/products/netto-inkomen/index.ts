export type { NettoInkomenInvoer, NettoInkomenUitkomst } from './netto-inkomen.js'
export { berekenNettoInkomen, nettoInkomenAlgoritme, valideerNettoInkomenInvoer } from './netto-inkomen.js'
