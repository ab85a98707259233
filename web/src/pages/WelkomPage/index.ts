export * from './WelkomPage.js'
