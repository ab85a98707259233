export * from './ButtonGroup.js'
