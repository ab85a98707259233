import type { GebruikteParameter, Stap } from '../../api/index.js'
import { DataList } from '../DataList/index.js'
import { Heading } from '../Heading/index.js'
import { StatusBadge } from '../StatusBadge/index.js'
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '../Table/index.js'
import { formatDag, formatEuro } from '../../format/index.js'
import { isMessageKey, t, tOr } from '../../i18n/index.js'

/**
 * `inkomenPerMaandCent` → "inkomen per maand": the trace's input names, readable. Numbered names
 * (`inkomstenverhouding2Cent`, one per income relation) get their own label with the number.
 */
export function veldnaam(naam: string): string {
  const genummerd = /^([a-z]+)(\d+)(Cent)?$/.exec(naam)
  const sleutel = genummerd ? `veldnaam.${genummerd[1]}N` : ''
  if (genummerd && isMessageKey(sleutel)) return t(sleutel, { nummer: genummerd[2]! })
  return tOr(`veldnaam.${naam}`, naam.replace(/Cent$/, '').replace(/([a-z])([A-Z0-9])/g, '$1 $2').toLowerCase())
}

/**
 * An input value of a step in Dutch: cents as euros, yes/no for booleans, other numbers with a decimal comma (the
 * letters of art. 475da lid 2 are in euros with up to four decimals, as the trace gives them).
 */
export function invoerWaarde(naam: string, waarde: number | string | boolean): string {
  if (typeof waarde === 'boolean') return waarde ? t('algemeen.ja') : t('algemeen.nee')
  if (typeof waarde === 'number') return naam.endsWith('Cent') ? formatEuro(waarde) : waarde.toLocaleString('nl-NL', { maximumFractionDigits: 4 })
  return tOr(`waarde.${waarde}`, String(waarde))
}

/**
 * A parameter's value by the unit the rules engine gives with it: cents as euros, basispunten as a percentage
 * (932 → 9,32 %), counts as they are, factors (decimal texts) with a decimal comma.
 */
export function parameterWaarde(p: GebruikteParameter): string {
  const getal = Number(p.waarde)
  switch (p.eenheid) {
    case 'cent': return formatEuro(getal)
    case 'basispunten': return `${(getal / 100).toLocaleString('nl-NL', { maximumFractionDigits: 2 })} %`
    case 'getal': return getal.toLocaleString('nl-NL')
    case 'factor': return String(p.waarde).replace('.', ',')
  }
}

/** Every step of an explained calculation, top to bottom, as a resident can follow it. */
export function Rekenstappen({ stappen, idPrefix }: { readonly stappen: readonly Stap[]; readonly idPrefix: string }) {
  return (
    <ol className="kp-stappen">
      {stappen.map((s, i) => (
        <li key={`${s.id}-${i}`} className="kp-stap">
          <Heading level={3} id={`${idPrefix}-${i}`}>{t('stap.kop', { nummer: i + 1, wat: s.wat })}</Heading>
          <DataList items={[
            [t('stap.grondslag'), s.grondslag],
            ...(s.formule ? [[t('stap.formule'), <span className="kp-formule">{s.formule}</span>] as const] : []),
            [t('stap.invoer'), Object.keys(s.invoer).length === 0 ? t('stap.geen-invoer') : (
              <ul className="kp-plain-list">
                {Object.entries(s.invoer).map(([k, v]) => <li key={k}>{veldnaam(k)}: {invoerWaarde(k, v)}</li>)}
              </ul>
            )],
            ...(s.afronding ? [[t('stap.afronding'), t('stap.afronding.tekst', { wijze: tOr(`afronding.${s.afronding.wijze}`, s.afronding.wijze), toelichting: s.afronding.toelichting })] as const] : []),
            [t('stap.bedrag'), <strong>{formatEuro(s.bedragCent)}</strong>],
          ]} />
          {s.parameters.length > 0 && <Parameters parameters={s.parameters} label={t('stap.parameters.label', { nummer: i + 1 })} />}
        </li>
      ))}
    </ol>
  )
}

function Parameters({ parameters, label }: { readonly parameters: readonly GebruikteParameter[]; readonly label: string }) {
  return (
    <Table label={label} caption={t('stap.parameters')}>
      <TableHeader><TableRow>
        {(['naam', 'waarde', 'geldig', 'bron', 'geverifieerd'] as const).map((k) => <TableHeaderCell key={k}>{t(`stap.parameter.${k}`)}</TableHeaderCell>)}
      </TableRow></TableHeader>
      <TableBody>
        {parameters.map((p) => (
          <TableRow key={`${p.naam}-${p.van}`}>
            <TableCell><span className="kp-code">{p.naam}</span></TableCell>
            <TableCell>{parameterWaarde(p)}</TableCell>
            <TableCell>{t('stap.parameter.periode', { van: formatDag(p.van), tot: formatDag(p.tot) })}</TableCell>
            <TableCell>{p.bron.url
              ? <a className="utrecht-link" href={p.bron.url} rel="noreferrer" target="_blank">{p.bron.omschrijving}{p.bron.staatscourant ? ` (${p.bron.staatscourant})` : ''}<span className="kp-visually-hidden"> {t('algemeen.nieuw-venster')}</span></a>
              : `${p.bron.omschrijving}${p.bron.staatscourant ? ` (${p.bron.staatscourant})` : ''}`}</TableCell>
            <TableCell>{p.geverifieerd
              ? <StatusBadge status="valid">{t('stap.parameter.geverifieerd.ja')}</StatusBadge>
              : <StatusBadge status="warning">{t('stap.parameter.geverifieerd.nee')}</StatusBadge>}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  )
}
