export { t, tOr, isMessageKey, type MessageParams } from './t.js'
export { nl, type MessageKey } from './nl.js'
