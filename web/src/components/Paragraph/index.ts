export * from './Paragraph.js'
