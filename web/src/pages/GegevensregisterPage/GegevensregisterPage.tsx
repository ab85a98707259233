import { api, type RegisterProduct } from '../../api/index.js'
import { DataList } from '../../components/DataList/index.js'
import { ErrorScreen } from '../../components/ErrorScreen/index.js'
import { Heading } from '../../components/Heading/index.js'
import { Loading } from '../../components/Loading/index.js'
import { PageTitle } from '../../components/PageTitle/index.js'
import { Paragraph } from '../../components/Paragraph/index.js'
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '../../components/Table/index.js'
import { UnorderedList } from '../../components/UnorderedList/index.js'
import { useResource } from '../../hooks/index.js'
import { t, tOr } from '../../i18n/index.js'

const ontvangersTekst = (soorten: readonly string[]) => soorten.map((s) => tOr(`soort.${s}`, s)).join(', ')
const bewaartermijnTekst = (b: RegisterProduct['bewaartermijn']) => (typeof b === 'string' ? b : b.omschrijving)

/** The gegevensregister, readable per product: purpose, legal basis, recipients, data elements, retention. */
export function GegevensregisterPage() {
  const register = useResource(() => api<{ producten: RegisterProduct[] }>('GET', '/api/v1/gegevensregister'))
  return (
    <>
      <PageTitle>{t('register.titel')}</PageTitle>
      <Paragraph lead>{t('register.intro')}</Paragraph>
      {register.status === 'laden' && <Loading />}
      {register.status === 'fout' && <ErrorScreen error={register.error} />}
      {register.status === 'klaar' && <Producten producten={[...register.data.producten].sort((a, b) => a.titel.localeCompare(b.titel, 'nl'))} />}
    </>
  )
}

function Producten({ producten }: { readonly producten: readonly RegisterProduct[] }) {
  if (producten.length === 0) return <Paragraph>{t('register.leeg')}</Paragraph>
  return (
    <>
      <nav aria-labelledby="register-inhoud" className="kp-section">
        <Heading level={2} id="register-inhoud">{t('register.inhoud')}</Heading>
        <UnorderedList items={producten.map((p) => ({ key: p.naam, content: <a className="utrecht-link" href={`#product-${p.naam}`}>{p.titel}</a> }))} />
      </nav>
      {producten.map((p) => <Product key={p.naam} product={p} />)}
    </>
  )
}

function Product({ product: p }: { readonly product: RegisterProduct }) {
  const kop = `product-${p.naam}`
  return (
    <section aria-labelledby={kop} className="kp-section kp-register-product">
      <Heading level={2} id={kop}>{p.titel}</Heading>
      <DataList items={[
        [t('register.doel'), p.doel],
        [t('register.grondslag'), <ul className="utrecht-unordered-list kp-plain-list">{p.grondslag.map((g) => (
          <li key={`${g.wet}-${g.artikel}`} className="utrecht-unordered-list__item">
            {g.bwbId
              ? <a className="utrecht-link" href={`https://wetten.overheid.nl/${encodeURIComponent(g.bwbId)}`} rel="noopener noreferrer">{t('register.wet-link', { wet: g.wet, artikel: g.artikel })}</a>
              : `${g.wet}, ${g.artikel}`}
          </li>))}</ul>],
        [t('register.ontvangers'), ontvangersTekst(p.ontvangers)],
        [t('register.bewaartermijn'), bewaartermijnTekst(p.bewaartermijn)],
      ]} />
      <Heading level={3}>{t('register.gegevens')}</Heading>
      <Table label={t('register.gegevens.bijschrift', { product: p.titel })}>
        <TableHeader><TableRow>
          <TableHeaderCell>{t('register.kolom.gegeven')}</TableHeaderCell>
          <TableHeaderCell>{t('register.kolom.omschrijving')}</TableHeaderCell>
          <TableHeaderCell>{t('register.kolom.bron')}</TableHeaderCell>
          <TableHeaderCell>{t('register.kolom.ontvangers')}</TableHeaderCell>
        </TableRow></TableHeader>
        <TableBody>
          {p.gegevens.map((g) => (
            <TableRow key={g.naam}>
              <TableCell><span className="kp-code">{g.naam}</span></TableCell>
              <TableCell>{g.omschrijving}</TableCell>
              <TableCell>{g.bron}</TableCell>
              <TableCell>{ontvangersTekst(g.ontvangers)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </section>
  )
}
