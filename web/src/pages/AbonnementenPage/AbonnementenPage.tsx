import { useState, type FormEvent } from 'react'
import { api, ValidationError, type Abonnement, type Aflevering, type Afleverpoging } from '../../api/index.js'
import { Alert } from '../../components/Alert/index.js'
import { GeheimEenmalig } from '../../components/GeheimEenmalig/index.js'
import { MeerLaden } from '../../components/MeerLaden/index.js'
import { Button } from '../../components/Button/index.js'
import { ButtonGroup } from '../../components/ButtonGroup/index.js'
import { Checkbox } from '../../components/Checkbox/index.js'
import { DataList } from '../../components/DataList/index.js'
import { ErrorAlert } from '../../components/ErrorAlert/index.js'
import { errorText } from '../../components/ErrorScreen/index.js'
import { ErrorSummary } from '../../components/ErrorSummary/index.js'
import { Fieldset } from '../../components/Fieldset/index.js'
import { FormField, describedBy } from '../../components/FormField/index.js'
import { Heading } from '../../components/Heading/index.js'
import { Loading } from '../../components/Loading/index.js'
import { PageTitle } from '../../components/PageTitle/index.js'
import { Paragraph } from '../../components/Paragraph/index.js'
import { StatusBadge } from '../../components/StatusBadge/index.js'
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '../../components/Table/index.js'
import { Textbox } from '../../components/Textbox/index.js'
import { formErrorsFrom, hasErrors, noErrors, type FormErrors } from '../../forms/index.js'
import { formatDateTime } from '../../format/index.js'
import { useResource } from '../../hooks/index.js'
import { t, tOr } from '../../i18n/index.js'
import { useSessie } from '../../session/index.js'

const BASIS = '/api/v1/abonnementen'
const pad = (id: string, rest = '') => `${BASIS}/${encodeURIComponent(id)}${rest}`

/** A list answer: `{ <naam>: [...] }`; the name differs per endpoint, the portal takes the array. */
function lijstUit<T>(antwoord: unknown): T[] {
  if (Array.isArray(antwoord)) return antwoord as T[]
  const lijst = Object.values((antwoord ?? {}) as Record<string, unknown>).find(Array.isArray)
  return (lijst ?? []) as T[]
}

/**
 * Abonnementen (webhooks): this organisation's subscriptions, a new one (the signing secret is shown once), cancel,
 * and per subscription its deliveries with every attempt, the dead letters and resending one.
 */
export function AbonnementenPage() {
  const lijst = useResource(async () => lijstUit<Abonnement>(await api('GET', BASIS)))
  const [melding, setMelding] = useState<string>()
  return (
    <>
      <PageTitle>{t('abonnementen.titel')}</PageTitle>
      <Paragraph lead>{t('abonnementen.intro')}</Paragraph>
      {melding && <Alert type="ok">{melding}</Alert>}
      <section aria-labelledby="abonnementen-lijst" className="kp-section">
        <Heading level={2} id="abonnementen-lijst">{t('abonnementen.lijst')}</Heading>
        {lijst.status === 'laden' && <Loading />}
        {lijst.status === 'fout' && <ErrorAlert error={lijst.error} level={3} />}
        {lijst.status === 'klaar' && (lijst.data.length === 0
          ? <Paragraph>{t('abonnementen.leeg')}</Paragraph>
          : lijst.data.map((a) => <AbonnementKaart key={a.id} abonnement={a} onOpgezegd={() => { setMelding(t('abonnementen.opgezegd', { url: a.url })); lijst.reload() }} />))}
      </section>
      {lijst.status !== 'fout' && (
        <section aria-labelledby="abonnementen-nieuw" className="kp-section">
          <Heading level={2} id="abonnementen-nieuw">{t('abonnementen.nieuw')}</Heading>
          <NieuwAbonnement onAangemaakt={() => { setMelding(undefined); lijst.reload() }} />
        </section>
      )}
    </>
  )
}

function AbonnementKaart({ abonnement: a, onOpgezegd }: { readonly abonnement: Abonnement; onOpgezegd(): void }) {
  const [bevestig, setBevestig] = useState(false)
  const [open, setOpen] = useState(false)
  const [fout, setFout] = useState<string>()
  const kop = `abonnement-${a.id}`
  async function opzeggen() {
    try { await api('DELETE', pad(a.id)); onOpgezegd() } catch (e) { setFout(errorText(e)) }
  }
  return (
    <article aria-labelledby={kop} className="kp-kaart">
      <Heading level={3} id={kop}><span className="kp-code">{a.url}</span></Heading>
      <DataList items={[
        [t('abonnementen.status'), a.status === 'opgezegd'
          ? <StatusBadge status="inactive">{t('abonnementen.status.opgezegd')}</StatusBadge>
          : <StatusBadge status="valid">{t('abonnementen.status.actief')}</StatusBadge>],
        [t('abonnementen.producten'), a.producten.map((p) => tOr(`product.${p}`, p)).join(', ')],
        [t('abonnementen.soorten'), a.soorten?.length ? a.soorten.join(', ') : t('abonnementen.soorten.alle')],
        ...(a.aangemaakt ? [[t('abonnementen.aangemaakt'), formatDateTime(a.aangemaakt)] as const] : []),
        [t('abonnementen.kenmerk'), <span className="kp-code">{a.id}</span>],
      ]} />
      {fout && <Alert type="error">{fout}</Alert>}
      {bevestig ? (
        <div role="group" aria-label={t('abonnementen.opzeggen.label', { url: a.url })}>
          <Paragraph>{t('abonnementen.opzeggen.vraag', { url: a.url })}</Paragraph>
          <ButtonGroup>
            <Button appearance="primary-action" hint="danger" autoFocus onClick={() => void opzeggen()}>{t('abonnementen.opzeggen.bevestig')}</Button>
            <Button appearance="secondary-action" onClick={() => setBevestig(false)}>{t('clients.intrekken.annuleer')}</Button>
          </ButtonGroup>
        </div>
      ) : (
        <ButtonGroup>
          <Button appearance="secondary-action" aria-expanded={open} aria-controls={`${kop}-afleveringen`} onClick={() => setOpen(!open)}>
            {open ? t('abonnementen.afleveringen.verbergen') : t('abonnementen.afleveringen.tonen')}
          </Button>
          {a.status !== 'opgezegd' && <Button appearance="secondary-action" hint="danger" aria-label={t('abonnementen.opzeggen.label', { url: a.url })} onClick={() => setBevestig(true)}>{t('abonnementen.opzeggen')}</Button>}
        </ButtonGroup>
      )}
      <div id={`${kop}-afleveringen`}>{open && <Afleveringen id={a.id} opgezegd={a.status === 'opgezegd'} />}</div>
    </article>
  )
}

const afleverStatus = (s: string) => (
  <StatusBadge status={s === 'afgeleverd' ? 'valid' : s === 'dood' ? 'invalid' : 'warning'}>{tOr(`aflevering.status.${s}`, s)}</StatusBadge>
)

function pogingTekst(p: Afleverpoging): string {
  const uitkomst = p.httpStatus ? `HTTP ${p.httpStatus}` : (p.fout ?? t('aflevering.geen-antwoord'))
  return `${formatDateTime(p.tijdstip)}: ${uitkomst}${p.duurMs !== undefined ? ` (${p.duurMs} ms)` : ''}`
}

/** A cancelled subscription's dead letters cannot be resent (the hub answers abonnement.opgezegd): no button for it. */
function Afleveringen({ id, opgezegd }: { readonly id: string; readonly opgezegd: boolean }) {
  const [ronde, setRonde] = useState(0)
  const [melding, setMelding] = useState<string>()
  const [fout, setFout] = useState<string>()
  async function opnieuw(a: Aflevering) {
    setMelding(undefined); setFout(undefined)
    try {
      await api('POST', pad(id, `/dode-brieven/${encodeURIComponent(a.id)}/opnieuw`), {})
      setMelding(t('aflevering.opnieuw.klaar'))
      setRonde((r) => r + 1)
    } catch (e) { setFout(errorText(e)) }
  }
  /** Every dead letter of the subscription at once (`POST …/dode-brieven/_opnieuw`), not one click each. */
  async function allesOpnieuw() {
    setMelding(undefined); setFout(undefined)
    try {
      const { aantal } = await api<{ aantal: number }>('POST', pad(id, '/dode-brieven/_opnieuw'), {})
      setMelding(t('aflevering.alles-opnieuw.klaar', { aantal }))
      setRonde((r) => r + 1)
    } catch (e) { setFout(errorText(e)) }
  }
  return (
    <div className="kp-afleveringen">
      <Heading level={3}>{t('aflevering.titel')}</Heading>
      <AfleverLijst key={`a-${ronde}`} pad={pad(id, '/afleveringen')} label={t('aflevering.titel')} leeg={t('aflevering.leeg')} meer={t('aflevering.meer')} />
      <Heading level={3}>{t('aflevering.dood.titel')}</Heading>
      <Paragraph>{t('aflevering.dood.intro')}</Paragraph>
      {melding && <Alert type="ok">{melding}</Alert>}
      {fout && <Alert type="error">{fout}</Alert>}
      <AfleverLijst key={`d-${ronde}`} pad={pad(id, '/dode-brieven')} label={t('aflevering.dood.titel')} leeg={t('aflevering.dood.leeg')} meer={t('aflevering.dood.meer')}
        {...(opgezegd ? {} : { opnieuw: (a: Aflevering) => void opnieuw(a), allesOpnieuw: () => void allesOpnieuw() })} />
    </div>
  )
}

/**
 * One list of deliveries, a page of the hub's at a time: "meer laden" follows the hub's `volgende` cursor, so a
 * delivery or dead letter beyond the first page (50) can still be seen and resent.
 */
function AfleverLijst({ pad: lijstPad, label, leeg, meer: meerTekst, opnieuw, allesOpnieuw }: {
  readonly pad: string; readonly label: string; readonly leeg: string; readonly meer: string; readonly opnieuw?: (a: Aflevering) => void
  readonly allesOpnieuw?: () => void
}) {
  const eerste = useResource(() => api<unknown>('GET', lijstPad))
  const [extra, setExtra] = useState<{ rijen: readonly Aflevering[]; volgende: string | null }>()
  const [bezig, setBezig] = useState(false)
  const [fout, setFout] = useState<unknown>()
  if (eerste.status === 'laden') return <Loading />
  if (eerste.status === 'fout') return <ErrorAlert error={eerste.error} level={3} />
  const rijen = [...lijstUit<Aflevering>(eerste.data), ...(extra?.rijen ?? [])]
  const volgende = extra ? extra.volgende : volgendeUit(eerste.data)
  async function meer() {
    if (!volgende) return
    setBezig(true); setFout(undefined)
    try {
      const p = await api<unknown>('GET', `${lijstPad}?na=${encodeURIComponent(volgende)}`)
      setExtra({ rijen: [...(extra?.rijen ?? []), ...lijstUit<Aflevering>(p)], volgende: volgendeUit(p) })
    } catch (e) { setFout(e) } finally { setBezig(false) }
  }
  if (rijen.length === 0) return <Paragraph>{leeg}</Paragraph>
  return (
    <>
      <AfleverTabel label={label} rijen={rijen} {...(opnieuw ? { opnieuw } : {})} />
      {fout !== undefined && <ErrorAlert error={fout} level={3} />}
      <MeerLaden volgende={volgende} bezig={bezig} onMeer={() => void meer()} tekst={meerTekst} klaar={t('lijst.alles-geladen', { aantal: rijen.length })} />
      {allesOpnieuw && rijen.length > 1 && <Button appearance="secondary-action" onClick={allesOpnieuw}>{t('aflevering.alles-opnieuw')}</Button>}
    </>
  )
}

/** The cursor of the next page (`volgende`), or null when this was the last page. */
const volgendeUit = (antwoord: unknown): string | null => {
  const v = (antwoord as { volgende?: unknown } | null)?.volgende
  return typeof v === 'string' && v ? v : null
}

function AfleverTabel({ label, rijen, opnieuw }: { readonly label: string; readonly rijen: readonly Aflevering[]; readonly opnieuw?: (a: Aflevering) => void }) {
  return (
    <Table label={label}>
      <TableHeader><TableRow>
        {(['aangemaakt', 'signaal', 'status', 'pogingen'] as const).map((k) => <TableHeaderCell key={k}>{t(`aflevering.kolom.${k}`)}</TableHeaderCell>)}
        {opnieuw && <TableHeaderCell>{t('aflevering.kolom.actie')}</TableHeaderCell>}
      </TableRow></TableHeader>
      <TableBody>
        {rijen.map((a) => (
          <TableRow key={a.id}>
            <TableCell>{a.aangemaakt ? formatDateTime(a.aangemaakt) : '–'}</TableCell>
            <TableCell><span className="kp-code">{a.signaalId ?? a.id}</span></TableCell>
            <TableCell>{afleverStatus(a.status)}{a.reden && <> {tOr(`aflevering.reden.${a.reden}`, a.reden)}</>}</TableCell>
            <TableCell>{typeof a.pogingen === 'number' || a.pogingen === undefined ? (a.pogingen ?? 0) : (
              a.pogingen.length === 0 ? 0 : <ol className="kp-plain-list">{a.pogingen.map((p, i) => <li key={i}>{pogingTekst(p)}</li>)}</ol>
            )}</TableCell>
            {opnieuw && <TableCell><Button appearance="secondary-action" onClick={() => opnieuw(a)} aria-label={t('aflevering.opnieuw.label', { id: a.signaalId ?? a.id })}>{t('aflevering.opnieuw')}</Button></TableCell>}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  )
}

type Veld = 'url' | 'producten' | 'soorten'
const VELDEN: readonly Veld[] = ['url', 'producten', 'soorten']

function NieuwAbonnement({ onAangemaakt }: { readonly onAangemaakt: () => void }) {
  const sessie = useSessie()
  const [url, setUrl] = useState('')
  const [producten, setProducten] = useState<string[]>([])
  const [soorten, setSoorten] = useState('')
  const [errors, setErrors] = useState<FormErrors<Veld>>(noErrors())
  const [attempt, setAttempt] = useState(0)
  const [bezig, setBezig] = useState(false)
  const [nieuw, setNieuw] = useState<{ id: string; secret: string; url: string }>()
  const labels: Record<Veld, string> = { url: t('abonnementen.veld.url'), producten: t('abonnementen.veld.producten'), soorten: t('abonnementen.veld.soorten') }

  async function maak(e: FormEvent) {
    e.preventDefault()
    setAttempt((a) => a + 1)
    const fields: Partial<Record<Veld, string>> = {}
    if (!/^https?:\/\/\S+$/.test(url)) fields.url = t('validatie.url')
    if (producten.length === 0) fields.producten = t('validatie.product')
    const fouten = { fields, other: [] }
    setErrors(fouten)
    if (hasErrors(fouten)) return
    const lijst = soorten.split(',').map((s) => s.trim()).filter(Boolean)
    setBezig(true)
    try {
      const res = await api<{ id: string; secret: string }>('POST', BASIS, { url, producten, ...(lijst.length ? { soorten: lijst } : {}) })
      setNieuw({ ...res, url })
      setUrl(''); setProducten([]); setSoorten('')
      onAangemaakt()
    } catch (err) {
      setErrors(err instanceof ValidationError ? formErrorsFrom(err, VELDEN) : { fields: {}, other: [errorText(err)] })
    } finally {
      setBezig(false)
    }
  }

  return (
    <>
      {nieuw && (
        <GeheimEenmalig titel={t('abonnementen.aangemaakt.titel', { url: nieuw.url })} tekst={t('abonnementen.aangemaakt.tekst')}
          kenmerk={[t('abonnementen.kenmerk'), nieuw.id]} geheim={[t('abonnementen.aangemaakt.geheim'), nieuw.secret]}
          sluitTekst={t('clients.aangemaakt.sluiten')} onSluiten={() => setNieuw(undefined)} />
      )}
      <form onSubmit={(e) => void maak(e)} noValidate className="kp-form">
        <ErrorSummary errors={errors} labels={labels} attempt={attempt} />
        <FormField id="url" label={labels.url} description={t('abonnementen.veld.url.hulp')} error={errors.fields.url}>
          <Textbox id="url" name="url" type="url" autoComplete="off" value={url} onChange={(e) => setUrl(e.target.value.trim())} invalid={!!errors.fields.url}
            aria-describedby={describedBy('url', { description: t('abonnementen.veld.url.hulp'), error: errors.fields.url })} />
        </FormField>
        <Fieldset id="producten" legend={labels.producten} error={errors.fields.producten}>
          {sessie.producten.map((p) => (
            <Checkbox key={p} id={`product-${p}`} label={tOr(`product.${p}`, p)} checked={producten.includes(p)}
              onChange={() => setProducten((l) => (l.includes(p) ? l.filter((x) => x !== p) : [...l, p]))} />
          ))}
        </Fieldset>
        <FormField id="soorten" label={labels.soorten} description={t('abonnementen.veld.soorten.hulp')} error={errors.fields.soorten}>
          <Textbox id="soorten" name="soorten" autoComplete="off" value={soorten} onChange={(e) => setSoorten(e.target.value)} invalid={!!errors.fields.soorten}
            aria-describedby={describedBy('soorten', { description: t('abonnementen.veld.soorten.hulp'), error: errors.fields.soorten })} />
        </FormField>
        <Button appearance="primary-action" type="submit" busy={bezig} disabled={bezig}>{t('abonnementen.aanmaken')}</Button>
      </form>
    </>
  )
}
