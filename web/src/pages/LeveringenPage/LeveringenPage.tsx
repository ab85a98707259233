import { useRef, useState, type FormEvent } from 'react'
import { api, isNietBeschikbaar, uploadCsv, ValidationError, type Levering, type LeveringResultaat } from '../../api/index.js'
import { Alert } from '../../components/Alert/index.js'
import { MeerLaden } from '../../components/MeerLaden/index.js'
import { Button } from '../../components/Button/index.js'
import { DataList } from '../../components/DataList/index.js'
import { ErrorAlert } from '../../components/ErrorAlert/index.js'
import { ErrorSummary } from '../../components/ErrorSummary/index.js'
import { FileInput } from '../../components/FileInput/index.js'
import { FormField, describedBy } from '../../components/FormField/index.js'
import { Heading } from '../../components/Heading/index.js'
import { Loading } from '../../components/Loading/index.js'
import { PageTitle } from '../../components/PageTitle/index.js'
import { Paragraph } from '../../components/Paragraph/index.js'
import { RegelRapport } from '../../components/RegelRapport/index.js'
import { Select } from '../../components/Select/index.js'
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '../../components/Table/index.js'
import { Textbox } from '../../components/Textbox/index.js'
import { formErrorsFrom, noErrors, type FormErrors } from '../../forms/index.js'
import { formatDateTime } from '../../format/index.js'
import { useResource } from '../../hooks/index.js'
import { t, tOr } from '../../i18n/index.js'
import { useSessie } from '../../session/index.js'


type Veld = 'bron' | 'leveringId' | 'bestand'
const VELDEN: readonly Veld[] = ['bron', 'leveringId', 'bestand']
const nieuwLeveringId = () => `portaal-${new Date().toISOString().replace(/[-:]/g, '').replace(/\..*/, '')}`

/**
 * Leveringen (bronhouder): upload a delivery of one source (`POST /api/v1/bronnen/{bron}/leveringen`) with its
 * acceptance report, and the list of this organisation's deliveries of that source.
 */
export function LeveringenPage() {
  // Only the sources this organisation may deliver (the hub refuses the others with 403).
  const bronnen = useSessie().bronnen
  const [bron, setBron] = useState<string>(bronnen[0] ?? '')
  const [lijstRonde, setLijstRonde] = useState(0)
  if (bronnen.length === 0) return <><PageTitle>{t('leveringen.titel')}</PageTitle><Paragraph>{t('leveringen.geen-bronnen')}</Paragraph></>
  return (
    <>
      <PageTitle>{t('leveringen.titel')}</PageTitle>
      <Paragraph lead>{t('leveringen.intro')}</Paragraph>
      <section aria-labelledby="leveringen-nieuw" className="kp-section">
        <Heading level={2} id="leveringen-nieuw">{t('leveringen.nieuw')}</Heading>
        <NieuweLevering bronnen={bronnen} bron={bron} setBron={setBron} onGeleverd={() => setLijstRonde((r) => r + 1)} />
      </section>
      <section aria-labelledby="leveringen-lijst" className="kp-section">
        <Heading level={2} id="leveringen-lijst">{t('leveringen.lijst', { bron })}</Heading>
        <LeveringLijst key={`${bron}-${lijstRonde}`} bron={bron} />
      </section>
    </>
  )
}

function NieuweLevering({ bronnen, bron, setBron, onGeleverd }: { readonly bronnen: readonly string[]; readonly bron: string; setBron(b: string): void; onGeleverd(): void }) {
  const [leveringId, setLeveringId] = useState(nieuwLeveringId)
  const [bestand, setBestand] = useState<File>()
  const [errors, setErrors] = useState<FormErrors<Veld>>(noErrors())
  const [attempt, setAttempt] = useState(0)
  const [bezig, setBezig] = useState(false)
  const [rapport, setRapport] = useState<{ bestand: string; resultaat: LeveringResultaat }>()
  const [fout, setFout] = useState<unknown>()
  const labels: Record<Veld, string> = { bron: t('leveringen.veld.bron'), leveringId: t('leveringen.veld.levering-id'), bestand: t('leveringen.veld.bestand') }

  async function verstuur(e: FormEvent) {
    e.preventDefault()
    setAttempt((a) => a + 1)
    const fields: Partial<Record<Veld, string>> = {}
    if (!/^(?!event-)[A-Za-z0-9._:-]{1,128}$/.test(leveringId)) fields.leveringId = t('validatie.levering-id')
    if (!bestand) fields.bestand = t('validatie.bestand')
    setErrors({ fields, other: [] })
    if (fields.leveringId || !bestand) return
    setBezig(true); setRapport(undefined); setFout(undefined)
    try {
      const resultaat = await uploadCsv<LeveringResultaat>('POST', `/api/v1/bronnen/${encodeURIComponent(bron)}/leveringen`, bestand, { 'Levering-Id': leveringId })
      setRapport({ bestand: bestand.name, resultaat })
      setLeveringId(nieuwLeveringId())
      onGeleverd()
    } catch (err) {
      if (err instanceof ValidationError) setErrors(formErrorsFrom(err, VELDEN))
      else setFout(err)
    } finally {
      setBezig(false)
    }
  }

  return (
    <>
      <Paragraph>{t('leveringen.formaat')}</Paragraph>
      <form onSubmit={(e) => void verstuur(e)} noValidate className="kp-form">
        <ErrorSummary errors={errors} labels={labels} attempt={attempt} />
        <FormField id="bron" label={labels.bron} description={t('leveringen.veld.bron.hulp')}>
          <Select id="bron" name="bron" value={bron} onChange={(e) => setBron(e.target.value)} options={bronnen.map((b) => ({ value: b, label: b }))}
            aria-describedby={describedBy('bron', { description: t('leveringen.veld.bron.hulp') })} />
        </FormField>
        <FormField id="leveringId" label={labels.leveringId} description={t('leveringen.veld.levering-id.hulp')} error={errors.fields.leveringId}>
          <Textbox id="leveringId" name="leveringId" autoComplete="off" value={leveringId} onChange={(e) => setLeveringId(e.target.value.trim())} invalid={!!errors.fields.leveringId}
            aria-describedby={describedBy('leveringId', { description: t('leveringen.veld.levering-id.hulp'), error: errors.fields.leveringId })} />
        </FormField>
        <FormField id="bestand" label={labels.bestand} error={errors.fields.bestand}>
          <FileInput id="bestand" name="bestand" accept=".csv,text/csv" onFile={setBestand} invalid={!!errors.fields.bestand}
            aria-describedby={describedBy('bestand', { error: errors.fields.bestand })} />
        </FormField>
        <Button appearance="primary-action" type="submit" busy={bezig} disabled={bezig}>{t('leveringen.versturen')}</Button>
      </form>
      <div aria-live="polite">
        {bezig && <Paragraph role="status">{t('upload.bezig')}</Paragraph>}
        {fout !== undefined && <ErrorAlert error={fout} level={3} />}
        {rapport && (
          <div className="kp-section">
            <Alert type={rapport.resultaat.afgewezen.length === 0 ? 'ok' : 'warning'}>
              <Heading level={3}>{t('leveringen.ontvangen', { id: rapport.resultaat.leveringId })}</Heading>
              <DataList items={[
                [t('leveringen.bestand'), rapport.bestand],
                [t('leveringen.aantal-regels'), String(rapport.resultaat.aantalRegels)],
                [t('leveringen.geaccepteerd'), String(rapport.resultaat.geaccepteerd)],
                [t('leveringen.afgewezen'), String(rapport.resultaat.aantalRegels - rapport.resultaat.geaccepteerd)],
              ]} />
            </Alert>
            <Afgekapt resultaat={rapport.resultaat} />
            {rapport.resultaat.afgewezen.length > 0 && (
              <RegelRapport label={t('leveringen.rapport')} fouten={rapport.resultaat.afgewezen.map((a) => ({ regel: String(a.regel), code: a.code, reden: a.reden }))} />
            )}
          </div>
        )}
      </div>
    </>
  )
}

/** One page of `GET /bronnen/{bron}/leveringen`. */
interface Pagina { readonly leveringen: readonly Levering[]; readonly volgende: string | null }

function LeveringLijst({ bron }: { readonly bron: string }) {
  const pad = `/api/v1/bronnen/${encodeURIComponent(bron)}/leveringen`
  const lijst = useResource(() => api<Pagina>('GET', pad))
  // Older pages, newest first like the first: "meer laden" follows the hub's `volgende` cursor.
  const [extra, setExtra] = useState<Pagina>()
  const [bezig, setBezig] = useState(false)
  const [meerFout, setMeerFout] = useState<unknown>()
  const [verslag, setVerslag] = useState<{ id: string; resultaat?: LeveringResultaat; fout?: unknown }>()
  const kop = useRef<HTMLHeadingElement>(null)
  if (lijst.status === 'laden') return <Loading />
  // The list endpoint may not be on this hub yet: the upload above still works, so say so quietly.
  if (lijst.status === 'fout') return isNietBeschikbaar(lijst.error) ? <Paragraph>{t('leveringen.lijst.niet-beschikbaar')}</Paragraph> : <ErrorAlert error={lijst.error} level={3} />
  const leveringen = [...lijst.data.leveringen, ...(extra?.leveringen ?? [])]
  const volgende = extra ? extra.volgende : lijst.data.volgende
  if (leveringen.length === 0) return <Paragraph>{t('leveringen.leeg')}</Paragraph>
  async function meer() {
    if (!volgende) return
    setBezig(true); setMeerFout(undefined)
    try {
      const p = await api<Pagina>('GET', `${pad}?na=${encodeURIComponent(volgende)}`)
      setExtra({ leveringen: [...(extra?.leveringen ?? []), ...p.leveringen], volgende: p.volgende ?? null })
    } catch (e) { setMeerFout(e) } finally { setBezig(false) }
  }
  async function toon(id: string) {
    setVerslag({ id })
    try {
      setVerslag({ id, resultaat: await api<LeveringResultaat>('GET', `/api/v1/bronnen/${encodeURIComponent(bron)}/leveringen/${encodeURIComponent(id)}`) })
    } catch (e) {
      setVerslag({ id, fout: e })
    }
    setTimeout(() => kop.current?.focus(), 0)
  }
  return (
    <>
      <Table label={t('leveringen.lijst', { bron })}>
        <TableHeader><TableRow>
          {(['levering-id', 'ontvangen', 'aantal-regels', 'geaccepteerd', 'afgewezen', 'verslag'] as const).map((k) => <TableHeaderCell key={k}>{t(`leveringen.kolom.${k}`)}</TableHeaderCell>)}
        </TableRow></TableHeader>
        <TableBody>
          {leveringen.map((l) => (
            <TableRow key={l.leveringId}>
              <TableCell><span className="kp-code">{l.leveringId}</span></TableCell>
              <TableCell>{formatDateTime(l.ontvangen)}</TableCell>
              <TableCell>{l.aantalRegels}</TableCell>
              <TableCell>{l.geaccepteerd}</TableCell>
              <TableCell>{typeof l.afgewezen === 'number' ? l.afgewezen : l.afgewezen.length}</TableCell>
              <TableCell>{(l.status === undefined || l.status === 'verwerkt')
                ? <Button appearance="secondary-action" onClick={() => void toon(l.leveringId)} aria-label={t('leveringen.verslag.label', { id: l.leveringId })}>{t('leveringen.verslag')}</Button>
                : tOr(`levering.status.${l.status}`, l.status)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {meerFout !== undefined && <ErrorAlert error={meerFout} level={3} />}
      <MeerLaden volgende={volgende} bezig={bezig} onMeer={() => void meer()} tekst={t('leveringen.meer')} klaar={t('lijst.alles-geladen', { aantal: leveringen.length })} />
      {verslag && (
        <div className="kp-section" aria-live="polite">
          <Heading level={3} ref={kop} tabIndex={-1}>{t('leveringen.verslag.kop', { id: verslag.id })}</Heading>
          {verslag.fout !== undefined && <ErrorAlert error={verslag.fout} level={3} />}
          {verslag.resultaat && <Afgekapt resultaat={verslag.resultaat} />}
          {verslag.resultaat && (verslag.resultaat.afgewezen.length === 0
            ? <Paragraph>{t('leveringen.verslag.geen-afgewezen')}</Paragraph>
            : <RegelRapport label={t('leveringen.verslag.rapport', { id: verslag.id })} fouten={verslag.resultaat.afgewezen.map((a) => ({ regel: String(a.regel), code: a.code, reden: a.reden }))} />)}
        </div>
      )}
    </>
  )
}

/** The hub lists at most its maximum of rejected lines; say so, so a source does not think it has fixed them all. */
function Afgekapt({ resultaat }: { readonly resultaat: LeveringResultaat }) {
  if (!resultaat.afgewezenAfgekapt) return null
  return <Paragraph>{t('leveringen.afgekapt', { getoond: resultaat.afgewezen.length.toLocaleString('nl-NL'), aantal: (resultaat.aantalRegels - resultaat.geaccepteerd).toLocaleString('nl-NL') })}</Paragraph>
}
