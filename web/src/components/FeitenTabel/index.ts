export { FeitenTabel, feitenPerBron } from './FeitenTabel.js'
