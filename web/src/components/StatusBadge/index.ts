export * from './StatusBadge.js'
