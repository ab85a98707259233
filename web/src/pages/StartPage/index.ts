export * from './StartPage.js'
