export { SignalenPage } from './SignalenPage.js'
