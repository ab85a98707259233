export * from './NavBar.js'
