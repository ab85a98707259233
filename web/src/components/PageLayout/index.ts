export * from './PageLayout.js'
