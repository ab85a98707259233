export { api, ApiError, ValidationError, NetworkError, PORTAL_HEADER, type Problem, type InvalidParam } from './api-client.js'
export type * from './types.js'
