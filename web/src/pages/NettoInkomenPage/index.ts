export { NettoInkomenPage } from './NettoInkomenPage.js'
