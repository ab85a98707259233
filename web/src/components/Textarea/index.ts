export { Textarea } from './Textarea.js'
