export type { Bronkopie, Gegeven, Grondslag, RegisterEntry, Verwerkingsactiviteit } from './register-entry.js'
export { activiteitVoor, parseRegisterEntry } from './register-entry.js'
export { createRegister, loadRegister, type GegevensRegister } from './register.js'
export { guardOutput, type GuardResult } from './output-guard.js'
