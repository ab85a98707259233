import { AppError } from '../../core/index.js'
import type { Principal, Rol } from './organisatie.js'

/** What a route or service call demands of its caller. All parts that are given must hold. */
export interface Requirement {
  /** The product the call belongs to: the caller's organisation must take it and a client must be scoped for it. */
  readonly product?: string
  /** At least one of these roles. */
  readonly rollen?: readonly Rol[]
  /** An extra scope such as `inzage` or `beheer`. */
  readonly scope?: string
  /** Organisation kinds allowed, e.g. only `bron` may deliver. */
  readonly soorten?: readonly string[]
}

/** Throws `forbidden` naming what is missing. Pure, so every delivery path can re-check at send time. */
export function authorize(p: Principal, req: Requirement): void {
  if (req.soorten && !req.soorten.includes(p.organisatie.soort))
    throw new AppError('forbidden', 'toegang.soort-organisatie', `deze functie is voor organisaties van soort ${req.soorten.join(' of ')}`)
  if (req.product && !p.producten.includes(req.product))
    throw new AppError('forbidden', 'toegang.product', `uw organisatie of client heeft geen toegang tot product '${req.product}'`)
  if (req.scope && !p.scopes.includes(req.scope))
    throw new AppError('forbidden', 'toegang.scope', `hiervoor is de scope '${req.scope}' nodig`)
  if (req.rollen && !req.rollen.some((r) => p.rollen.includes(r)))
    throw new AppError('forbidden', 'toegang.rol', `hiervoor is een van deze rollen nodig: ${req.rollen.join(', ')}`)
}
