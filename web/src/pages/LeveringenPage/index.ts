export { LeveringenPage } from './LeveringenPage.js'
