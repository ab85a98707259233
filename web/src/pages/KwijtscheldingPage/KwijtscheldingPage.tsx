import { useEffect, useRef, useState, type FormEvent } from 'react'
import { api, download, isNietBeschikbaar, uploadCsv, ValidationError, type Belemmering, type Toetsing, type ToetsingResultaat } from '../../api/index.js'
import { Alert } from '../../components/Alert/index.js'
import { Button } from '../../components/Button/index.js'
import { ErrorAlert } from '../../components/ErrorAlert/index.js'
import { errorText } from '../../components/ErrorScreen/index.js'
import { ErrorSummary } from '../../components/ErrorSummary/index.js'
import { FileInput } from '../../components/FileInput/index.js'
import { FormField, describedBy } from '../../components/FormField/index.js'
import { Heading } from '../../components/Heading/index.js'
import { Loading } from '../../components/Loading/index.js'
import { PageTitle } from '../../components/PageTitle/index.js'
import { Paragraph } from '../../components/Paragraph/index.js'
import { ProgressBar } from '../../components/ProgressBar/index.js'
import { RadioGroup } from '../../components/RadioGroup/index.js'
import { StatusBadge } from '../../components/StatusBadge/index.js'
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '../../components/Table/index.js'
import { Textbox } from '../../components/Textbox/index.js'
import { formErrorsFrom, hasErrors, noErrors, type FormErrors } from '../../forms/index.js'
import { formatDag, formatEuro, parseEuro } from '../../format/index.js'
import { useResource } from '../../hooks/index.js'
import { t, tOr } from '../../i18n/index.js'
import { bsnFout } from '../../validation/index.js'

const BASIS = '/api/v1/kwijtschelding/toetsingen'
const POLL_MS = 1000
/** An id no check has: asking for it tells whether the hub has the kwijtschelding API at all (see `isNietBeschikbaar`). */
const PROBE_ID = '00000000-0000-4000-8000-000000000000'
const vandaag = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Amsterdam' })
const isKlaar = (s: Toetsing) => s.status === 'gereed'
/** `toetsing`: kwijtschelding requests; `verlenging`: last year's recipients, with an advice per BSN. */
const SOORTEN = ['toetsing', 'verlenging'] as const
/** A result line; a verlenging adds the advice and its reasons. */
type Resultaat = ToetsingResultaat & { readonly redenen?: readonly string[] }

/**
 * Kwijtschelding (KWS 3.0): one check or a CSV batch. The hub answers `202 { id }` and works asynchronously; the
 * page polls the check, shows progress, then every result with its belemmeringen and the data each rests on, and
 * offers the CSV export. When this hub has no kwijtschelding API, the page says so and shows no form.
 */
export function KwijtscheldingPage() {
  const probe = useResource(() => api('GET', `${BASIS}/${PROBE_ID}`).then(() => true, (e: unknown) => !isNietBeschikbaar(e)))
  const [id, setId] = useState<string>()
  return (
    <>
      <PageTitle>{t('kws.titel')}</PageTitle>
      <Paragraph lead>{t('kws.intro')}</Paragraph>
      {probe.status === 'laden' && <Loading />}
      {probe.status === 'klaar' && !probe.data && (
        <Alert type="info"><Heading level={2}>{t('fout.niet-beschikbaar.titel')}</Heading><Paragraph>{t('kws.niet-beschikbaar')}</Paragraph></Alert>
      )}
      {probe.status === 'klaar' && probe.data && (
        <>
          <section aria-labelledby="kws-enkel" className="kp-section">
            <Heading level={2} id="kws-enkel">{t('kws.enkel')}</Heading>
            <EnkeleToets onGestart={setId} />
          </section>
          <section aria-labelledby="kws-batch" className="kp-section">
            <Heading level={2} id="kws-batch">{t('kws.batch')}</Heading>
            <BatchToets onGestart={setId} />
          </section>
          {id && <Voortgang key={id} id={id} />}
        </>
      )}
    </>
  )
}

type Veld = 'bsn' | 'peildatum' | 'aanslag'
const VELDEN: readonly Veld[] = ['bsn', 'peildatum', 'aanslag']

function EnkeleToets({ onGestart }: { onGestart(id: string): void }) {
  const [w, setW] = useState<Record<Veld, string>>({ bsn: '', peildatum: vandaag(), aanslag: '' })
  const [errors, setErrors] = useState<FormErrors<Veld>>(noErrors())
  const [attempt, setAttempt] = useState(0)
  const [bezig, setBezig] = useState(false)
  const labels: Record<Veld, string> = { bsn: t('inzage.veld.bsn'), peildatum: t('kws.veld.peildatum'), aanslag: t('kws.veld.aanslag') }
  const hulp: Record<Veld, string> = { bsn: t('inzage.veld.bsn.hulp'), peildatum: t('kws.veld.peildatum.hulp'), aanslag: t('kws.veld.aanslag.hulp') }

  async function start(e: FormEvent) {
    e.preventDefault()
    setAttempt((a) => a + 1)
    const fields: Partial<Record<Veld, string>> = {}
    const b = bsnFout(w.bsn)
    if (b) fields.bsn = t(b)
    if (!/^\d{4}-\d{2}-\d{2}$/.test(w.peildatum)) fields.peildatum = t('validatie.datum')
    const aanslagCent = w.aanslag.trim() ? parseEuro(w.aanslag) : undefined
    if (w.aanslag.trim() && aanslagCent === undefined) fields.aanslag = t('validatie.bedrag')
    const fouten = { fields, other: [] }
    setErrors(fouten)
    if (hasErrors(fouten)) return
    setBezig(true)
    try {
      const res = await api<{ id: string }>('POST', BASIS, { bsn: w.bsn, peildatum: w.peildatum, ...(aanslagCent !== undefined ? { aanslagCent } : {}) })
      onGestart(res.id)
    } catch (err) {
      setErrors(err instanceof ValidationError ? formErrorsFrom(err, [...VELDEN, 'aanslagCent']) as FormErrors<Veld> : { fields: {}, other: [errorText(err)] })
    } finally {
      setBezig(false)
    }
  }
  return (
    <form onSubmit={(e) => void start(e)} noValidate autoComplete="off" className="kp-form" method="post">
      <ErrorSummary errors={errors} labels={labels} attempt={attempt} />
      {VELDEN.map((v) => (
        <FormField key={v} id={v} label={labels[v]} description={hulp[v]} error={errors.fields[v]}>
          <Textbox id={v} name={v} autoComplete="off" value={w[v]} invalid={!!errors.fields[v]}
            {...(v === 'bsn' ? { inputMode: 'numeric' as const, maxLength: 9, className: 'kp-textbox--bsn' } : v === 'peildatum' ? { type: 'date', className: 'kp-textbox--datum' } : { inputMode: 'decimal' as const, className: 'kp-textbox--bedrag' })}
            onChange={(e) => setW((s) => ({ ...s, [v]: v === 'bsn' ? e.target.value.replace(/\s/g, '') : e.target.value }))}
            aria-describedby={describedBy(v, { description: hulp[v], error: errors.fields[v] })} />
        </FormField>
      ))}
      <Button appearance="primary-action" type="submit" busy={bezig} disabled={bezig}>{t('kws.toetsen')}</Button>
    </form>
  )
}

function BatchToets({ onGestart }: { onGestart(id: string): void }) {
  const [bestand, setBestand] = useState<File>()
  const [soort, setSoort] = useState<(typeof SOORTEN)[number]>('toetsing')
  const [errors, setErrors] = useState<FormErrors<'bestand'>>(noErrors())
  const [attempt, setAttempt] = useState(0)
  const [bezig, setBezig] = useState(false)
  async function start(e: FormEvent) {
    e.preventDefault()
    setAttempt((a) => a + 1)
    if (!bestand) { setErrors({ fields: { bestand: t('validatie.bestand') }, other: [] }); return }
    setErrors(noErrors())
    setBezig(true)
    try {
      onGestart((await uploadCsv<{ id: string }>('POST', soort === 'verlenging' ? `${BASIS}?soort=verlenging` : BASIS, bestand)).id)
    } catch (err) {
      setErrors(err instanceof ValidationError
        ? { fields: {}, other: err.invalidParams.map((p) => `${p.name}: ${p.reason}`) }
        : { fields: {}, other: [errorText(err)] })
    } finally {
      setBezig(false)
    }
  }
  return (
    <>
      <Paragraph>{t('kws.batch.formaat')} <code className="kp-code">bsn;peildatum;aanslagCent</code></Paragraph>
      <form onSubmit={(e) => void start(e)} noValidate className="kp-form">
        <ErrorSummary errors={errors} labels={{ bestand: t('kws.veld.bestand') }} attempt={attempt} />
        <RadioGroup id="kws-soort" name="soort" legend={t('kws.batch.soort')} description={t('kws.batch.soort.hulp')} value={soort}
          onChange={(v) => setSoort(v === 'verlenging' ? 'verlenging' : 'toetsing')} options={SOORTEN.map((s) => ({ value: s, label: t(`kws.batch.soort.${s}`) }))} />
        <FormField id="kws-bestand" label={t('kws.veld.bestand')} error={errors.fields.bestand}>
          <FileInput id="kws-bestand" name="bestand" accept=".csv,text/csv" onFile={setBestand} invalid={!!errors.fields.bestand}
            aria-describedby={describedBy('kws-bestand', { error: errors.fields.bestand })} />
        </FormField>
        <Button appearance="primary-action" type="submit" busy={bezig} disabled={bezig}>{t('kws.batch.versturen')}</Button>
      </form>
    </>
  )
}

/** Polls one check until it is done; shows progress, then the results and the export. */
function Voortgang({ id }: { readonly id: string }) {
  const [toetsing, setToetsing] = useState<Toetsing>()
  const [fout, setFout] = useState<unknown>()
  const [exportFout, setExportFout] = useState<string>()
  const kop = useRef<HTMLHeadingElement>(null)
  useEffect(() => {
    let live = true
    let timer: ReturnType<typeof setTimeout> | undefined
    // While it runs, ask for status and progress only: reading results is a processing of every BSN in them (one
    // ledger line each), so they are fetched once, when the check is done.
    const haal = async () => {
      try {
        const s = await api<Toetsing>('GET', `${BASIS}/${encodeURIComponent(id)}?resultaten=false`)
        if (!live) return
        if (!isKlaar(s)) { setToetsing(s); timer = setTimeout(() => void haal(), POLL_MS); return }
        const volledig = await api<Toetsing>('GET', `${BASIS}/${encodeURIComponent(id)}`)
        if (live) setToetsing(volledig)
      } catch (e) { if (live) setFout(e) }
    }
    void haal()
    kop.current?.focus()
    return () => { live = false; if (timer) clearTimeout(timer) }
  }, [id])
  const klaar = toetsing !== undefined && isKlaar(toetsing)
  return (
    <section aria-labelledby="kws-resultaat" className="kp-section">
      <Heading level={2} id="kws-resultaat" ref={kop} tabIndex={-1}>{t('kws.resultaat')}</Heading>
      {fout !== undefined && <ErrorAlert error={fout} level={3} />}
      {toetsing && (
        <ProgressBar id="kws-voortgang" label={t('kws.voortgang')} value={toetsing.verwerkt} max={toetsing.aantal}
          text={klaar ? t('kws.voortgang.klaar', { aantal: toetsing.aantal }) : t('kws.voortgang.tekst', { verwerkt: toetsing.verwerkt, totaal: toetsing.aantal })} />
      )}
      {klaar && toetsing.resultaten && <Resultaten resultaten={toetsing.resultaten} verlenging={toetsing.soort === 'verlenging'} />}
      {klaar && (
        <>
          {exportFout && <Alert type="error">{exportFout}</Alert>}
          <Button appearance="secondary-action" onClick={() => download(`${BASIS}/${encodeURIComponent(id)}/export`, `kwijtschelding-${id}.csv`).catch((e: unknown) => setExportFout(errorText(e)))}>
            {t('kws.export')}
          </Button>
        </>
      )}
    </section>
  )
}

function uitkomstBadge(r: ToetsingResultaat) {
  if (r.fout || r.status === 'fout') return <StatusBadge status="invalid">{t('kws.uitkomst.fout')}</StatusBadge>
  const u = r.uitkomst ?? ((r.belemmeringen?.length ?? 0) === 0 ? 'geen-belemmeringen' : 'belemmeringen')
  return <StatusBadge status={u === 'geen-belemmeringen' ? 'valid' : 'warning'}>{tOr(`kws.uitkomst.${u}`, u)}</StatusBadge>
}

/** One belemmering with everything it rests on: the amount, the norm (and its version) and the source lines. */
function BelemmeringTekst({ b }: { readonly b: Belemmering }) {
  const gegevens = (b.gegevens ?? []).map((g) => t('kws.feit', { bron: g.bron, levering: g.leveringId, regel: g.regel })).join('; ')
  return (
    <>
      <strong>{b.omschrijving}</strong>
      {b.bedragCent !== undefined && <> ({formatEuro(b.bedragCent)})</>}
      {b.norm && <> {t('kws.norm', { norm: b.norm.waardeCent !== undefined ? `${b.norm.naam} ${formatEuro(b.norm.waardeCent)}` : b.norm.naam, versie: b.norm.normversie, van: formatDag(b.norm.geldigVan) })}</>}
      {gegevens && <> {t('kws.rust-op', { gegevens })}</>}
      {b.regel && <> {t('kws.regel', { regel: `${b.regel.id} ${b.regel.versie}` })}</>}
    </>
  )
}

/** The verlenging advice with its reasons in words (an aandachtspunt as a reason reads as the aandachtspunt). */
function AdviesTekst({ r }: { readonly r: Resultaat }) {
  if (!r.advies) return <>–</>
  const redenen = (r.redenen ?? []).map((x) => tOr(`kws.reden.${x}`, tOr(`kws.aandachtspunt.${x}`, x)))
  return (
    <>
      <StatusBadge status={r.advies === 'verlengen' ? 'valid' : 'warning'}>{tOr(`kws.advies.${r.advies}`, r.advies)}</StatusBadge>
      {redenen.length > 0 && <p className="utrecht-paragraph kp-hint">{t('kws.redenen', { redenen: redenen.join('; ') })}</p>}
    </>
  )
}

function Resultaten({ resultaten, verlenging }: { readonly resultaten: readonly Resultaat[]; readonly verlenging: boolean }) {
  const kolommen = ['bsn', 'uitkomst', ...(verlenging ? ['advies'] as const : []), 'belemmeringen', 'capaciteit', 'kwijtschelding'] as const
  return (
    <Table label={t('kws.resultaten')} caption={t('kws.resultaten')}>
      <TableHeader><TableRow>
        {kolommen.map((k) => <TableHeaderCell key={k}>{t(`kws.kolom.${k}`)}</TableHeaderCell>)}
      </TableRow></TableHeader>
      <TableBody>
        {resultaten.map((r, i) => (
          <TableRow key={`${r.regelnummer}-${i}`}>
            <TableCell>{r.bsn ? <span className="kp-code kp-nowrap">{r.bsn}</span> : t('kws.regelnummer', { regel: r.regelnummer })}</TableCell>
            <TableCell>{uitkomstBadge(r)}</TableCell>
            {verlenging && <TableCell><AdviesTekst r={r} /></TableCell>}
            <TableCell>{r.fout ? <>{r.fout.detail} <span className="kp-code kp-hint">({r.fout.code})</span></>
              : (r.belemmeringen?.length ? <ul className="kp-plain-list">{r.belemmeringen.map((b, j) => <li key={j}><BelemmeringTekst b={b} /></li>)}</ul> : t('kws.geen-belemmeringen'))}
              {r.aandachtspunten?.length ? <p className="utrecht-paragraph kp-hint">{t('kws.aandachtspunten', { punten: r.aandachtspunten.map((a) => tOr(`kws.aandachtspunt.${a}`, a)).join('; ') })}</p> : null}</TableCell>
            <TableCell>{r.betalingscapaciteitCent !== undefined ? formatEuro(r.betalingscapaciteitCent) : '–'}</TableCell>
            <TableCell>{r.kwijtscheldingCent !== undefined ? formatEuro(r.kwijtscheldingCent) : '–'}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  )
}
