import type { Principal, Rol } from '../../../platform/access/index.js'
import { t } from '../../../../web/src/i18n/index.js'

/**
 * A page of the portal and who may see it. Products add their own pages (with `product`), so the menu grows with
 * the products an organisation takes without the portal knowing them in advance.
 */
export interface PortalPagina {
  /** Stable id the SPA maps to a screen, e.g. `logboek-inzage` or `samenloop-signalen`. */
  readonly id: string
  /** Path in the SPA, e.g. `/logboek-inzage`. */
  readonly pad: string
  readonly titel: string
  /** Shown only when the user's organisation takes this product. */
  readonly product?: string | undefined
  /** Shown only to users holding at least one of these roles. */
  readonly rollen?: readonly Rol[] | undefined
}

export interface NavigatieItem {
  readonly id: string
  readonly pad: string
  readonly titel: string
  readonly product?: string | undefined
}

/** The portal's own pages. Start and the (public) register are there for everyone who is logged in. */
export const VASTE_PAGINAS: readonly PortalPagina[] = [
  { id: 'start', pad: '/', titel: t('pagina.start') },
  { id: 'gegevensregister', pad: '/gegevensregister', titel: t('pagina.gegevensregister') },
  { id: 'api-clients', pad: '/api-clients', titel: t('pagina.api-clients'), rollen: ['beheerder'] },
  { id: 'logboek-inzage', pad: '/logboek-inzage', titel: t('pagina.logboek-inzage'), rollen: ['privacy-officer'] },
]

/** The menu for this user: pages whose product the organisation takes and whose roles the user holds. */
export function navigatieVoor(p: Principal, paginas: readonly PortalPagina[]): NavigatieItem[] {
  return paginas
    .filter((pg) => pg.product === undefined || p.producten.includes(pg.product))
    .filter((pg) => pg.rollen === undefined || pg.rollen.some((r) => p.rollen.includes(r)))
    .map(({ id, pad, titel, product }) => (product === undefined ? { id, pad, titel } : { id, pad, titel, product }))
}
