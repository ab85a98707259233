export * from './Checkbox.js'
