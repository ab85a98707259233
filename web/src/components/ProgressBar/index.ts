export { ProgressBar } from './ProgressBar.js'
