import { Heading } from '../Heading/index.js'
import { Paragraph } from '../Paragraph/index.js'
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '../Table/index.js'
import { veldnaam } from '../Rekenstappen/index.js'
import { waardeTekst } from '../GegevensTabel/index.js'
import { t } from '../../i18n/index.js'

type Feit = Readonly<Record<string, unknown>>

/**
 * Facts grouped per source: `{ "uwv-polis": [ … ] }` or a list of facts that each name their `bron`. Nested
 * `gegevens` are spread into columns so every source field gets its own column.
 */
export function feitenPerBron(feiten: unknown): Array<[string, Feit[]]> {
  const groepen = new Map<string, Feit[]>()
  const voegToe = (bron: string, f: unknown) => {
    if (typeof f !== 'object' || f === null) return
    const { gegevens, ...rest } = f as Record<string, unknown>
    const plat = typeof gegevens === 'object' && gegevens !== null && !Array.isArray(gegevens) ? { ...rest, ...(gegevens as Feit) } : (f as Feit)
    groepen.set(bron, [...(groepen.get(bron) ?? []), plat])
  }
  if (Array.isArray(feiten)) for (const f of feiten) voegToe(String((f as Feit | null)?.bron ?? '–'), f)
  else if (typeof feiten === 'object' && feiten !== null) {
    for (const [bron, lijst] of Object.entries(feiten)) for (const f of Array.isArray(lijst) ? lijst : [lijst]) voegToe(bron, f)
  }
  return [...groepen]
}

/** One table per source, one row per fact, a column per field. */
export function FeitenTabel({ feiten, level = 3 }: { readonly feiten: unknown; readonly level?: 2 | 3 }) {
  const groepen = feitenPerBron(feiten)
  if (groepen.length === 0) return <Paragraph>{t('feiten.leeg')}</Paragraph>
  return (
    <>
      {groepen.map(([bron, lijst]) => {
        const kolommen = [...new Set(lijst.flatMap((f) => Object.keys(f)))].filter((k) => k !== 'bron' && k !== 'bsn')
        return (
          <div key={bron} className="kp-section">
            <Heading level={level}>{t('feiten.bron', { bron, aantal: lijst.length })}</Heading>
            <Table label={t('feiten.bron.label', { bron })}>
              <TableHeader><TableRow>{kolommen.map((k) => <TableHeaderCell key={k}>{veldnaam(k)}</TableHeaderCell>)}</TableRow></TableHeader>
              <TableBody>
                {lijst.map((f, i) => <TableRow key={i}>{kolommen.map((k) => <TableCell key={k}>{waardeTekst(k, f[k])}</TableCell>)}</TableRow>)}
              </TableBody>
            </Table>
          </div>
        )
      })}
    </>
  )
}
