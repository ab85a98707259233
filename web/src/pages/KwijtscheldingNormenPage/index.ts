export { KwijtscheldingNormenPage } from './KwijtscheldingNormenPage.js'
