import { AppError, addDays, addMonths, bsnProblem, isDatum, type Bsn, type Datum, type InvalidParam } from '../../core/index.js'

/** What a gemeente sends when it asks for the vooraf-toets at a bijstandsaanvraag. */
export interface VoorafToetsInvoer {
  readonly bsn: Bsn
  /** The gemeente's own reference of the aanvraag; kept on the indication so later signals can be traced to it. */
  readonly aanvraagReferentie: string
  readonly peildatum: Datum
}

const VELDEN = ['bsn', 'aanvraagReferentie', 'peildatum']
const MAX_REFERENTIE = 100
const PEILDATUM_VAN = '1900-01-01'
const PEILDATUM_TOT = '2099-12-31'

/**
 * Validates the request body, listing every problem at once (`vooraf-toets.invoer-ongeldig`). The BSN is never
 * echoed in a reason.
 */
export function valideerVoorafToetsInvoer(body: unknown): VoorafToetsInvoer {
  const p: InvalidParam[] = []
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new AppError('invalid', 'vooraf-toets.invoer-ongeldig', 'de vraag moet een JSON-object zijn met bsn, aanvraagReferentie en peildatum',
      [{ name: 'body', code: 'geen-object', reason: 'verwacht een JSON-object' }])
  }
  const b = body as Record<string, unknown>
  const bsnFout = bsnProblem(b.bsn)
  if (bsnFout) p.push({ name: 'bsn', code: 'bsn-ongeldig', reason: bsnFout })
  const ref = b.aanvraagReferentie
  if (typeof ref !== 'string' || ref.trim() === '') p.push({ name: 'aanvraagReferentie', code: 'verplicht', reason: 'het kenmerk van de aanvraag ontbreekt' })
  else if (ref.length > MAX_REFERENTIE) p.push({ name: 'aanvraagReferentie', code: 'te-lang', reason: `hoogstens ${MAX_REFERENTIE} tekens` })
  if (!isDatum(b.peildatum)) p.push({ name: 'peildatum', code: 'datum-ongeldig', reason: 'geen geldige datum (verwacht JJJJ-MM-DD)' })
  // The fact window (12 months back) and the indication (3 months on) must stay inside the calendar.
  else if (b.peildatum < PEILDATUM_VAN || b.peildatum > PEILDATUM_TOT)
    p.push({ name: 'peildatum', code: 'datum-ongeldig', reason: `een datum van ${PEILDATUM_VAN} tot en met ${PEILDATUM_TOT}` })
  for (const k of Object.keys(b)) if (!VELDEN.includes(k)) p.push({ name: k, code: 'veld-onbekend', reason: `onbekend veld; toegestaan: ${VELDEN.join(', ')}` })
  if (p.length) throw new AppError('invalid', 'vooraf-toets.invoer-ongeldig', 'de vraag voor de vooraf-toets is ongeldig', p)
  return { bsn: b.bsn as Bsn, aanvraagReferentie: (ref as string).trim(), peildatum: b.peildatum as Datum }
}

/** Length of the aanvraag indication: three months, so facts that arrive while the aanvraag is handled signal too. */
export const AANVRAAG_MAANDEN = 3

/** The indication period of an aanvraag: from the peildatum up to and including the day before peildatum + 3 months. */
export function aanvraagPeriode(peildatum: Datum): { van: Datum; tot: Datum } {
  return { van: peildatum, tot: addDays(addMonths(peildatum, AANVRAAG_MAANDEN), -1) }
}
