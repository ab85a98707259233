import { api, type ActiviteitRegel, type RegisterProduct } from '../../api/index.js'
import { Alert } from '../../components/Alert/index.js'
import { DataList } from '../../components/DataList/index.js'
import { ErrorScreen } from '../../components/ErrorScreen/index.js'
import { Heading } from '../../components/Heading/index.js'
import { Loading } from '../../components/Loading/index.js'
import { PageTitle } from '../../components/PageTitle/index.js'
import { Paragraph } from '../../components/Paragraph/index.js'
import { StatusBadge } from '../../components/StatusBadge/index.js'
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '../../components/Table/index.js'
import { UnorderedList } from '../../components/UnorderedList/index.js'
import { formatDateTime } from '../../format/index.js'
import { useResource } from '../../hooks/index.js'
import { t, tOr } from '../../i18n/index.js'
import { useSessie } from '../../session/index.js'

/** Start: my organisation, my roles and products, and the organisation's recent processing. */
export function StartPage() {
  const sessie = useSessie()
  const register = useResource(() => api<{ producten: RegisterProduct[] }>('GET', '/api/v1/gegevensregister'))
  const titels = new Map(register.status === 'klaar' ? register.data.producten.map((p) => [p.naam, p.titel]) : [])
  const { organisatie, gebruiker } = sessie
  return (
    <>
      <PageTitle>{t('start.titel')}</PageTitle>
      {gebruiker.rollen.length === 0 && (
        <Alert type="warning"><Heading level={2}>{t('geen-rollen.titel')}</Heading><Paragraph>{t('geen-rollen.tekst')}</Paragraph></Alert>
      )}
      <section aria-labelledby="organisatie-kop" className="kp-section">
        <Heading level={2} id="organisatie-kop">{t('start.organisatie')}</Heading>
        <DataList items={[
          [t('start.organisatie.naam'), organisatie.naam],
          [t('start.organisatie.oin'), <span className="kp-code">{organisatie.oin}</span>],
          [t('start.organisatie.soort'), tOr(`soort.${organisatie.soort}`, organisatie.soort)],
          [t('start.rollen'), gebruiker.rollen.map((r) => tOr(`rol.${r}`, r)).join(', ') || '–'],
        ]} />
      </section>
      <section aria-labelledby="producten-kop" className="kp-section">
        <Heading level={2} id="producten-kop">{t('start.producten')}</Heading>
        {sessie.producten.length === 0
          ? <Paragraph>{t('start.producten.leeg')}</Paragraph>
          : <><Paragraph>{t('start.producten.intro')}</Paragraph>
            <UnorderedList items={sessie.producten.map((p) => ({ key: p, content: titels.get(p) ?? p }))} /></>}
      </section>
      <section aria-labelledby="activiteit-kop" className="kp-section">
        <Heading level={2} id="activiteit-kop">{t('start.activiteit')}</Heading>
        <Paragraph>{t('start.activiteit.intro')}</Paragraph>
        <RecenteActiviteit titels={titels} />
      </section>
    </>
  )
}

function RecenteActiviteit({ titels }: { readonly titels: ReadonlyMap<string, string> }) {
  const activiteit = useResource(() => api<{ regels: ActiviteitRegel[] }>('GET', '/api/v1/portaal/activiteit'))
  if (activiteit.status === 'laden') return <Loading />
  if (activiteit.status === 'fout') return <ErrorScreen error={activiteit.error} />
  if (activiteit.data.regels.length === 0) return <Paragraph>{t('start.activiteit.leeg')}</Paragraph>
  return (
    <Table label={t('start.activiteit')}>
      <TableHeader><TableRow>
        <TableHeaderCell>{t('kolom.tijd')}</TableHeaderCell>
        <TableHeaderCell>{t('kolom.activiteit')}</TableHeaderCell>
        <TableHeaderCell>{t('kolom.verwerkingsactiviteit')}</TableHeaderCell>
        <TableHeaderCell>{t('kolom.product')}</TableHeaderCell>
        <TableHeaderCell>{t('kolom.status')}</TableHeaderCell>
      </TableRow></TableHeader>
      <TableBody>
        {activiteit.data.regels.map((r) => (
          <TableRow key={r.seq}>
            <TableCell>{formatDateTime(r.gestart)}</TableCell>
            <TableCell>{r.activiteit}</TableCell>
            <TableCell><span className="kp-code">{r.verwerkingsactiviteit}</span></TableCell>
            <TableCell>{titels.get(r.product) ?? r.product}</TableCell>
            <TableCell><StatusBadge status={r.status === 'ok' ? 'valid' : 'invalid'}>{tOr(`status.${r.status}`, r.status)}</StatusBadge></TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  )
}
