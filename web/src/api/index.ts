export { api, uploadCsv, download, isNietBeschikbaar, ApiError, ValidationError, NetworkError, PORTAL_HEADER, type Problem, type InvalidParam, type Method } from './api-client.js'
export type * from './types.js'
