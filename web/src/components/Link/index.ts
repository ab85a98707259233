export * from './Link.js'
