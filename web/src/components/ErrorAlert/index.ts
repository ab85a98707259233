export { ErrorAlert } from './ErrorAlert.js'
