export { LeveringenPage, BRONNEN } from './LeveringenPage.js'
