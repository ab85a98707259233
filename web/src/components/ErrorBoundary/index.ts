export * from './ErrorBoundary.js'
