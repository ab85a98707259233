import { useEffect, useRef, useState, type FormEvent } from 'react'
import { api, download, ValidationError, type Signaal, type SignalenPagina } from '../../api/index.js'
import { Alert } from '../../components/Alert/index.js'
import { MeerLaden } from '../../components/MeerLaden/index.js'
import { Button } from '../../components/Button/index.js'
import { ButtonGroup } from '../../components/ButtonGroup/index.js'
import { DataList } from '../../components/DataList/index.js'
import { ErrorAlert } from '../../components/ErrorAlert/index.js'
import { errorText } from '../../components/ErrorScreen/index.js'
import { ErrorSummary } from '../../components/ErrorSummary/index.js'
import { FormField, describedBy } from '../../components/FormField/index.js'
import { Heading } from '../../components/Heading/index.js'
import { Link } from '../../components/Link/index.js'
import { Loading } from '../../components/Loading/index.js'
import { PageTitle } from '../../components/PageTitle/index.js'
import { Paragraph } from '../../components/Paragraph/index.js'
import { RadioGroup } from '../../components/RadioGroup/index.js'
import { Select } from '../../components/Select/index.js'
import { StatusBadge } from '../../components/StatusBadge/index.js'
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '../../components/Table/index.js'
import { Textarea } from '../../components/Textarea/index.js'
import { Textbox } from '../../components/Textbox/index.js'
import { formErrorsFrom, noErrors, type FormErrors } from '../../forms/index.js'
import { formatDag, formatDateTime } from '../../format/index.js'
import { useResource } from '../../hooks/index.js'
import { t, tOr } from '../../i18n/index.js'
import { useRouter } from '../../routing/index.js'
import { GegevensTabel } from '../../components/GegevensTabel/index.js'

const PRODUCT = 'samenloop'
const PAD = '/signalen'
const LIMIET = 25
/** The samenloop signal kinds (SOORTEN in src/products/samenloop; copied so the bundle holds no server code). */
const SOORTEN = ['inkomsten', 'uitkering', 'vermogen', 'voertuig', 'detentie', 'studiefinanciering', 'verhuizing', 'emigratie', 'overlijden'] as const
const STATUSSEN = ['nieuw', 'terecht', 'onterecht', 'onbekend'] as const
const UITKOMSTEN = ['terecht', 'onterecht', 'onbekend'] as const

interface Filters { readonly soort: string; readonly status: string; readonly periode: string }
const GEEN_FILTERS: Filters = { soort: '', status: '', periode: '' }

/**
 * Signalen (samenloop): the inbox with filters and "meer laden", one signal with its explanation, sources, rule and
 * data, the terugmelding, and the CSV export. The signal id (never the BSN) is the only thing in the address bar.
 * The inbox stays mounted while a signal is open, so going back keeps the filters and the loaded pages.
 */
export function SignalenPage() {
  useRouter() // re-render on navigation: the open signal is in the query string
  const id = new URLSearchParams(window.location.search).get('signaal') ?? undefined
  // Signals reported back on while the inbox stayed mounted: their rows show the new status (and leave a status filter).
  const [bijgewerkt, setBijgewerkt] = useState<Readonly<Record<string, Signaal>>>({})
  return (
    <>
      {id === undefined && <PageTitle>{t('signalen.titel')}</PageTitle>}
      <div hidden={id !== undefined}><Inbox bijgewerkt={bijgewerkt} /></div>
      {id !== undefined && <SignaalDetail key={id} id={id} onGemeld={(s) => setBijgewerkt((b) => ({ ...b, [s.id]: s }))} />}
    </>
  )
}

function query(filters: Filters, na?: string): string {
  const q = new URLSearchParams({ product: PRODUCT, limiet: String(LIMIET) })
  if (na) q.set('na', na)
  for (const [k, v] of Object.entries(filters)) if (v) q.set(k, v)
  return q.toString()
}

function Inbox({ bijgewerkt }: { readonly bijgewerkt: Readonly<Record<string, Signaal>> }) {
  const [concept, setConcept] = useState<Filters>(GEEN_FILTERS)
  const [filters, setFilters] = useState<Filters>(GEEN_FILTERS)
  const [geladen, setSignalen] = useState<Signaal[]>([])
  const signalen = geladen.map((s) => bijgewerkt[s.id] ?? s).filter((s) => !filters.status || s.status === filters.status)
  // The hub always hands out a cursor (to catch up later); more exist only when the last page was full.
  const [volgende, setVolgende] = useState<string | null>()
  const [status, setStatus] = useState<'laden' | 'klaar' | 'meer'>('laden')
  const [fout, setFout] = useState<unknown>()
  // Which filters the list belongs to: a "meer laden" answer for earlier filters is dropped.
  const ronde = useRef(0)

  useEffect(() => {
    let live = true
    ronde.current++
    setStatus('laden'); setFout(undefined)
    api<SignalenPagina>('GET', `/api/v1/signalen?${query(filters)}`).then(
      (p) => { if (live) { setSignalen([...p.signalen]); setVolgende(p.signalen.length === LIMIET ? (p.volgende ?? null) : null); setStatus('klaar') } },
      // The list of the previous filters does not belong under these: show the error alone.
      (e: unknown) => { if (live) { setSignalen([]); setVolgende(null); setFout(e); setStatus('klaar') } },
    )
    return () => { live = false }
  }, [filters])

  async function meer() {
    if (!volgende) return
    const mijn = ronde.current
    setStatus('meer')
    try {
      const p = await api<SignalenPagina>('GET', `/api/v1/signalen?${query(filters, volgende)}`)
      if (ronde.current !== mijn) return
      setSignalen((s) => [...s, ...p.signalen]); setVolgende(p.signalen.length === LIMIET ? (p.volgende ?? null) : null)
      setStatus('klaar')
    } catch (e) {
      if (ronde.current !== mijn) return
      setFout(e)
      setStatus('klaar')
    }
  }

  // A new object each time: applying the same filters again asks the hub again (new signals, an expired session).
  const filter = (e: FormEvent) => { e.preventDefault(); setFilters({ ...concept }) }
  return (
    <>
      <Paragraph lead>{t('signalen.intro')}</Paragraph>
      <section aria-labelledby="signalen-filters" className="kp-section">
        <Heading level={2} id="signalen-filters">{t('signalen.filters')}</Heading>
        <form onSubmit={filter} noValidate className="kp-filters" role="search" aria-labelledby="signalen-filters">
          <FormField id="filter-soort" label={t('signalen.filter.soort')}>
            <Select id="filter-soort" name="soort" value={concept.soort} onChange={(e) => setConcept({ ...concept, soort: e.target.value })}
              options={[{ value: '', label: t('signalen.filter.alle-soorten') }, ...SOORTEN.map((s) => ({ value: s, label: t(`signaal.soort.${s}`) }))]} />
          </FormField>
          <FormField id="filter-periode" label={t('signalen.filter.periode')}>
            <Textbox id="filter-periode" name="periode" type="month" value={concept.periode} onChange={(e) => setConcept({ ...concept, periode: e.target.value })} />
          </FormField>
          <FormField id="filter-status" label={t('signalen.filter.status')}>
            <Select id="filter-status" name="status" value={concept.status} onChange={(e) => setConcept({ ...concept, status: e.target.value })}
              options={[{ value: '', label: t('signalen.filter.alle-statussen') }, ...STATUSSEN.map((s) => ({ value: s, label: t(`signaal.status.${s}`) }))]} />
          </FormField>
          <ButtonGroup>
            <Button appearance="primary-action" type="submit">{t('signalen.filteren')}</Button>
            <Button appearance="secondary-action" onClick={() => { setConcept(GEEN_FILTERS); setFilters(GEEN_FILTERS) }}>{t('signalen.filters-wissen')}</Button>
          </ButtonGroup>
        </form>
      </section>
      <section aria-labelledby="signalen-lijst" className="kp-section">
        <Heading level={2} id="signalen-lijst">{t('signalen.lijst')}</Heading>
        {status === 'laden' && <Loading />}
        {fout !== undefined && <ErrorAlert error={fout} level={3} />}
        {status !== 'laden' && fout === undefined && signalen.length === 0 && <Paragraph>{t('signalen.leeg')}</Paragraph>}
        {status !== 'laden' && signalen.length > 0 && (
          <>
            <Paragraph role="status">{signalen.length === 1 ? t('signalen.aantal.een') : t('signalen.aantal', { aantal: signalen.length })}</Paragraph>
            <SignaalTabel signalen={signalen} />
            <MeerLaden key={JSON.stringify(filters)} volgende={volgende} bezig={status === 'meer'} onMeer={() => void meer()} tekst={t('signalen.meer')} klaar={t('lijst.alles-geladen', { aantal: signalen.length })} />
          </>
        )}
      </section>
      <Export />
    </>
  )
}

export const statusBadge = (status: string) => (
  <StatusBadge status={status === 'nieuw' ? 'warning' : status === 'terecht' ? 'valid' : 'inactive'}>{tOr(`signaal.status.${status}`, status)}</StatusBadge>
)

function periodeTekst(p: Signaal['periode']): string {
  return p.tot ? t('periode.van-tot', { van: formatDag(p.van), tot: formatDag(p.tot) }) : t('periode.vanaf', { van: formatDag(p.van) })
}

function SignaalTabel({ signalen }: { readonly signalen: readonly Signaal[] }) {
  return (
    <Table label={t('signalen.lijst')}>
      <TableHeader><TableRow>
        {(['aangemaakt', 'soort', 'bsn', 'periode', 'bronnen', 'status'] as const).map((k) => <TableHeaderCell key={k}>{t(`signalen.kolom.${k}`)}</TableHeaderCell>)}
      </TableRow></TableHeader>
      <TableBody>
        {signalen.map((s) => (
          <TableRow key={s.id}>
            <TableCell><Link href={`${PAD}?signaal=${encodeURIComponent(s.id)}`}>{formatDateTime(s.aangemaakt)}</Link></TableCell>
            <TableCell>{tOr(`signaal.soort.${s.soort}`, s.soort)}{s.correctie && <> {t('signaal.correctie')}</>}</TableCell>
            <TableCell><span className="kp-code kp-nowrap">{s.bsn}</span></TableCell>
            <TableCell>{periodeTekst(s.periode)}</TableCell>
            <TableCell>{[...new Set(s.bronnen.map((b) => b.bron))].join(', ')}</TableCell>
            <TableCell>{statusBadge(s.status)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  )
}

type ExportVeld = 'van' | 'tot'
function Export() {
  const [van, setVan] = useState('')
  const [tot, setTot] = useState('')
  const [errors, setErrors] = useState<FormErrors<ExportVeld>>(noErrors())
  const [attempt, setAttempt] = useState(0)
  const [bezig, setBezig] = useState(false)
  const labels: Record<ExportVeld, string> = { van: t('signalen.export.van'), tot: t('signalen.export.tot') }
  async function exporteer(e: FormEvent) {
    e.preventDefault()
    setAttempt((a) => a + 1)
    const fields: Partial<Record<ExportVeld, string>> = {}
    if (!van) fields.van = t('validatie.datum')
    if (!tot) fields.tot = t('validatie.datum')
    else if (van && tot < van) fields.tot = t('validatie.tot-voor-van')
    setErrors({ fields, other: [] })
    if (fields.van || fields.tot) return
    setBezig(true)
    try {
      await download(`/api/v1/signalen/export?${new URLSearchParams({ product: PRODUCT, van, tot })}`, `signalen-${PRODUCT}-${van}-${tot}.csv`)
    } catch (err) {
      setErrors(err instanceof ValidationError ? formErrorsFrom(err, ['van', 'tot']) : { fields: {}, other: [errorText(err)] })
    } finally {
      setBezig(false)
    }
  }
  return (
    <section aria-labelledby="signalen-export" className="kp-section">
      <Heading level={2} id="signalen-export">{t('signalen.export')}</Heading>
      <Paragraph>{t('signalen.export.intro')}</Paragraph>
      <form onSubmit={(e) => void exporteer(e)} noValidate className="kp-filters">
        <ErrorSummary errors={errors} labels={labels} attempt={attempt} />
        <FormField id="van" label={labels.van} error={errors.fields.van}>
          <Textbox id="van" name="van" type="date" value={van} onChange={(e) => setVan(e.target.value)} invalid={!!errors.fields.van} aria-describedby={describedBy('van', { error: errors.fields.van })} />
        </FormField>
        <FormField id="tot" label={labels.tot} error={errors.fields.tot}>
          <Textbox id="tot" name="tot" type="date" value={tot} onChange={(e) => setTot(e.target.value)} invalid={!!errors.fields.tot} aria-describedby={describedBy('tot', { error: errors.fields.tot })} />
        </FormField>
        <Button appearance="secondary-action" type="submit" busy={bezig} disabled={bezig}>{t('signalen.export.knop')}</Button>
      </form>
    </section>
  )
}

function SignaalDetail({ id, onGemeld }: { readonly id: string; onGemeld(s: Signaal): void }) {
  const signaal = useResource(() => api<Signaal>('GET', `/api/v1/signalen/${encodeURIComponent(id)}`))
  const terug = <Paragraph><Link href={PAD}>{t('signaal.terug')}</Link></Paragraph>
  if (signaal.status === 'laden') return <><PageTitle>{t('signaal.titel')}</PageTitle><Loading /></>
  if (signaal.status === 'fout') return <><PageTitle>{t('signaal.titel')}</PageTitle><ErrorAlert error={signaal.error} />{terug}</>
  const s = signaal.data
  return (
    <>
      <PageTitle>{t('signaal.titel-soort', { soort: tOr(`signaal.soort.${s.soort}`, s.soort) })}</PageTitle>
      {terug}
      <section aria-labelledby="signaal-uitleg" className="kp-section">
        <Heading level={2} id="signaal-uitleg">{t('signaal.uitleg')}</Heading>
        <Paragraph lead className="kp-uitleg">{s.uitleg}</Paragraph>
        <DataList items={[
          [t('signaal.status'), statusBadge(s.status)],
          [t('signalen.kolom.bsn'), <span className="kp-code">{s.bsn}</span>],
          [t('signalen.kolom.periode'), periodeTekst(s.periode)],
          [t('signalen.kolom.aangemaakt'), formatDateTime(s.aangemaakt)],
          [t('signaal.regel'), t('signaal.regel.tekst', { id: s.regel.id, versie: s.regel.versie })],
          ...(s.correctie ? [[t('signaal.correctie.kop'), t('signaal.correctie.tekst')] as const] : []),
          [t('signaal.kenmerk'), <span className="kp-code">{s.id}</span>],
        ]} />
      </section>
      <section aria-labelledby="signaal-bronnen" className="kp-section">
        <Heading level={2} id="signaal-bronnen">{t('signaal.bronnen')}</Heading>
        <Table label={t('signaal.bronnen')}>
          <TableHeader><TableRow>
            {(['bron', 'levering', 'regel'] as const).map((k) => <TableHeaderCell key={k}>{t(`signaal.bronnen.${k}`)}</TableHeaderCell>)}
          </TableRow></TableHeader>
          <TableBody>
            {s.bronnen.map((b) => (
              <TableRow key={`${b.bron}-${b.leveringId}-${b.regel}`}>
                <TableCell>{b.bron}</TableCell><TableCell><span className="kp-code">{b.leveringId}</span></TableCell><TableCell>{b.regel}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </section>
      <section aria-labelledby="signaal-gegevens" className="kp-section">
        <Heading level={2} id="signaal-gegevens">{t('signaal.gegevens')}</Heading>
        <GegevensTabel gegevens={s.gegevens} label={t('signaal.gegevens')} />
      </section>
      <section aria-labelledby="signaal-terugmelding" className="kp-section">
        <Heading level={2} id="signaal-terugmelding">{t('terugmelding.titel')}</Heading>
        <Terugmelding id={s.id} status={s.status} onGemeld={(nieuw) => { onGemeld(nieuw); signaal.reload() }} />
      </section>
    </>
  )
}

type TerugVeld = 'uitkomst' | 'toelichting'
function Terugmelding({ id, status, onGemeld }: { readonly id: string; readonly status: Signaal['status']; onGemeld(s: Signaal): void }) {
  const [uitkomst, setUitkomst] = useState('')
  const [toelichting, setToelichting] = useState('')
  const [errors, setErrors] = useState<FormErrors<TerugVeld>>(noErrors())
  const [attempt, setAttempt] = useState(0)
  const [bezig, setBezig] = useState(false)
  const [klaar, setKlaar] = useState<string>()
  const labels: Record<TerugVeld, string> = { uitkomst: t('terugmelding.uitkomst'), toelichting: t('terugmelding.toelichting') }
  async function meld(e: FormEvent) {
    e.preventDefault()
    setAttempt((a) => a + 1)
    if (!uitkomst) { setErrors({ fields: { uitkomst: t('validatie.kies', { veld: labels.uitkomst.toLowerCase() }) }, other: [] }); return }
    setErrors(noErrors())
    setBezig(true)
    try {
      const s = await api<Signaal>('POST', `/api/v1/signalen/${encodeURIComponent(id)}/terugmelding`, { uitkomst, ...(toelichting.trim() ? { toelichting: toelichting.trim() } : {}) })
      setKlaar(t('terugmelding.klaar', { uitkomst: t(`signaal.status.${uitkomst as (typeof UITKOMSTEN)[number]}`).toLowerCase() }))
      onGemeld(s)
    } catch (err) {
      setErrors(err instanceof ValidationError ? formErrorsFrom(err, ['uitkomst', 'toelichting']) : { fields: {}, other: [errorText(err)] })
    } finally {
      setBezig(false)
    }
  }
  // The hub takes one terugmelding per signal: once given, show it instead of a form it would refuse.
  if (status !== 'nieuw') return klaar ? <Alert type="ok">{klaar}</Alert> : <Paragraph>{t('terugmelding.al-gedaan', { uitkomst: tOr(`signaal.status.${status}`, status).toLowerCase() })}</Paragraph>
  return (
    <>
      <Paragraph>{t('terugmelding.intro')}</Paragraph>
      {klaar && <Alert type="ok">{klaar}</Alert>}
      <form onSubmit={(e) => void meld(e)} noValidate className="kp-form">
        <ErrorSummary errors={errors} labels={labels} attempt={attempt} />
        <RadioGroup id="uitkomst" name="uitkomst" legend={labels.uitkomst} value={uitkomst} onChange={setUitkomst} error={errors.fields.uitkomst}
          options={UITKOMSTEN.map((u) => ({ value: u, label: t(`terugmelding.uitkomst.${u}`) }))} />
        <FormField id="toelichting" label={labels.toelichting} description={t('terugmelding.toelichting.hulp')} error={errors.fields.toelichting}>
          <Textarea id="toelichting" name="toelichting" rows={4} value={toelichting} onChange={(e) => setToelichting(e.target.value)} invalid={!!errors.fields.toelichting}
            aria-describedby={describedBy('toelichting', { description: t('terugmelding.toelichting.hulp'), error: errors.fields.toelichting })} />
        </FormField>
        <Button appearance="primary-action" type="submit" busy={bezig} disabled={bezig}>{t('terugmelding.versturen')}</Button>
      </form>
    </>
  )
}
