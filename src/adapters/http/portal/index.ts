export { createPortal, type PortalDeps, type PortalOidcConfig } from './create-portal.js'
export type { PortalLedger, ActiviteitRegel } from './activity-routes.js'
export { VASTE_PAGINAS, navigatieVoor, type PortalPagina, type NavigatieItem } from './navigation.js'
export type { PortalLog } from './portal-log.js'
