export { PopulatiePage } from './PopulatiePage.js'
