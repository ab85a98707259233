import { t } from '../../i18n/index.js'
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '../Table/index.js'

export interface RegelFout { readonly regel: string; readonly code?: string | undefined; readonly reden: string }

/** A validation report: per line of an uploaded file, what is wrong with it. */
export function RegelRapport({ fouten, label }: { readonly fouten: readonly RegelFout[]; readonly label: string }) {
  return (
    <Table label={label} caption={label}>
      <TableHeader><TableRow>
        <TableHeaderCell>{t('rapport.kolom.regel')}</TableHeaderCell>
        <TableHeaderCell>{t('rapport.kolom.code')}</TableHeaderCell>
        <TableHeaderCell>{t('rapport.kolom.reden')}</TableHeaderCell>
      </TableRow></TableHeader>
      <TableBody>
        {fouten.map((f, i) => (
          <TableRow key={`${f.regel}-${i}`}>
            <TableCell>{f.regel}</TableCell>
            <TableCell>{f.code ? <span className="kp-code">{f.code}</span> : '–'}</TableCell>
            <TableCell>{f.reden}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  )
}
