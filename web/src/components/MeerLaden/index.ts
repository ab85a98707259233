export * from './MeerLaden.js'
