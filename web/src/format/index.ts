export { formatDate, formatDateTime, formatEuro, parseEuro, formatDag } from './format.js'
