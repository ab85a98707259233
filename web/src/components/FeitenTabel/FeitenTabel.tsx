import { Heading } from '../Heading/index.js'
import { Paragraph } from '../Paragraph/index.js'
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '../Table/index.js'
import { veldnaam } from '../Rekenstappen/index.js'
import { waardeTekst } from '../GegevensTabel/index.js'
import { formatDag, formatDateTime } from '../../format/index.js'
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
    for (const [bron, lijst] of Object.entries(feiten)) {
      // Every source the product reads is listed, also without facts: "nothing known" is an answer too.
      groepen.set(bron, groepen.get(bron) ?? [])
      for (const f of Array.isArray(lijst) ? lijst : [lijst]) voegToe(bron, f)
    }
  }
  return [...groepen]
}

/** Where a fact comes from and when it applies, in Dutch; other fields through `waardeTekst`. */
function celTekst(k: string, v: unknown): string {
  if (k === 'periode' && typeof v === 'object' && v !== null) {
    const p = v as { van?: string; tot?: string | null }
    return p.tot ? t('periode.van-tot', { van: formatDag(p.van ?? ''), tot: formatDag(p.tot) }) : t('periode.vanaf', { van: formatDag(p.van ?? '') })
  }
  if (k === 'levering' && typeof v === 'object' && v !== null) {
    const l = v as { leveringId?: string; regel?: number }
    return t('feiten.levering', { levering: l.leveringId ?? '', regel: l.regel ?? '' })
  }
  if (k === 'vastgelegd' && typeof v === 'string') return formatDateTime(v)
  return waardeTekst(k, v)
}
/** Fields about the fact itself go last, after the source's own fields. */
const HERKOMST = ['periode', 'levering', 'vastgelegd']

/** One table per source, one row per fact, a column per field. */
export function FeitenTabel({ feiten, level = 3 }: { readonly feiten: unknown; readonly level?: 2 | 3 }) {
  const groepen = feitenPerBron(feiten)
  if (groepen.every(([, l]) => l.length === 0)) return <Paragraph>{t('feiten.leeg')}</Paragraph>
  return (
    <>
      {groepen.map(([bron, lijst]) => {
        const alle = [...new Set(lijst.flatMap((f) => Object.keys(f)))].filter((k) => k !== 'bron' && k !== 'bsn')
        const kolommen = [...alle.filter((k) => !HERKOMST.includes(k)), ...HERKOMST.filter((k) => alle.includes(k))]
        return (
          <div key={bron} className="kp-section">
            <Heading level={level}>{t('feiten.bron', { bron, aantal: lijst.length })}</Heading>
            {lijst.length === 0 ? <Paragraph>{t('feiten.bron.leeg')}</Paragraph> : <Table label={t('feiten.bron.label', { bron })}>
              <TableHeader><TableRow>{kolommen.map((k) => <TableHeaderCell key={k}>{veldnaam(k)}</TableHeaderCell>)}</TableRow></TableHeader>
              <TableBody>
                {lijst.map((f, i) => <TableRow key={i}>{kolommen.map((k) => <TableCell key={k}>{celTekst(k, f[k])}</TableCell>)}</TableRow>)}
              </TableBody>
            </Table>}
          </div>
        )
      })}
    </>
  )
}
