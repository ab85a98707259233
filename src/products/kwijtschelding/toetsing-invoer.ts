import { AppError, isBsn, isDatum, parseCent, type InvalidParam } from '../../core/index.js'

/** One BSN to check, as read from JSON or a CSV line; `fout` when the line itself is wrong. */
export type ToetsRegel =
  | { readonly regel: number; readonly bsn: string; readonly peildatum: string; readonly aanslagCent?: number | undefined }
  | { readonly regel: number; readonly fout: { readonly code: string; readonly detail: string; readonly invalidParams: readonly InvalidParam[] } }

export const CSV_KOP = ['bsn', 'peildatum', 'aanslagCent'] as const
/** A batch above this many lines must be split: the results of one toetsing are read in one answer. */
export const MAX_REGELS = 100_000
const MAX_AANSLAG = 100_000_000

/** Checks one `{ bsn, peildatum, aanslagCent? }`, collecting every problem. */
function leesVelden(v: Record<string, unknown>, naam: (veld: string) => string): { invoer?: { bsn: string; peildatum: string; aanslagCent?: number }; problemen: InvalidParam[] } {
  const problemen: InvalidParam[] = []
  if (!isBsn(v.bsn)) problemen.push({ name: naam('bsn'), code: 'bsn-ongeldig', reason: 'geen geldig BSN (9 cijfers, elfproef)' })
  if (!isDatum(v.peildatum)) problemen.push({ name: naam('peildatum'), code: 'datum-ongeldig', reason: 'geen geldige datum (verwacht JJJJ-MM-DD)' })
  let aanslagCent: number | undefined
  if (v.aanslagCent !== undefined && v.aanslagCent !== null && v.aanslagCent !== '') {
    try { aanslagCent = parseCent(typeof v.aanslagCent === 'string' && /^\d+$/.test(v.aanslagCent) ? Number(v.aanslagCent) : v.aanslagCent, naam('aanslagCent'), { max: MAX_AANSLAG }) } catch (e) {
      problemen.push(...((e as AppError).invalidParams ?? [{ name: naam('aanslagCent'), code: 'bedrag-ongeldig', reason: 'geen geldig bedrag' }]))
    }
  }
  if (problemen.length) return { problemen }
  return { invoer: { bsn: v.bsn as string, peildatum: v.peildatum as string, ...(aanslagCent === undefined ? {} : { aanslagCent }) }, problemen }
}

/** A JSON body: exactly one check. Unknown fields and bad values are one 400 listing every problem. */
export function leesJsonToetsing(body: unknown): ToetsRegel[] {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new AppError('invalid', 'kwijtschelding.invoer-ongeldig', 'verwacht één JSON-object { bsn, peildatum, aanslagCent? } of een CSV-bestand', [{ name: '(body)', code: 'geen-object', reason: 'verwacht een JSON-object' }])
  const v = body as Record<string, unknown>
  const onbekend = Object.keys(v).filter((k) => !(CSV_KOP as readonly string[]).includes(k)).map((k) => ({ name: k, code: 'onbekend-veld', reason: 'dit veld wordt niet ondersteund' }))
  const { invoer, problemen } = leesVelden(v, (x) => x)
  if (onbekend.length || !invoer) throw new AppError('invalid', 'kwijtschelding.invoer-ongeldig', 'de invoer voor de kwijtscheldingstoets is ongeldig', [...onbekend, ...problemen])
  return [{ regel: 1, ...invoer }]
}

/**
 * A CSV batch `bsn;peildatum;aanslagCent` (header line first, `;`, UTF-8). A wrong header is one 400; a bad line becomes
 * a result with its error and the other lines are checked (line numbers count the header as line 1).
 */
export function leesCsvToetsingen(tekst: string): ToetsRegel[] {
  const regels = tekst.split('\n')
  const kop = (regels[0] ?? '').replace(/\r$/, '').replace(/^\uFEFF/, '').split(';').map((c) => c.trim())
  if (kop.length < 2 || kop.some((k) => !(CSV_KOP as readonly string[]).includes(k)) || new Set(kop).size !== kop.length || !kop.includes('bsn') || !kop.includes('peildatum'))
    throw new AppError('invalid', 'kwijtschelding.csv-kop-ongeldig', `de kopregel moet ${CSV_KOP.join(';')} zijn (aanslagCent mag ontbreken)`, [{ name: 'regel 1', code: 'csv-kop-ongeldig', reason: `gevonden: ${kop.join(';').slice(0, 200)}` }])
  const uit: ToetsRegel[] = []
  for (let i = 1; i < regels.length; i++) {
    const lijn = regels[i]!.replace(/\r$/, '')
    if (lijn.trim() === '') continue
    const nr = i + 1
    const cellen = lijn.split(';')
    if (cellen.length !== kop.length) {
      uit.push({ regel: nr, fout: { code: 'kwijtschelding.csv-kolommen', detail: `deze regel heeft ${cellen.length} kolommen, de kopregel ${kop.length}`, invalidParams: [] } })
      continue
    }
    const v = Object.fromEntries(kop.map((k, j) => [k, cellen[j]!.trim()]))
    const { invoer, problemen } = leesVelden(v, (x) => x)
    uit.push(invoer ? { regel: nr, ...invoer } : { regel: nr, fout: { code: 'kwijtschelding.invoer-ongeldig', detail: 'deze regel is ongeldig', invalidParams: problemen } })
    if (uit.length > MAX_REGELS) throw new AppError('too-large', 'kwijtschelding.batch-te-groot', `een batch heeft hoogstens ${MAX_REGELS} regels; splits het bestand op`)
  }
  if (uit.length === 0) throw new AppError('invalid', 'kwijtschelding.batch-leeg', 'het bestand bevat geen regels na de kopregel')
  return uit
}
