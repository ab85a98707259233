export * from './GegevensregisterPage.js'
