export * from './organisatie.js'
export { createAccessService, EXTRA_SCOPES, type AccessService, type NieuweClient, type NieuweGebruiker } from './access-service.js'
export { createTokenService, MAX_TOKEN_SECONDS, type AccessTokenClaims, type TokenService } from './token-service.js'
export { authorize, type Requirement } from './authorize.js'
