import { Paragraph } from '../Paragraph/index.js'
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '../Table/index.js'
import { formatEuro } from '../../format/index.js'
import { t } from '../../i18n/index.js'
import { veldnaam } from '../Rekenstappen/index.js'

/** A data value in Dutch: cents as euros, yes/no, nested values as `key: value` lists. */
export function waardeTekst(naam: string, waarde: unknown): string {
  if (waarde === null || waarde === undefined || waarde === '') return '–'
  if (typeof waarde === 'boolean') return waarde ? t('algemeen.ja') : t('algemeen.nee')
  if (typeof waarde === 'number' && naam.endsWith('Cent')) return formatEuro(waarde)
  if (Array.isArray(waarde)) return waarde.map((w) => waardeTekst(naam, w)).join(', ')
  if (typeof waarde === 'object') return Object.entries(waarde).map(([k, v]) => `${veldnaam(k)}: ${waardeTekst(k, v)}`).join('; ')
  return String(waarde)
}

/** The source fields a signal or fact rests on, one row per field. */
export function GegevensTabel({ gegevens, label }: { readonly gegevens: Readonly<Record<string, unknown>>; readonly label: string }) {
  const rijen = Object.entries(gegevens)
  if (rijen.length === 0) return <Paragraph>{t('gegevens.leeg')}</Paragraph>
  return (
    <Table label={label}>
      <TableHeader><TableRow><TableHeaderCell>{t('gegevens.kolom.gegeven')}</TableHeaderCell><TableHeaderCell>{t('gegevens.kolom.waarde')}</TableHeaderCell></TableRow></TableHeader>
      <TableBody>
        {rijen.map(([k, v]) => (
          <TableRow key={k}><TableHeaderCell scope="row">{veldnaam(k)}</TableHeaderCell><TableCell>{waardeTekst(k, v)}</TableCell></TableRow>
        ))}
      </TableBody>
    </Table>
  )
}
