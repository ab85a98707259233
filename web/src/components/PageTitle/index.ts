export * from './PageTitle.js'
