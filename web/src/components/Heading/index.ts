export * from './Heading.js'
