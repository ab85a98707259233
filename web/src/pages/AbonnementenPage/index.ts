export { AbonnementenPage } from './AbonnementenPage.js'
