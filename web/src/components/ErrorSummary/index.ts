export * from './ErrorSummary.js'
