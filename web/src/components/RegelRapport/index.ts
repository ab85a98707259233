export { RegelRapport, type RegelFout } from './RegelRapport.js'
