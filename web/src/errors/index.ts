export { errorScreenFor, errorScreen, type ErrorScreenChoice, type ErrorScreenKind } from './error-screen.js'
