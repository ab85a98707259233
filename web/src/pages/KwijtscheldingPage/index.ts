export { KwijtscheldingPage } from './KwijtscheldingPage.js'
