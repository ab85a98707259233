import { useState, type FormEvent } from 'react'
import { api, ValidationError } from '../../api/index.js'
import { Alert } from '../../components/Alert/index.js'
import { Button } from '../../components/Button/index.js'
import { Checkbox } from '../../components/Checkbox/index.js'
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
import { formatDag, formatDateTime, formatEuro, parseEuro } from '../../format/index.js'
import { useResource } from '../../hooks/index.js'
import { t } from '../../i18n/index.js'

const PAD = '/api/v1/kwijtschelding/normen'

/** The checks an organisation can switch off (KWS_TOETSEN in src/products/kwijtschelding/kws-normen.ts). */
const TOETSEN = ['inkomen', 'vermogen', 'voertuig', 'woningbezit', 'ondernemerschap'] as const
type Toets = (typeof TOETSEN)[number]

/** Amount fields, named as the API names them (so `invalidParams` land on the right field); typed in euros. */
const BEDRAGEN = ['vermogensbufferAlleenstaandeCent', 'vermogensbufferAlleenstaandeOuderCent', 'vermogensbufferGehuwdCent', 'voertuigGrensCent'] as const
type Bedrag = (typeof BEDRAGEN)[number]
type Veld = 'geldigVan' | 'kostenVanBestaanPercentage' | Bedrag | 'toetsen'
const VELDEN: readonly Veld[] = ['geldigVan', 'kostenVanBestaanPercentage', ...BEDRAGEN, 'toetsen']
/** Left empty, the hub takes the standard vehicle limit (€ 3.350). */
const OPTIONEEL: readonly Veld[] = ['voertuigGrensCent']

/** One stored version as `GET /api/v1/kwijtschelding/normen` answers it (integer cents). */
interface NormVersie {
  readonly versie: number
  readonly geldigVan: string
  readonly kostenVanBestaanPercentage: number
  readonly vermogensbufferAlleenstaandeCent: number
  readonly vermogensbufferAlleenstaandeOuderCent: number
  readonly vermogensbufferGehuwdCent: number
  readonly voertuigGrensCent: number
  readonly toetsen: Readonly<Partial<Record<Toets, boolean>>>
  readonly vastgelegd: string
  readonly vervangen?: string
}

const eersteJanuari = () => `${new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Amsterdam' }).slice(0, 4)}-01-01`
/** Cents as the text a person would type back: 200000 → "2000,00". */
const alsInvoer = (cent: number) => (cent / 100).toFixed(2).replace('.', ',')

/**
 * Kwijtschelding norms (KWS 3.0): every version of the organisation's own norms, and a form for a new version —
 * the percentage of the bijstandsnorm (90–100), the vermogen buffers and the vehicle limit typed in euros and sent as
 * integer cents, and which checks apply. A version with an existing `geldigVan` replaces it; history stays visible.
 */
export function KwijtscheldingNormenPage() {
  const historie = useResource(() => api<{ normen: NormVersie[] }>('GET', PAD).then((r) => r.normen))
  const [vastgelegd, setVastgelegd] = useState<NormVersie>()
  return (
    <>
      <PageTitle>{t('kwsnorm.titel')}</PageTitle>
      <Paragraph lead>{t('kwsnorm.intro')}</Paragraph>
      {historie.status === 'laden' && <Loading />}
      {historie.status === 'fout' && <ErrorAlert error={historie.error} />}
      {historie.status === 'klaar' && (
        <>
          <section aria-labelledby="kwsnorm-nieuw" className="kp-section">
            <Heading level={2} id="kwsnorm-nieuw">{t('kwsnorm.nieuw')}</Heading>
            {vastgelegd && (
              <Alert type="ok"><Paragraph>{t('kwsnorm.vastgelegd', { versie: vastgelegd.versie, datum: formatDag(vastgelegd.geldigVan) })}</Paragraph></Alert>
            )}
            <NormForm laatste={historie.data.find((n) => !n.vervangen)} onVastgelegd={(n) => { setVastgelegd(n); historie.reload() }} />
          </section>
          <section aria-labelledby="kwsnorm-historie" className="kp-section">
            <Heading level={2} id="kwsnorm-historie">{t('kwsnorm.historie')}</Heading>
            {historie.data.length === 0 ? <Paragraph>{t('kwsnorm.historie.leeg')}</Paragraph> : <Historie normen={historie.data} />}
          </section>
        </>
      )}
    </>
  )
}

function NormForm({ laatste, onVastgelegd }: { readonly laatste: NormVersie | undefined; onVastgelegd(n: NormVersie): void }) {
  // The form starts from the version in use, so a new year's version only needs what changes.
  const [w, setW] = useState<Record<Exclude<Veld, 'toetsen'>, string>>(() => ({
    geldigVan: eersteJanuari(),
    kostenVanBestaanPercentage: laatste ? String(laatste.kostenVanBestaanPercentage) : '100',
    vermogensbufferAlleenstaandeCent: laatste ? alsInvoer(laatste.vermogensbufferAlleenstaandeCent) : '',
    vermogensbufferAlleenstaandeOuderCent: laatste ? alsInvoer(laatste.vermogensbufferAlleenstaandeOuderCent) : '',
    vermogensbufferGehuwdCent: laatste ? alsInvoer(laatste.vermogensbufferGehuwdCent) : '',
    voertuigGrensCent: laatste ? alsInvoer(laatste.voertuigGrensCent) : '',
  }))
  const [toetsen, setToetsen] = useState<Record<Toets, boolean>>(() => Object.fromEntries(TOETSEN.map((k) => [k, laatste?.toetsen[k] ?? true])) as Record<Toets, boolean>)
  const [errors, setErrors] = useState<FormErrors<Veld>>(noErrors())
  const [attempt, setAttempt] = useState(0)
  const [bezig, setBezig] = useState(false)
  const labels = Object.fromEntries(VELDEN.map((v) => [v, t(`kwsnorm.veld.${v}`)])) as Record<Veld, string>

  function lokaal(): { fouten: FormErrors<Veld>; invoer?: Record<string, unknown> } {
    const fields: Partial<Record<Veld, string>> = {}
    if (!/^\d{4}-\d{2}-\d{2}$/.test(w.geldigVan)) fields.geldigVan = t('validatie.datum')
    const pct = w.kostenVanBestaanPercentage.trim()
    if (!/^\d{1,3}$/.test(pct) || Number(pct) < 90 || Number(pct) > 100) fields.kostenVanBestaanPercentage = t('kwsnorm.validatie.percentage')
    const invoer: Record<string, unknown> = { geldigVan: w.geldigVan, kostenVanBestaanPercentage: Number(pct), toetsen }
    for (const b of BEDRAGEN) {
      const tekst = w[b].trim()
      if (tekst === '') { if (!OPTIONEEL.includes(b)) fields[b] = t('validatie.verplicht', { veld: labels[b].toLowerCase() }); continue }
      const cent = parseEuro(tekst)
      if (cent === undefined) fields[b] = t('validatie.bedrag')
      else invoer[b] = cent
    }
    const fouten = { fields, other: [] }
    return hasErrors(fouten) ? { fouten } : { fouten, invoer }
  }

  async function leg(e: FormEvent) {
    e.preventDefault()
    setAttempt((a) => a + 1)
    const { fouten, invoer } = lokaal()
    setErrors(fouten)
    if (!invoer) return
    setBezig(true)
    try {
      onVastgelegd(await api<NormVersie>('PUT', PAD, invoer))
    } catch (err) {
      // Field problems from the hub land at their field; anything else goes through the one error-screen chooser.
      setErrors(err instanceof ValidationError ? formErrorsFrom(err, VELDEN) : { fields: {}, other: [errorText(err)] })
    } finally {
      setBezig(false)
    }
  }

  const tekstVeld = (v: Exclude<Veld, 'toetsen'>) => {
    const hulp = t(`kwsnorm.veld.${v}.hulp`)
    const soort = v === 'geldigVan' ? { type: 'date', className: 'kp-textbox--datum' }
      : v === 'kostenVanBestaanPercentage' ? { inputMode: 'numeric' as const, maxLength: 3, className: 'kp-textbox--bedrag' }
        : { inputMode: 'decimal' as const, className: 'kp-textbox--bedrag' }
    return (
      <FormField key={v} id={v} label={labels[v]} description={hulp} error={errors.fields[v]}>
        <Textbox id={v} name={v} autoComplete="off" value={w[v]} invalid={!!errors.fields[v]} {...soort}
          onChange={(e) => setW((s) => ({ ...s, [v]: e.target.value }))} aria-describedby={describedBy(v, { description: hulp, error: errors.fields[v] })} />
      </FormField>
    )
  }

  return (
    <form onSubmit={(e) => void leg(e)} noValidate autoComplete="off" className="kp-form" method="post">
      <ErrorSummary errors={errors} labels={labels} attempt={attempt} />
      {tekstVeld('geldigVan')}
      {tekstVeld('kostenVanBestaanPercentage')}
      {BEDRAGEN.map(tekstVeld)}
      <Fieldset id="toetsen" legend={labels.toetsen} description={t('kwsnorm.veld.toetsen.hulp')} error={errors.fields.toetsen}>
        {TOETSEN.map((k) => (
          <Checkbox key={k} id={`toets-${k}`} name={`toets-${k}`} label={t(`kwsnorm.toets.${k}`)} checked={toetsen[k]}
            onChange={(e) => setToetsen((s) => ({ ...s, [k]: e.target.checked }))} />
        ))}
      </Fieldset>
      <Button appearance="primary-action" type="submit" busy={bezig} disabled={bezig}>{t('kwsnorm.vastleggen')}</Button>
    </form>
  )
}

function Historie({ normen }: { readonly normen: readonly NormVersie[] }) {
  return (
    <Table label={t('kwsnorm.historie')} caption={t('kwsnorm.historie.bijschrift')}>
      <TableHeader><TableRow>
        {(['geldigVan', 'percentage', 'buffers', 'voertuig', 'toetsen', 'versie', 'status'] as const).map((k) => <TableHeaderCell key={k}>{t(`kwsnorm.kolom.${k}`)}</TableHeaderCell>)}
      </TableRow></TableHeader>
      <TableBody>
        {normen.map((n) => (
          <TableRow key={n.versie}>
            <TableCell><span className="kp-nowrap">{formatDag(n.geldigVan)}</span></TableCell>
            <TableCell>{t('kwsnorm.percentage', { pct: n.kostenVanBestaanPercentage })}</TableCell>
            <TableCell>
              <ul className="kp-plain-list">
                <li>{t('kwsnorm.buffer.alleenstaande', { bedrag: formatEuro(n.vermogensbufferAlleenstaandeCent) })}</li>
                <li>{t('kwsnorm.buffer.alleenstaande-ouder', { bedrag: formatEuro(n.vermogensbufferAlleenstaandeOuderCent) })}</li>
                <li>{t('kwsnorm.buffer.gehuwd', { bedrag: formatEuro(n.vermogensbufferGehuwdCent) })}</li>
              </ul>
            </TableCell>
            <TableCell><span className="kp-nowrap">{formatEuro(n.voertuigGrensCent)}</span></TableCell>
            <TableCell>{TOETSEN.filter((k) => n.toetsen[k] !== false).map((k) => t(`kwsnorm.toets.${k}`)).join(', ') || t('kwsnorm.geen-toetsen')}</TableCell>
            <TableCell>{t('kwsnorm.versie', { versie: n.versie, tijd: formatDateTime(n.vastgelegd) })}</TableCell>
            <TableCell>{n.vervangen
              ? <StatusBadge status="inactive">{t('kwsnorm.status.vervangen', { tijd: formatDateTime(n.vervangen) })}</StatusBadge>
              : <StatusBadge status="valid">{t('kwsnorm.status.geldend')}</StatusBadge>}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  )
}
