import type { OrganisatieSoort, Principal, Rol } from '../../../platform/access/index.js'
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
  /** Shown only when the organisation takes at least one of these products (a page serving several products). */
  readonly producten?: readonly string[] | undefined
  /** Shown only to organisations of one of these kinds (e.g. `bron` for the delivery page). */
  readonly soorten?: readonly OrganisatieSoort[] | undefined
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

/** Roles of afnemers: everyone who receives products (not sources, privacy officers or beheer). */
const AFNEMER_ROLLEN: readonly Rol[] = ['inkomen', 'wmo', 'belastingen', 'schuldhulp', 'rmc', 'zorg', 'beslaglegger']

/**
 * The product pages (issues 4 and 5). The composition root passes them as `paginas` to `createPortal`; each has a
 * screen in `web/src/components/App/App.tsx`. A page whose API is not (yet) mounted says so on screen instead of
 * showing made-up data.
 */
export const PRODUCT_PAGINAS: readonly PortalPagina[] = [
  { id: 'samenloop-signalen', pad: '/signalen', titel: t('pagina.signalen'), product: 'samenloop', rollen: ['inkomen'] },
  { id: 'samenloop-vooraf-toets', pad: '/vooraf-toets', titel: t('pagina.vooraf-toets'), product: 'samenloop', rollen: ['inkomen'] },
  { id: 'populatie', pad: '/populatie', titel: t('pagina.populatie'), producten: ['samenloop', 'oib', 'kot-doelgroepouders'], rollen: ['inkomen'] },
  { id: 'leveringen', pad: '/leveringen', titel: t('pagina.leveringen'), soorten: ['bron'], rollen: ['bron'] },
  { id: 'abonnementen', pad: '/abonnementen', titel: t('pagina.abonnementen'), rollen: AFNEMER_ROLLEN },
  { id: 'beslagvrije-voet', pad: '/beslagvrije-voet', titel: t('pagina.beslagvrije-voet'), product: 'beslagvrije-voet', rollen: ['beslaglegger', 'inkomen', 'belastingen', 'schuldhulp'] },
  { id: 'netto-inkomen', pad: '/netto-inkomen', titel: t('pagina.netto-inkomen'), product: 'netto-inkomen', rollen: ['inkomen', 'beslaglegger', 'belastingen', 'schuldhulp'] },
  { id: 'kwijtschelding', pad: '/kwijtschelding', titel: t('pagina.kwijtschelding'), product: 'kwijtschelding', rollen: ['belastingen'] },
  { id: 'kwijtschelding-normen', pad: '/kwijtschelding-normen', titel: t('pagina.kwijtschelding-normen'), product: 'kwijtschelding', rollen: ['belastingen'] },
]

/**
 * The menu for this user: pages whose product (or one of whose products) the organisation takes, whose
 * organisation kind matches, and whose roles the user holds.
 */
export function navigatieVoor(p: Principal, paginas: readonly PortalPagina[]): NavigatieItem[] {
  return paginas
    .filter((pg) => pg.product === undefined || p.producten.includes(pg.product))
    .filter((pg) => pg.producten === undefined || pg.producten.some((x) => p.producten.includes(x)))
    .filter((pg) => pg.soorten === undefined || pg.soorten.includes(p.organisatie.soort))
    .filter((pg) => pg.rollen === undefined || pg.rollen.some((r) => p.rollen.includes(r)))
    .map(({ id, pad, titel, product }) => (product === undefined ? { id, pad, titel } : { id, pad, titel, product }))
}
