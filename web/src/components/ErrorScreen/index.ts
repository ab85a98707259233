export * from './ErrorScreen.js'
