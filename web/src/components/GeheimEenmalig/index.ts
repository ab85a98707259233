export * from './GeheimEenmalig.js'
