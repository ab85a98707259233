export * from './SkipLink.js'
