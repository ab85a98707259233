export { BeslagvrijeVoetPage } from './BeslagvrijeVoetPage.js'
