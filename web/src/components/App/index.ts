export * from './App.js'
