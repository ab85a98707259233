export { formErrorsFrom, noErrors, hasErrors, type FormErrors } from './form-errors.js'
