export type { Inkomstenverhouding, OibOverzicht, PolisFeit } from './oib-overzicht.js'
export { stelOverzichtSamen } from './oib-overzicht.js'
export { getroffenOverzichten } from './oib-store.js'
export { oibModule, OVERZICHT_GEWIJZIGD } from './routes.js'
