export { VooraftoetsPage } from './VooraftoetsPage.js'
