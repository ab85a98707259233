import { isUtf8 } from 'node:buffer'
import { bsnProblem, isDatum, type Bsn, type Datum, type InvalidParam } from '../../core/index.js'

/** The upload header of `PUT /populaties/{product}`; mutations add `actie`. */
export const POPULATIE_KOLOMMEN = ['bsn', 'ingangsdatum', 'einddatum', 'referentie'] as const
export const MUTATIE_KOLOMMEN = [...POPULATIE_KOLOMMEN, 'actie'] as const

export type Actie = 'toevoegen' | 'beeindigen'

/** One valid line of a population upload or mutation file. */
export interface IndicatieRegel {
  /** Line number in the file, the header being line 1. */
  readonly regel: number
  readonly bsn: Bsn
  readonly ingangsdatum: Datum
  readonly einddatum: Datum | null
  readonly referentie: string | null
  readonly actie: Actie
}

/** Every valid line, or every problem: an upload is all or nothing, so callers never see half a result. */
export type LeesResultaat =
  | { readonly ok: true; readonly regels: readonly IndicatieRegel[] }
  | { readonly ok: false; readonly problemen: readonly InvalidParam[] }

const MAX_REFERENTIE = 200

/**
 * Reads a population (or mutation) file. Lines are split on bytes before decoding, so one line with bad UTF-8 is
 * named on its own instead of spoiling the file. Two lines for the same BSN with overlapping periods are `dubbel`:
 * the hub could not tell which one the gemeente means.
 *
 * @example leesPopulatie(Buffer.from('bsn;ingangsdatum;einddatum;referentie\n123456782;2026-01-01;;D-1\n'), 'populatie')
 */
export function leesPopulatie(bytes: Buffer, soort: 'populatie' | 'mutatie'): LeesResultaat {
  const kolommen: readonly string[] = soort === 'populatie' ? POPULATIE_KOLOMMEN : MUTATIE_KOLOMMEN
  const regels = splitRegels(bytes)
  const problemen: InvalidParam[] = []
  const bad = (n: number, code: string, reason: string) => problemen.push({ name: `regel ${n}`, code, reason })
  const kop = regels[0]?.tekst?.replace(/^\uFEFF/, '').replace(/\r$/, '')
  if (kop !== kolommen.join(';')) {
    bad(1, 'kop-ongeldig', `de kopregel moet precies '${kolommen.join(';')}' zijn`)
    return { ok: false, problemen }
  }
  const goed: IndicatieRegel[] = []
  // Empty lines at the end of the file (an editor's extra newline) are no lines.
  let eind = regels.length
  while (eind > 1 && regels[eind - 1]!.tekst?.replace(/\r$/, '') === '') eind--
  for (let i = 1; i < eind; i++) {
    const r = regels[i]!
    const n = i + 1
    if (r.tekst === undefined) { bad(n, 'utf8-ongeldig', 'de regel is geen geldige UTF-8'); continue }
    const tekst = r.tekst.replace(/\r$/, '')
    const velden = tekst.split(';')
    if (velden.length !== kolommen.length) { bad(n, 'kolommen', `${velden.length} kolommen, verwacht ${kolommen.length}`); continue }
    const regel = leesRegel(velden, n, bad)
    if (regel) goed.push(regel)
  }
  for (const [n, andere] of dubbele(goed)) bad(n, 'dubbel', `deze BSN staat al op regel ${andere} met een overlappende periode`)
  if (problemen.length) return { ok: false, problemen: problemen.sort((a, b) => regelNr(a) - regelNr(b)) }
  return { ok: true, regels: goed }
}

const regelNr = (p: InvalidParam) => Number(p.name.slice('regel '.length))

function leesRegel(velden: readonly string[], n: number, bad: (n: number, code: string, reason: string) => void): IndicatieRegel | undefined {
  const [bsn, ingang, eind, referentie, actie] = velden as [string, string, string, string, string | undefined]
  let ok = true
  const fout = (code: string, reason: string) => { ok = false; bad(n, code, reason) }
  const bp = bsnProblem(bsn)
  if (bp) fout('bsn-ongeldig', bp)
  if (!isDatum(ingang)) fout('datum-ongeldig', 'ingangsdatum is geen geldige datum (verwacht JJJJ-MM-DD)')
  if (eind !== '' && !isDatum(eind)) fout('datum-ongeldig', 'einddatum is geen geldige datum (verwacht JJJJ-MM-DD of leeg)')
  if (isDatum(ingang) && isDatum(eind) && eind < ingang) fout('periode-omgekeerd', 'einddatum ligt vóór de ingangsdatum')
  if (referentie.length > MAX_REFERENTIE) fout('referentie-te-lang', `referentie is langer dan ${MAX_REFERENTIE} tekens`)
  // PostgreSQL refuses U+0000 in text: without this check the whole upload would fail with a 500.
  if (referentie.includes('\u0000')) fout('referentie-ongeldig', 'referentie bevat een NUL-teken (U+0000)')
  if (actie !== undefined && actie !== 'toevoegen' && actie !== 'beeindigen') fout('actie-onbekend', "actie moet 'toevoegen' of 'beeindigen' zijn")
  if (actie === 'beeindigen' && eind === '') fout('einddatum-ontbreekt', 'beeindigen vraagt een einddatum')
  if (!ok) return undefined
  return { regel: n, bsn: bsn as Bsn, ingangsdatum: ingang as Datum, einddatum: eind === '' ? null : (eind as Datum), referentie: referentie === '' ? null : referentie, actie: (actie ?? 'toevoegen') as Actie }
}

/** Pairs [line, earlier line] of lines whose BSN and period overlap an earlier line of the same action. */
function dubbele(regels: readonly IndicatieRegel[]): Array<[number, number]> {
  const perBsn = new Map<string, IndicatieRegel[]>()
  for (const r of regels) {
    const key = `${r.bsn}|${r.actie}`
    const lijst = perBsn.get(key)
    if (lijst) lijst.push(r)
    else perBsn.set(key, [r])
  }
  const uit: Array<[number, number]> = []
  for (const lijst of perBsn.values()) {
    if (lijst.length < 2) continue
    for (let i = 1; i < lijst.length; i++) {
      const r = lijst[i]!
      const eerder = lijst.slice(0, i).find((e) => (e.einddatum === null || r.ingangsdatum <= e.einddatum) && (r.einddatum === null || e.ingangsdatum <= r.einddatum))
      if (eerder) uit.push([r.regel, eerder.regel])
    }
  }
  return uit
}

/** Splits on `\n` bytes (never part of a multi-byte UTF-8 sequence); `tekst` is undefined for a line that is not UTF-8. */
function splitRegels(bytes: Buffer): Array<{ tekst: string | undefined }> {
  if (isUtf8(bytes)) return bytes.toString('utf8').split('\n').map((tekst) => ({ tekst }))
  const uit: Array<{ tekst: string | undefined }> = []
  let start = 0
  for (;;) {
    const eind = bytes.indexOf(0x0a, start)
    const stuk = bytes.subarray(start, eind === -1 ? bytes.length : eind)
    uit.push({ tekst: isUtf8(stuk) ? stuk.toString('utf8') : undefined })
    if (eind === -1) return uit
    start = eind + 1
  }
}
