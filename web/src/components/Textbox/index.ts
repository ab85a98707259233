export * from './Textbox.js'
