export * from './FormField.js'
