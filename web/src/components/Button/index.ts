export * from './Button.js'
