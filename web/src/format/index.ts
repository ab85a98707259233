export { formatDate, formatDateTime } from './format.js'
