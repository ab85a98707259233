export * from './UnorderedList.js'
