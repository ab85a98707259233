import { useState, type FormEvent } from 'react'
import { api, ValidationError, type InzageRegel } from '../../api/index.js'
import { Button } from '../../components/Button/index.js'
import { errorText } from '../../components/ErrorScreen/index.js'
import { ErrorSummary } from '../../components/ErrorSummary/index.js'
import { FormField, describedBy } from '../../components/FormField/index.js'
import { Heading } from '../../components/Heading/index.js'
import { PageTitle } from '../../components/PageTitle/index.js'
import { Paragraph } from '../../components/Paragraph/index.js'
import { StatusBadge } from '../../components/StatusBadge/index.js'
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '../../components/Table/index.js'
import { Textbox } from '../../components/Textbox/index.js'
import { formErrorsFrom, noErrors, type FormErrors } from '../../forms/index.js'
import { formatDateTime } from '../../format/index.js'
import { t, tOr } from '../../i18n/index.js'
import { useSessie } from '../../session/index.js'
import { bsnFout } from '../../validation/index.js'

/**
 * Logboek-inzage (privacy officer): every processing of one BSN, printable as a report. The BSN only ever travels
 * in a POST body: the form is handled in script, never submitted as GET, and nothing goes into the URL or history.
 */
export function LogboekInzagePage() {
  const sessie = useSessie()
  const [bsn, setBsn] = useState('')
  const [errors, setErrors] = useState<FormErrors<'bsn'>>(noErrors())
  const [attempt, setAttempt] = useState(0)
  const [bezig, setBezig] = useState(false)
  const [resultaat, setResultaat] = useState<{ bsn: string; regels: InzageRegel[]; opgevraagd: string }>()

  async function zoek(e: FormEvent) {
    e.preventDefault()
    setAttempt((a) => a + 1)
    const fout = bsnFout(bsn)
    if (fout) { setErrors({ fields: { bsn: t(fout) }, other: [] }); return }
    setErrors(noErrors())
    setBezig(true)
    try {
      const res = await api<{ regels: InzageRegel[] }>('POST', '/api/v1/inzage/_zoek', { bsn })
      setResultaat({ bsn, regels: res.regels, opgevraagd: new Date().toISOString() })
    } catch (err) {
      setErrors(err instanceof ValidationError ? formErrorsFrom(err, ['bsn']) : { fields: {}, other: [errorText(err)] })
    } finally {
      setBezig(false)
    }
  }

  return (
    <>
      <PageTitle>{t('inzage.titel')}</PageTitle>
      <Paragraph lead className="kp-print-hide">{t('inzage.intro')}</Paragraph>
      <form onSubmit={(e) => void zoek(e)} noValidate autoComplete="off" className="kp-form kp-print-hide" method="post">
        <ErrorSummary errors={errors} labels={{ bsn: t('inzage.veld.bsn') }} attempt={attempt} />
        <FormField id="bsn" label={t('inzage.veld.bsn')} description={t('inzage.veld.bsn.hulp')} error={errors.fields.bsn}>
          <Textbox id="bsn" name="bsn" inputMode="numeric" autoComplete="off" maxLength={9} value={bsn} invalid={!!errors.fields.bsn}
            onChange={(e) => setBsn(e.target.value.replace(/\s/g, ''))} className="kp-textbox--bsn"
            aria-describedby={describedBy('bsn', { description: t('inzage.veld.bsn.hulp'), error: errors.fields.bsn })} />
        </FormField>
        <Button appearance="primary-action" type="submit" busy={bezig} disabled={bezig}>{t('inzage.zoeken')}</Button>
      </form>
      {resultaat && (
        <section aria-labelledby="inzage-resultaat" className="kp-section kp-rapport" aria-live="polite">
          <Heading level={2} id="inzage-resultaat">{t('inzage.resultaat', { bsn: resultaat.bsn })}</Heading>
          <Paragraph>{t('inzage.rapport', { datum: formatDateTime(resultaat.opgevraagd), naam: sessie.gebruiker.naam, organisatie: sessie.organisatie.naam })}</Paragraph>
          <Paragraph>{resultaat.regels.length === 0 ? t('inzage.leeg') : resultaat.regels.length === 1 ? t('inzage.aantal.een') : t('inzage.aantal', { aantal: resultaat.regels.length })}</Paragraph>
          {resultaat.regels.length > 0 && <InzageTabel regels={resultaat.regels} />}
          <div className="kp-print-hide">
            <Button appearance="secondary-action" onClick={() => window.print()}>{t('inzage.afdrukken')}</Button>
            <Paragraph className="kp-hint">{t('inzage.afdrukken.hulp')}</Paragraph>
          </div>
        </section>
      )}
    </>
  )
}

function InzageTabel({ regels }: { readonly regels: readonly InzageRegel[] }) {
  return (
    <Table label={t('inzage.tabel')}>
      <TableHeader><TableRow>
        {(['nummer', 'gestart', 'activiteit', 'verwerkingsactiviteit', 'product', 'organisatie', 'status', 'trace'] as const).map((k) => <TableHeaderCell key={k}>{t(`kolom.${k}`)}</TableHeaderCell>)}
      </TableRow></TableHeader>
      <TableBody>
        {regels.map((r) => (
          <TableRow key={r.seq}>
            <TableCell>{r.seq}</TableCell>
            <TableCell>{formatDateTime(r.gestart)}</TableCell>
            <TableCell>{r.activiteit}</TableCell>
            <TableCell><span className="kp-code">{r.verwerkingsactiviteit}</span></TableCell>
            <TableCell>{r.product}</TableCell>
            <TableCell><span className="kp-code">{r.actorOin}</span></TableCell>
            <TableCell><StatusBadge status={r.status === 'ok' ? 'valid' : 'invalid'}>{tOr(`status.${r.status}`, r.status)}</StatusBadge></TableCell>
            <TableCell><span className="kp-code kp-trace">{r.traceId}</span></TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  )
}
