import type { KwsResultaat } from './toetsingen.js'

/** Columns of the export; amounts in cents, lists joined with `,`. */
export const EXPORT_KOLOMMEN = [
  'regelnummer', 'bsn', 'peildatum', 'status', 'uitkomst', 'belemmeringen', 'nettoBesteedbaarInkomenCent', 'kostenVanBestaanCent',
  'betalingscapaciteitCent', 'aanslagCent', 'kwijtscheldingCent', 'teBetalenCent', 'advies', 'redenen', 'aandachtspunten', 'foutcode',
] as const

/** One cell: `;`, quotes and newlines cannot occur in the values written here, but are replaced to be sure. */
const cel = (v: unknown): string => (v === undefined || v === null ? '' : String(v).replace(/[;"\r\n]/g, ' '))

/** The results of a toetsing as CSV (`;`, header line, `\n`), from records that already passed the output guard. */
export function resultatenExportCsv(resultaten: readonly Partial<KwsResultaat>[]): string {
  const regels = resultaten.map((r) => {
    const waarden: Record<(typeof EXPORT_KOLOMMEN)[number], unknown> = {
      regelnummer: r.regelnummer, bsn: r.bsn, peildatum: r.peildatum, status: r.status, uitkomst: r.uitkomst,
      belemmeringen: r.belemmeringen?.map((b) => b.soort).join(','), nettoBesteedbaarInkomenCent: r.nettoBesteedbaarInkomenCent,
      kostenVanBestaanCent: r.kostenVanBestaanCent, betalingscapaciteitCent: r.betalingscapaciteitCent, aanslagCent: r.aanslagCent,
      kwijtscheldingCent: r.kwijtscheldingCent, teBetalenCent: r.teBetalenCent, advies: r.advies, redenen: r.redenen?.join(','),
      aandachtspunten: r.aandachtspunten?.join(','), foutcode: r.fout?.code,
    }
    return EXPORT_KOLOMMEN.map((k) => cel(waarden[k])).join(';')
  })
  return [EXPORT_KOLOMMEN.join(';'), ...regels].join('\n') + '\n'
}
