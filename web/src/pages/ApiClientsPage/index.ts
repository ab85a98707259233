export * from './ApiClientsPage.js'
