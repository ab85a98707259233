export * from './Table.js'
