import { useState } from 'react'
import type { LoonheffingAntwoord, NettoAntwoord, ValidationError } from '../../api/index.js'
import { Alert } from '../../components/Alert/index.js'
import { Button } from '../../components/Button/index.js'
import { DataList } from '../../components/DataList/index.js'
import { ErrorSummary } from '../../components/ErrorSummary/index.js'
import { Fieldset } from '../../components/Fieldset/index.js'
import { FormField, describedBy } from '../../components/FormField/index.js'
import { Heading } from '../../components/Heading/index.js'
import { PageTitle } from '../../components/PageTitle/index.js'
import { Paragraph } from '../../components/Paragraph/index.js'
import { RadioGroup } from '../../components/RadioGroup/index.js'
import { Rekenstappen } from '../../components/Rekenstappen/index.js'
import { Select } from '../../components/Select/index.js'
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '../../components/Table/index.js'
import { Textbox } from '../../components/Textbox/index.js'
import { hasErrors, type FormErrors } from '../../forms/index.js'
import { useBerekening } from '../../hooks/index.js'
import { formatEuro, parseEuro } from '../../format/index.js'
import { t } from '../../i18n/index.js'

const SOORTEN = ['loon', 'ww', 'zw', 'wia', 'wajong', 'overig'] as const
const GROEPEN = ['jonger-dan-aow', 'aow-geboren-1946-of-later', 'aow-geboren-voor-1946'] as const
const JA_NEE = [{ value: 'ja', label: t('algemeen.ja') }, { value: 'nee', label: t('algemeen.nee') }]
const MAX_REGELS = 20

/** The fields of one income relation, named as the API names them (so `invalidParams` land on the right field). */
const REGEL_BEDRAGEN = ['brutoloonCent', 'loonheffingCent', 'vakantiebijslagReserveringCent', 'werknemersinhoudingenCent'] as const
type RegelBedrag = (typeof REGEL_BEDRAGEN)[number]
const REGEL_VELDEN = ['soortInkomen', ...REGEL_BEDRAGEN, 'loonheffingskorting', 'leeftijdsgroep'] as const
type RegelVeld = (typeof REGEL_VELDEN)[number]

interface Regel {
  readonly sleutel: number
  readonly soortInkomen: string
  readonly bedragen: Partial<Record<RegelBedrag, string>>
  readonly loonheffingskorting: string
  readonly leeftijdsgroep: string
}

const vandaag = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Amsterdam' })
const ditMaand = () => vandaag().slice(0, 7)
const veldId = (i: number, v: RegelVeld) => `ikv-${i}-${v}`
let volgnummer = 0
const nieuweRegel = (): Regel => ({ sleutel: ++volgnummer, soortInkomen: 'loon', bedragen: {}, loonheffingskorting: 'ja', leeftijdsgroep: 'jonger-dan-aow' })

/**
 * Calculators for the netto indicatief inkomen (the documented method on polis-like lines, `POST
 * /api/v1/netto-inkomen/_bereken`) and the loonheffing of the white monthly table (`POST /api/v1/loonheffing/_bereken`),
 * each with every step in plain Dutch. No BSN; nothing is stored by the hub, nothing is kept here.
 */
export function NettoInkomenPage() {
  return (
    <>
      <PageTitle>{t('netto.titel')}</PageTitle>
      <Paragraph lead>{t('netto.intro')}</Paragraph>
      <NettoFormulier />
      <LoonheffingFormulier />
    </>
  )
}

/** The refusal for a date without a table: not a typing error, so it is explained above the form. */
function Weigering({ reden }: { readonly reden: string }) {
  return (
    <Alert type="warning" role="alert">
      <Heading level={3}>{t('netto.weigering.titel')}</Heading>
      <Paragraph>{t('netto.weigering.tekst')}</Paragraph>
      <Paragraph><q>{reden}</q></Paragraph>
    </Alert>
  )
}

function NettoFormulier() {
  const [periode, setPeriode] = useState(ditMaand)
  const [regels, setRegels] = useState<Regel[]>(() => [nieuweRegel()])
  const [controle, setControle] = useState('nee')
  const { errors, attempt, bezig, weigering, antwoord, resultaat, bereken } = useBerekening<NettoAntwoord, string>({
    url: '/api/v1/netto-inkomen/_bereken',
    weigering: { veld: 'periode', tekst: t('netto.weigering.veld') },
    foutenVanHub: (err) => foutenVanHub(err),
  })

  const veldLabel = (v: RegelVeld) => t(`netto.veld.${v}`)
  const labels: Record<string, string> = { periode: t('netto.veld.periode'), controleerLoonheffing: t('netto.veld.controleerLoonheffing') }
  regels.forEach((_, i) => { for (const v of REGEL_VELDEN) labels[veldId(i, v)] = `${t('netto.regel', { nummer: i + 1 })}: ${veldLabel(v).toLowerCase()}` })
  const wijzig = (i: number, w: Partial<Regel>) => setRegels((rs) => rs.map((r, j) => (j === i ? { ...r, ...w } : r)))

  function lokaal(): { fouten: FormErrors<string>; invoer?: Record<string, unknown> } {
    const fields: Record<string, string> = {}
    if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(periode)) fields.periode = t('validatie.maand')
    const lijst = regels.map((r, i) => {
      const uit: Record<string, unknown> = { soortInkomen: r.soortInkomen, loonheffingskorting: r.loonheffingskorting === 'ja', leeftijdsgroep: r.leeftijdsgroep }
      for (const b of REGEL_BEDRAGEN) {
        const tekst = (r.bedragen[b] ?? '').trim()
        if (tekst === '') { if (b === 'brutoloonCent') fields[veldId(i, b)] = t('validatie.verplicht', { veld: veldLabel(b).toLowerCase() }); continue }
        const cent = parseEuro(tekst)
        if (cent === undefined) fields[veldId(i, b)] = t('validatie.bedrag')
        else uit[b] = cent
      }
      return uit
    })
    const fouten = { fields, other: [] }
    return hasErrors(fouten) ? { fouten } : { fouten, invoer: { periode, controleerLoonheffing: controle === 'ja', inkomstenverhoudingen: lijst } }
  }

  /** `inkomstenverhoudingen[1].brutoloonCent` → the field of line 2; `periode` → periode; the rest to the summary. */
  function foutenVanHub(err: ValidationError): FormErrors<string> {
    const fields: Record<string, string> = {}
    const other: string[] = []
    for (const p of err.invalidParams) {
      const m = /^inkomstenverhoudingen\[(\d+)\]\.(\w+)$/.exec(p.name)
      const veld = m && (REGEL_VELDEN as readonly string[]).includes(m[2]!) ? veldId(Number(m[1]), m[2] as RegelVeld) : p.name in labels ? p.name : undefined
      if (veld) fields[veld] = fields[veld] ? `${fields[veld]} ${p.reason}` : p.reason
      else other.push(`${p.name}: ${p.reason}`)
    }
    return { fields, other }
  }


  const bedragVeld = (i: number, r: Regel, b: RegelBedrag) => {
    const id = veldId(i, b)
    const hulp = t(`netto.veld.${b}.hulp`)
    return (
      <FormField key={b} id={id} label={veldLabel(b)} description={hulp} error={errors.fields[id]}>
        <Textbox id={id} name={id} inputMode="decimal" autoComplete="off" value={r.bedragen[b] ?? ''} invalid={!!errors.fields[id]} className="kp-textbox--bedrag"
          onChange={(e) => wijzig(i, { bedragen: { ...r.bedragen, [b]: e.target.value } })} aria-describedby={describedBy(id, { description: hulp, error: errors.fields[id] })} />
      </FormField>
    )
  }

  const selectVeld = (i: number, v: 'soortInkomen' | 'leeftijdsgroep', waarde: string) => {
    const id = veldId(i, v)
    const opties = v === 'soortInkomen'
      ? SOORTEN.map((o) => ({ value: o as string, label: t(`netto.soortInkomen.${o}`) }))
      : GROEPEN.map((o) => ({ value: o as string, label: t(`netto.leeftijdsgroep.${o}`) }))
    return (
      <FormField id={id} label={veldLabel(v)} error={errors.fields[id]}>
        <Select id={id} name={id} value={waarde} invalid={!!errors.fields[id]} aria-describedby={describedBy(id, { error: errors.fields[id] })}
          onChange={(e) => wijzig(i, { [v]: e.target.value })} options={opties} />
      </FormField>
    )
  }

  return (
    <section aria-labelledby="netto-kop" className="kp-section">
      <Heading level={2} id="netto-kop">{t('netto.formulier.titel')}</Heading>
      <Paragraph>{t('netto.formulier.intro')}</Paragraph>
      {weigering !== undefined && <Weigering reden={weigering} />}
      <form onSubmit={(e) => void bereken(e, lokaal)} noValidate autoComplete="off" className="kp-form" aria-labelledby="netto-kop">
        <ErrorSummary errors={errors} labels={labels} attempt={attempt} />
        <FormField id="periode" label={labels.periode!} description={t('netto.veld.periode.hulp')} error={errors.fields.periode}>
          <Textbox id="periode" name="periode" value={periode} onChange={(e) => setPeriode(e.target.value)} invalid={!!errors.fields.periode} inputMode="numeric"
            aria-describedby={describedBy('periode', { description: t('netto.veld.periode.hulp'), error: errors.fields.periode })} className="kp-textbox--datum" />
        </FormField>
        {regels.map((r, i) => (
          <Fieldset key={r.sleutel} id={`ikv-${i}`} legend={t('netto.regel', { nummer: i + 1 })}>
            {selectVeld(i, 'soortInkomen', r.soortInkomen)}
            {REGEL_BEDRAGEN.map((b) => bedragVeld(i, r, b))}
            <RadioGroup id={veldId(i, 'loonheffingskorting')} name={veldId(i, 'loonheffingskorting')} legend={veldLabel('loonheffingskorting')}
              description={t('netto.veld.loonheffingskorting.hulp')} value={r.loonheffingskorting} onChange={(v) => wijzig(i, { loonheffingskorting: v })}
              error={errors.fields[veldId(i, 'loonheffingskorting')]} options={JA_NEE} />
            {selectVeld(i, 'leeftijdsgroep', r.leeftijdsgroep)}
            {regels.length > 1 && (
              <Button appearance="subtle" onClick={() => setRegels((rs) => rs.filter((_, j) => j !== i))}>{t('netto.regel.verwijderen', { nummer: i + 1 })}</Button>
            )}
          </Fieldset>
        ))}
        {regels.length < MAX_REGELS && (
          <Button appearance="secondary-action" onClick={() => setRegels((rs) => [...rs, nieuweRegel()])}>{t('netto.regel.toevoegen')}</Button>
        )}
        <RadioGroup id="controleerLoonheffing" name="controleerLoonheffing" legend={labels.controleerLoonheffing!} description={t('netto.veld.controleerLoonheffing.hulp')}
          value={controle} onChange={setControle} options={JA_NEE} />
        <Button appearance="primary-action" type="submit" busy={bezig} disabled={bezig}>{t('netto.berekenen')}</Button>
      </form>
      {antwoord && (
        <section aria-labelledby="netto-resultaat" className="kp-section">
          <Heading level={2} id="netto-resultaat" ref={resultaat} tabIndex={-1}>{t('netto.resultaat', { bedrag: formatEuro(antwoord.nettoIndicatiefInkomenCent), periode: antwoord.periode })}</Heading>
          {antwoord.loonheffingGeschat && <Alert type="info"><Paragraph>{t('netto.geschat')}</Paragraph></Alert>}
          {!antwoord.alleParametersGeverifieerd && <Alert type="warning"><Paragraph>{t('netto.niet-geverifieerd')}</Paragraph></Alert>}
          <Table label={t('netto.tabel.label')} caption={t('netto.tabel.caption')}>
            <TableHeader><TableRow>
              {(['regel', 'soort', 'bruto', 'loonheffing', 'netto'] as const).map((k) => <TableHeaderCell key={k}>{t(`netto.tabel.${k}`)}</TableHeaderCell>)}
            </TableRow></TableHeader>
            <TableBody>
              {antwoord.inkomstenverhoudingen.map((r) => (
                <TableRow key={r.regel}>
                  <TableCell>{r.regel}</TableCell>
                  <TableCell>{t(`netto.soortInkomen.${r.soortInkomen as (typeof SOORTEN)[number]}`)}</TableCell>
                  <TableCell>{formatEuro(r.brutoloonCent)}</TableCell>
                  <TableCell>{formatEuro(r.loonheffingCent)} ({t(`netto.bron.${r.loonheffingBron}`)})</TableCell>
                  <TableCell>{formatEuro(r.nettoIndicatiefInkomenCent)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          <Paragraph>{t('netto.stappen.intro', { aantal: antwoord.berekening.length })}</Paragraph>
          <Rekenstappen stappen={antwoord.berekening} idPrefix="netto-stap" />
        </section>
      )}
    </section>
  )
}

type LhVeld = 'peildatum' | 'loonPerMaandCent' | 'loonheffingskorting' | 'leeftijdsgroep' | 'alleenstaandeOuderenkorting'
const LH_VELDEN: readonly LhVeld[] = ['peildatum', 'loonPerMaandCent', 'loonheffingskorting', 'leeftijdsgroep', 'alleenstaandeOuderenkorting']

function LoonheffingFormulier() {
  const [peildatum, setPeildatum] = useState(vandaag)
  const [loon, setLoon] = useState('')
  const [korting, setKorting] = useState('ja')
  const [groep, setGroep] = useState<string>('jonger-dan-aow')
  const [aok, setAok] = useState('nee')
  const id = (v: LhVeld) => `lh-${v}`
  const labels = Object.fromEntries(LH_VELDEN.map((v) => [id(v), t(`lh.veld.${v}`)])) as Record<string, string>
  const aow = groep !== 'jonger-dan-aow'
  const { errors, attempt, bezig, weigering, antwoord, resultaat, bereken } = useBerekening<LoonheffingAntwoord, string>({
    url: '/api/v1/loonheffing/_bereken',
    weigering: { veld: id('peildatum'), tekst: t('netto.weigering.veld') },
    foutenVanHub(err) {
      const fields: Record<string, string> = {}
      const other: string[] = []
      for (const p of err.invalidParams) {
        if ((LH_VELDEN as readonly string[]).includes(p.name)) fields[id(p.name as LhVeld)] = p.reason
        else other.push(`${p.name}: ${p.reason}`)
      }
      return { fields, other }
    },
  })

  function lokaal(): { fouten: FormErrors<string>; invoer?: Record<string, unknown> } {
    const fields: Record<string, string> = {}
    if (!/^\d{4}-\d{2}-\d{2}$/.test(peildatum)) fields[id('peildatum')] = t('validatie.datum')
    const cent = parseEuro(loon.trim())
    if (loon.trim() === '') fields[id('loonPerMaandCent')] = t('validatie.verplicht', { veld: labels[id('loonPerMaandCent')]!.toLowerCase() })
    else if (cent === undefined) fields[id('loonPerMaandCent')] = t('validatie.bedrag')
    const fouten = { fields, other: [] }
    return hasErrors(fouten) ? { fouten } : {
      fouten,
      invoer: { peildatum, loonPerMaandCent: cent, loonheffingskorting: korting === 'ja', leeftijdsgroep: groep, ...(aow ? { alleenstaandeOuderenkorting: aok === 'ja' } : {}) },
    }
  }


  return (
    <section aria-labelledby="lh-kop" className="kp-section">
      <Heading level={2} id="lh-kop">{t('lh.titel')}</Heading>
      <Paragraph>{t('lh.intro')}</Paragraph>
      {weigering !== undefined && <Weigering reden={weigering} />}
      <form onSubmit={(e) => void bereken(e, lokaal)} noValidate autoComplete="off" className="kp-form" aria-labelledby="lh-kop">
        <ErrorSummary errors={errors} labels={labels} attempt={attempt} />
        <FormField id={id('peildatum')} label={labels[id('peildatum')]!} description={t('lh.veld.peildatum.hulp')} error={errors.fields[id('peildatum')]}>
          <Textbox id={id('peildatum')} name="peildatum" type="date" value={peildatum} onChange={(e) => setPeildatum(e.target.value)} invalid={!!errors.fields[id('peildatum')]}
            aria-describedby={describedBy(id('peildatum'), { description: t('lh.veld.peildatum.hulp'), error: errors.fields[id('peildatum')] })} className="kp-textbox--datum" />
        </FormField>
        <FormField id={id('loonPerMaandCent')} label={labels[id('loonPerMaandCent')]!} description={t('lh.veld.loonPerMaandCent.hulp')} error={errors.fields[id('loonPerMaandCent')]}>
          <Textbox id={id('loonPerMaandCent')} name="loonPerMaandCent" inputMode="decimal" value={loon} onChange={(e) => setLoon(e.target.value)} invalid={!!errors.fields[id('loonPerMaandCent')]}
            aria-describedby={describedBy(id('loonPerMaandCent'), { description: t('lh.veld.loonPerMaandCent.hulp'), error: errors.fields[id('loonPerMaandCent')] })} className="kp-textbox--bedrag" />
        </FormField>
        <RadioGroup id={id('loonheffingskorting')} name="lh-loonheffingskorting" legend={labels[id('loonheffingskorting')]!} description={t('netto.veld.loonheffingskorting.hulp')}
          value={korting} onChange={setKorting} error={errors.fields[id('loonheffingskorting')]} options={JA_NEE} />
        <FormField id={id('leeftijdsgroep')} label={labels[id('leeftijdsgroep')]!} error={errors.fields[id('leeftijdsgroep')]}>
          <Select id={id('leeftijdsgroep')} name="leeftijdsgroep" value={groep} onChange={(e) => setGroep(e.target.value)} invalid={!!errors.fields[id('leeftijdsgroep')]}
            aria-describedby={describedBy(id('leeftijdsgroep'), { error: errors.fields[id('leeftijdsgroep')] })} options={GROEPEN.map((g) => ({ value: g, label: t(`netto.leeftijdsgroep.${g}`) }))} />
        </FormField>
        {aow && (
          <RadioGroup id={id('alleenstaandeOuderenkorting')} name="lh-alleenstaandeOuderenkorting" legend={labels[id('alleenstaandeOuderenkorting')]!}
            value={aok} onChange={setAok} error={errors.fields[id('alleenstaandeOuderenkorting')]} options={JA_NEE} />
        )}
        <Button appearance="primary-action" type="submit" busy={bezig} disabled={bezig}>{t('lh.berekenen')}</Button>
      </form>
      {antwoord && (
        <section aria-labelledby="lh-resultaat" className="kp-section">
          <Heading level={2} id="lh-resultaat" ref={resultaat} tabIndex={-1}>{t('lh.resultaat', { bedrag: formatEuro(antwoord.loonheffingCent) })}</Heading>
          {antwoord.nauwkeurigheid === 'benadering' && <Alert type="warning"><Paragraph>{t('lh.benadering')}</Paragraph></Alert>}
          {!antwoord.alleParametersGeverifieerd && <Alert type="warning"><Paragraph>{t('netto.niet-geverifieerd')}</Paragraph></Alert>}
          <DataList items={[
            [t('lh.uit.tabelloon'), formatEuro(antwoord.tabelloonCent)],
            [t('lh.uit.met'), formatEuro(antwoord.metLoonheffingskortingCent)],
            [t('lh.uit.zonder'), formatEuro(antwoord.zonderLoonheffingskortingCent)],
            [t('lh.uit.arbeidskorting'), formatEuro(antwoord.verrekendeArbeidskortingCent)],
          ]} />
          <Paragraph>{t('netto.stappen.intro', { aantal: antwoord.berekening.length })}</Paragraph>
          <Rekenstappen stappen={antwoord.berekening} idPrefix="lh-stap" />
        </section>
      )}
    </section>
  )
}
