import { useState, type FormEvent } from 'react'
import { api, ValidationError } from '../../api/index.js'
import { Button } from '../../components/Button/index.js'
import { DataList } from '../../components/DataList/index.js'
import { ErrorAlert } from '../../components/ErrorAlert/index.js'
import { ErrorSummary } from '../../components/ErrorSummary/index.js'
import { FeitenTabel } from '../../components/FeitenTabel/index.js'
import { FormField, describedBy } from '../../components/FormField/index.js'
import { Heading } from '../../components/Heading/index.js'
import { PageTitle } from '../../components/PageTitle/index.js'
import { Paragraph } from '../../components/Paragraph/index.js'
import { Textbox } from '../../components/Textbox/index.js'
import { formErrorsFrom, hasErrors, noErrors, type FormErrors } from '../../forms/index.js'
import { formatDag } from '../../format/index.js'
import { t } from '../../i18n/index.js'
import { bsnFout } from '../../validation/index.js'

type Veld = 'bsn' | 'aanvraagReferentie' | 'peildatum'
const VELDEN: readonly Veld[] = ['bsn', 'aanvraagReferentie', 'peildatum']
const vandaag = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Amsterdam' })

interface Indicatie { readonly ingangsdatum: string; readonly einddatum: string; readonly nieuw: boolean }
interface Antwoord { readonly feiten?: unknown; readonly indicatie?: Indicatie; readonly [k: string]: unknown }

/** The aanvraagindicatie the hub keeps for three months, so later facts still give a samenloop signal. */
const indicatieTekst = (i: Indicatie) =>
  t(i.nieuw ? 'vooraf.indicatie.nieuw' : 'vooraf.indicatie.bestaand', { van: formatDag(i.ingangsdatum), tot: formatDag(i.einddatum) })

/**
 * Vooraf-toets (samenloop): before deciding on a bijstand application, the current facts of every source about
 * the applicant. The BSN goes in the POST body only (`_zoek`), never in the address bar.
 */
export function VooraftoetsPage() {
  const [waarden, setWaarden] = useState<Record<Veld, string>>({ bsn: '', aanvraagReferentie: '', peildatum: vandaag() })
  const [errors, setErrors] = useState<FormErrors<Veld>>(noErrors())
  const [attempt, setAttempt] = useState(0)
  const [bezig, setBezig] = useState(false)
  const [fout, setFout] = useState<unknown>()
  const [antwoord, setAntwoord] = useState<{ vraag: Record<Veld, string>; antwoord: Antwoord }>()
  const labels = Object.fromEntries(VELDEN.map((v) => [v, t(`vooraf.veld.${v}`)])) as Record<Veld, string>
  const hulp: Record<Veld, string> = { bsn: t('inzage.veld.bsn.hulp'), aanvraagReferentie: t('vooraf.veld.aanvraagReferentie.hulp'), peildatum: t('vooraf.veld.peildatum.hulp') }

  async function zoek(e: FormEvent) {
    e.preventDefault()
    setAttempt((a) => a + 1)
    const fields: Partial<Record<Veld, string>> = {}
    const b = bsnFout(waarden.bsn)
    if (b) fields.bsn = t(b)
    if (!waarden.aanvraagReferentie.trim()) fields.aanvraagReferentie = t('validatie.verplicht', { veld: labels.aanvraagReferentie.toLowerCase() })
    if (!/^\d{4}-\d{2}-\d{2}$/.test(waarden.peildatum)) fields.peildatum = t('validatie.datum')
    const fouten = { fields, other: [] }
    setErrors(fouten)
    if (hasErrors(fouten)) return
    setBezig(true); setFout(undefined)
    try {
      const vraag = { ...waarden, aanvraagReferentie: waarden.aanvraagReferentie.trim() }
      setAntwoord({ vraag, antwoord: await api<Antwoord>('POST', '/api/v1/samenloop/vooraf-toets/_zoek', vraag) })
    } catch (err) {
      setAntwoord(undefined)
      if (err instanceof ValidationError) setErrors(formErrorsFrom(err, VELDEN))
      else setFout(err)
    } finally {
      setBezig(false)
    }
  }

  return (
    <>
      <PageTitle>{t('vooraf.titel')}</PageTitle>
      <Paragraph lead>{t('vooraf.intro')}</Paragraph>
      <form onSubmit={(e) => void zoek(e)} noValidate autoComplete="off" className="kp-form" method="post">
        <ErrorSummary errors={errors} labels={labels} attempt={attempt} />
        {VELDEN.map((v) => (
          <FormField key={v} id={v} label={labels[v]} description={hulp[v]} error={errors.fields[v]}>
            <Textbox id={v} name={v} autoComplete="off" value={waarden[v]} invalid={!!errors.fields[v]}
              {...(v === 'bsn' ? { inputMode: 'numeric' as const, maxLength: 9, className: 'kp-textbox--bsn' } : v === 'peildatum' ? { type: 'date', className: 'kp-textbox--datum' } : {})}
              onChange={(e) => setWaarden((w) => ({ ...w, [v]: v === 'bsn' ? e.target.value.replace(/\s/g, '') : e.target.value }))}
              aria-describedby={describedBy(v, { description: hulp[v], error: errors.fields[v] })} />
          </FormField>
        ))}
        <Button appearance="primary-action" type="submit" busy={bezig} disabled={bezig}>{t('vooraf.zoeken')}</Button>
      </form>
      {fout !== undefined && <ErrorAlert error={fout} />}
      {antwoord && (
        <section aria-labelledby="vooraf-resultaat" className="kp-section" aria-live="polite">
          <Heading level={2} id="vooraf-resultaat">{t('vooraf.resultaat', { bsn: antwoord.vraag.bsn })}</Heading>
          <DataList items={[
            [labels.aanvraagReferentie, antwoord.vraag.aanvraagReferentie],
            [labels.peildatum, formatDag(antwoord.vraag.peildatum)],
            ...(antwoord.antwoord.indicatie ? [[t('vooraf.indicatie'), indicatieTekst(antwoord.antwoord.indicatie)] as const] : []),
          ]} />
          <FeitenTabel feiten={antwoord.antwoord.feiten} />
        </section>
      )}
    </>
  )
}
