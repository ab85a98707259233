export { bsnFout, isOin } from './validation.js'
