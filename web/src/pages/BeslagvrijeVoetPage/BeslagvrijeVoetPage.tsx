import { useState } from 'react'
import type { BvvAntwoord } from '../../api/index.js'
import { Alert } from '../../components/Alert/index.js'
import { Button } from '../../components/Button/index.js'
import { ErrorSummary } from '../../components/ErrorSummary/index.js'
import { FormField, describedBy } from '../../components/FormField/index.js'
import { Heading } from '../../components/Heading/index.js'
import { PageTitle } from '../../components/PageTitle/index.js'
import { Paragraph } from '../../components/Paragraph/index.js'
import { RadioGroup } from '../../components/RadioGroup/index.js'
import { Rekenstappen } from '../../components/Rekenstappen/index.js'
import { Textbox } from '../../components/Textbox/index.js'
import { formErrorsFrom, hasErrors, type FormErrors } from '../../forms/index.js'
import { useBerekening } from '../../hooks/index.js'
import { formatEuro, parseEuro } from '../../format/index.js'
import { t } from '../../i18n/index.js'

const LEEFSITUATIES = ['alleenstaande', 'alleenstaande-ouder', 'gehuwd-zonder-kinderen', 'gehuwd-met-kinderen'] as const
/** Amount fields, named as the API names them (so `invalidParams` land on the right field); typed in euros. */
const BEDRAGEN = ['inkomenPerMaandCent', 'belastbaarJaarinkomenCent', 'partnerBelastbaarJaarinkomenCent', 'woonkostenPerMaandCent',
  'woonkostenDoorEchtgenootTeDragenCent', 'partnerInkomenNietBeslagenCent', 'eigenInkomenNietBeslagenCent', 'leaseautoLoonheffingCent',
  'inrichtingVerzorgingsprijsPerMaandCent'] as const
type Bedrag = (typeof BEDRAGEN)[number]
const VERPLICHT: readonly Bedrag[] = ['inkomenPerMaandCent', 'belastbaarJaarinkomenCent']
/** Only for married people (art. 475da lid 2 and 5, 475db lid 1 a). */
const GEHUWD: readonly Bedrag[] = ['partnerBelastbaarJaarinkomenCent', 'woonkostenDoorEchtgenootTeDragenCent', 'partnerInkomenNietBeslagenCent']
type Veld = 'peildatum' | 'leefsituatie' | 'woonadresBekend' | 'bijstand' | Bedrag
const VELDEN: readonly Veld[] = ['peildatum', 'leefsituatie', 'woonadresBekend', 'bijstand', ...BEDRAGEN]

const vandaag = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Amsterdam' })
const JA_NEE = [{ value: 'ja', label: t('algemeen.ja') }, { value: 'nee', label: t('algemeen.nee') }]

/**
 * Beslagvrije voet calculator (Rv art. 475c–475i): the form of `POST /api/v1/beslagvrije-voet/berekeningen` in
 * euros, and the answer with every step in plain Dutch. Nothing is stored by the hub; nothing is kept here either.
 */
export function BeslagvrijeVoetPage() {
  const [peildatum, setPeildatum] = useState(vandaag)
  const [leefsituatie, setLeefsituatie] = useState('')
  const [woonadres, setWoonadres] = useState('')
  const [bijstand, setBijstand] = useState('')
  const [bedragen, setBedragen] = useState<Partial<Record<Bedrag, string>>>({})
  const { errors, attempt, bezig, weigering, antwoord, resultaat, bereken } = useBerekening<BvvAntwoord, Veld>({
    url: '/api/v1/beslagvrije-voet/berekeningen',
    weigering: { veld: 'peildatum', tekst: t('bvv.weigering.veld') },
    foutenVanHub: (err) => formErrorsFrom(err, VELDEN),
  })
  const gehuwd = leefsituatie.startsWith('gehuwd')
  const labels = Object.fromEntries(VELDEN.map((v) => [v, t(`bvv.veld.${v}`)])) as Record<Veld, string>

  function lokaal(): { fouten: FormErrors<Veld>; invoer?: Record<string, unknown> } {
    const fields: Partial<Record<Veld, string>> = {}
    if (!/^\d{4}-\d{2}-\d{2}$/.test(peildatum)) fields.peildatum = t('validatie.datum')
    if (!leefsituatie) fields.leefsituatie = t('validatie.kies', { veld: labels.leefsituatie.toLowerCase() })
    if (!woonadres) fields.woonadresBekend = t('validatie.kies-ja-nee')
    if (!bijstand) fields.bijstand = t('validatie.kies-ja-nee')
    const invoer: Record<string, unknown> = { peildatum, leefsituatie, woonadresBekend: woonadres === 'ja', bijstand: bijstand === 'ja' }
    for (const b of BEDRAGEN) {
      if (!gehuwd && GEHUWD.includes(b)) continue
      const tekst = (bedragen[b] ?? '').trim()
      if (tekst === '') { if (VERPLICHT.includes(b)) fields[b] = t('validatie.verplicht', { veld: labels[b].toLowerCase() }); continue }
      const cent = parseEuro(tekst)
      if (cent === undefined) fields[b] = t('validatie.bedrag')
      else invoer[b] = cent
    }
    const fouten = { fields, other: [] }
    return hasErrors(fouten) ? { fouten } : { fouten, invoer }
  }

  const bedragVeld = (b: Bedrag) => {
    const hulp = t(`bvv.veld.${b}.hulp`)
    return (
      <FormField key={b} id={b} label={labels[b]} description={hulp} error={errors.fields[b]}>
        <Textbox id={b} name={b} inputMode="decimal" autoComplete="off" value={bedragen[b] ?? ''} invalid={!!errors.fields[b]} className="kp-textbox--bedrag"
          onChange={(e) => setBedragen((s) => ({ ...s, [b]: e.target.value }))} aria-describedby={describedBy(b, { description: hulp, error: errors.fields[b] })} />
      </FormField>
    )
  }

  return (
    <>
      <PageTitle>{t('bvv.titel')}</PageTitle>
      <Paragraph lead>{t('bvv.intro')}</Paragraph>
      {/* Above the form, beside the error summary that gets focus: the refusal is about the date, not a typo. */}
      {weigering !== undefined && (
        <Alert type="warning" role="alert">
          <Heading level={2}>{t('bvv.weigering.titel')}</Heading>
          <Paragraph>{t('bvv.weigering.tekst')}</Paragraph>
          <Paragraph><q>{weigering}</q></Paragraph>
        </Alert>
      )}
      <form onSubmit={(e) => void bereken(e, lokaal)} noValidate autoComplete="off" className="kp-form">
        <ErrorSummary errors={errors} labels={labels} attempt={attempt} />
        <FormField id="peildatum" label={labels.peildatum} description={t('bvv.veld.peildatum.hulp')} error={errors.fields.peildatum}>
          <Textbox id="peildatum" name="peildatum" type="date" value={peildatum} onChange={(e) => setPeildatum(e.target.value)} invalid={!!errors.fields.peildatum}
            aria-describedby={describedBy('peildatum', { description: t('bvv.veld.peildatum.hulp'), error: errors.fields.peildatum })} className="kp-textbox--datum" />
        </FormField>
        <RadioGroup id="leefsituatie" name="leefsituatie" legend={labels.leefsituatie} value={leefsituatie} onChange={setLeefsituatie} error={errors.fields.leefsituatie}
          options={LEEFSITUATIES.map((l) => ({ value: l, label: t(`leefsituatie.${l}`) }))} />
        <RadioGroup id="woonadresBekend" name="woonadresBekend" legend={labels.woonadresBekend} description={t('bvv.veld.woonadresBekend.hulp')}
          value={woonadres} onChange={setWoonadres} error={errors.fields.woonadresBekend} options={JA_NEE} />
        <RadioGroup id="bijstand" name="bijstand" legend={labels.bijstand} description={t('bvv.veld.bijstand.hulp')}
          value={bijstand} onChange={setBijstand} error={errors.fields.bijstand} options={JA_NEE} />
        {BEDRAGEN.filter((b) => gehuwd || !GEHUWD.includes(b)).map(bedragVeld)}
        <Button appearance="primary-action" type="submit" busy={bezig} disabled={bezig}>{t('bvv.berekenen')}</Button>
      </form>
      {antwoord && (
        <section aria-labelledby="bvv-resultaat" className="kp-section">
          <Heading level={2} id="bvv-resultaat" ref={resultaat} tabIndex={-1}>{t('bvv.resultaat', { bedrag: formatEuro(antwoord.beslagvrijeVoetCent) })}</Heading>
          {!antwoord.alleParametersGeverifieerd && (
            <Alert type="warning"><Paragraph>{t('bvv.niet-geverifieerd')}</Paragraph></Alert>
          )}
          <Paragraph>{t('bvv.stappen.intro', { aantal: antwoord.berekening.length })}</Paragraph>
          <Rekenstappen stappen={antwoord.berekening} idPrefix="bvv-stap" />
        </section>
      )}
    </>
  )
}
