export * from './Loading.js'
