export * from './Fieldset.js'
