export { GegevensTabel, waardeTekst } from './GegevensTabel.js'
