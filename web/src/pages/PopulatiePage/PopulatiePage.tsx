import { useState, type FormEvent } from 'react'
import { uploadCsv, ValidationError, type PopulatieResultaat } from '../../api/index.js'
import { Alert } from '../../components/Alert/index.js'
import { Button } from '../../components/Button/index.js'
import { DataList } from '../../components/DataList/index.js'
import { ErrorAlert } from '../../components/ErrorAlert/index.js'
import { ErrorSummary } from '../../components/ErrorSummary/index.js'
import { FileInput } from '../../components/FileInput/index.js'
import { FormField, describedBy } from '../../components/FormField/index.js'
import { Heading } from '../../components/Heading/index.js'
import { PageTitle } from '../../components/PageTitle/index.js'
import { Paragraph } from '../../components/Paragraph/index.js'
import { RadioGroup } from '../../components/RadioGroup/index.js'
import { RegelRapport } from '../../components/RegelRapport/index.js'
import { noErrors, type FormErrors } from '../../forms/index.js'
import { t, tOr } from '../../i18n/index.js'
import { useSessie } from '../../session/index.js'

const PRODUCTEN = ['samenloop', 'oib', 'kot-doelgroepouders'] as const
type Veld = 'product' | 'bestand'

type Uitkomst =
  | { readonly soort: 'klaar'; readonly product: string; readonly bestand: string; readonly resultaat: PopulatieResultaat }
  | { readonly soort: 'afgekeurd'; readonly bestand: string; readonly fout: ValidationError }
  | { readonly soort: 'fout'; readonly error: unknown }

/**
 * Populatie uploaden: the afnemersindicaties of one product as CSV (`PUT /api/v1/populaties/{product}`). The file
 * replaces the product's population; a file with bad lines is refused whole and its lines are listed.
 */
export function PopulatiePage() {
  const sessie = useSessie()
  const producten = PRODUCTEN.filter((p) => sessie.producten.includes(p))
  const [product, setProduct] = useState<string>(producten.length === 1 ? producten[0]! : '')
  const [bestand, setBestand] = useState<File>()
  const [errors, setErrors] = useState<FormErrors<Veld>>(noErrors())
  const [attempt, setAttempt] = useState(0)
  const [bezig, setBezig] = useState(false)
  const [uitkomst, setUitkomst] = useState<Uitkomst>()
  const labels: Record<Veld, string> = { product: t('populatie.veld.product'), bestand: t('populatie.veld.bestand') }

  async function verstuur(e: FormEvent) {
    e.preventDefault()
    setAttempt((a) => a + 1)
    const fields: Partial<Record<Veld, string>> = {}
    if (!product) fields.product = t('validatie.kies', { veld: labels.product.toLowerCase() })
    if (!bestand) fields.bestand = t('validatie.bestand')
    setErrors({ fields, other: [] })
    if (!product || !bestand) return
    setBezig(true)
    setUitkomst(undefined)
    try {
      const resultaat = await uploadCsv<PopulatieResultaat>('PUT', `/api/v1/populaties/${encodeURIComponent(product)}`, bestand)
      setUitkomst({ soort: 'klaar', product, bestand: bestand.name, resultaat })
    } catch (err) {
      setUitkomst(err instanceof ValidationError ? { soort: 'afgekeurd', bestand: bestand.name, fout: err } : { soort: 'fout', error: err })
    } finally {
      setBezig(false)
    }
  }

  return (
    <>
      <PageTitle>{t('populatie.titel')}</PageTitle>
      <Paragraph lead>{t('populatie.intro')}</Paragraph>
      <Paragraph>{t('populatie.formaat')} <code className="kp-code">bsn;ingangsdatum;einddatum;referentie</code></Paragraph>
      <form onSubmit={(e) => void verstuur(e)} noValidate className="kp-form">
        <ErrorSummary errors={errors} labels={labels} attempt={attempt} />
        <RadioGroup id="product" name="product" legend={labels.product} value={product} onChange={setProduct} error={errors.fields.product}
          options={producten.map((p) => ({ value: p, label: tOr(`product.${p}`, p) }))} />
        <FormField id="bestand" label={labels.bestand} description={t('populatie.veld.bestand.hulp')} error={errors.fields.bestand}>
          <FileInput id="bestand" name="bestand" accept=".csv,text/csv" onFile={setBestand} invalid={!!errors.fields.bestand}
            aria-describedby={describedBy('bestand', { description: t('populatie.veld.bestand.hulp'), error: errors.fields.bestand })} />
        </FormField>
        <Button appearance="primary-action" type="submit" busy={bezig} disabled={bezig}>{t('populatie.versturen')}</Button>
      </form>
      <div aria-live="polite">
        {bezig && <Paragraph role="status">{t('upload.bezig')}</Paragraph>}
        {uitkomst?.soort === 'klaar' && (
          <Alert type="ok">
            <Heading level={2}>{t('populatie.klaar', { product: tOr(`product.${uitkomst.product}`, uitkomst.product) })}</Heading>
            <DataList items={[
              [t('populatie.bestand'), uitkomst.bestand],
              [t('populatie.aantal'), String(uitkomst.resultaat.aantal)],
              [t('populatie.toegevoegd'), String(uitkomst.resultaat.toegevoegd)],
              [t('populatie.gewijzigd'), String(uitkomst.resultaat.gewijzigd)],
              [t('populatie.beeindigd'), String(uitkomst.resultaat.beeindigd)],
            ]} />
          </Alert>
        )}
        {uitkomst?.soort === 'afgekeurd' && (
          <section aria-labelledby="populatie-rapport" className="kp-section">
            <Alert type="error">
              <Heading level={2} id="populatie-rapport">{t('populatie.afgekeurd', { bestand: uitkomst.bestand })}</Heading>
              <Paragraph>{uitkomst.fout.invalidParams.length === 1 ? t('populatie.afgekeurd.tekst.een') : t('populatie.afgekeurd.tekst', { aantal: uitkomst.fout.invalidParams.length })}</Paragraph>
            </Alert>
            <RegelRapport label={t('populatie.rapport')}
              fouten={uitkomst.fout.invalidParams.map((p) => ({ regel: p.name.replace(/^regel\s*/i, ''), code: p.code, reden: p.reason }))} />
          </section>
        )}
        {uitkomst?.soort === 'fout' && <ErrorAlert error={uitkomst.error} />}
      </div>
    </>
  )
}
