import type { Cent, Datum } from '../../../core/index.js'
import { InvoerLezer } from '../../../platform/rules/index.js'
import { LEEFTIJDSGROEPEN, type LoonheffingInvoer } from './bereken-loonheffing.js'

/** Upper bound for a monthly wage: €1 million a month is treated as a typing error. */
const MAX_MAANDLOON_CENT = 100_000_000

/**
 * Turns an unknown JSON body into a typed input, or throws `AppError('invalid', 'loonheffing.invoer-ongeldig')`
 * listing every problem. `loonheffingskorting` defaults to true, `leeftijdsgroep` to `jonger-dan-aow`.
 */
export function valideerLoonheffingInvoer(body: unknown): LoonheffingInvoer {
  const l = new InvoerLezer(body, ['peildatum', 'loonPerMaandCent', 'loonheffingskorting', 'leeftijdsgroep', 'alleenstaandeOuderenkorting'])
  const raw = (body ?? {}) as Record<string, unknown>
  const peildatum = l.datum('peildatum')
  const loon = l.cent('loonPerMaandCent', { max: MAX_MAANDLOON_CENT })
  const lhk = l.jaNee('loonheffingskorting', true)
  const groep = raw.leeftijdsgroep === undefined ? 'jonger-dan-aow' : l.keuze('leeftijdsgroep', LEEFTIJDSGROEPEN)
  const aok = l.jaNee('alleenstaandeOuderenkorting', false)
  if (aok === true && groep === 'jonger-dan-aow') {
    l.problemen.push({ name: 'alleenstaandeOuderenkorting', code: 'niet-van-toepassing', reason: 'de alleenstaande ouderenkorting geldt alleen vanaf de AOW-leeftijd' })
  }
  l.klaar('loonheffing.invoer-ongeldig', 'de invoer voor de loonheffing is ongeldig')
  return { peildatum: peildatum as Datum, loonPerMaandCent: loon as Cent, loonheffingskorting: lhk!, leeftijdsgroep: groep!, alleenstaandeOuderenkorting: aok }
}
