import { useState, type FormEvent } from 'react'
import { ROLLEN } from '../../../../src/platform/access/organisatie.js'
import { api, ValidationError, type ApiClient, type RegisterProduct } from '../../api/index.js'
import { Alert } from '../../components/Alert/index.js'
import { GeheimEenmalig } from '../../components/GeheimEenmalig/index.js'
import { Button } from '../../components/Button/index.js'
import { ButtonGroup } from '../../components/ButtonGroup/index.js'
import { Checkbox } from '../../components/Checkbox/index.js'
import { ErrorScreen, errorText } from '../../components/ErrorScreen/index.js'
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
import { formatDate } from '../../format/index.js'
import { useResource } from '../../hooks/index.js'
import { t, tOr } from '../../i18n/index.js'
import { useSessie } from '../../session/index.js'
import { isOin } from '../../validation/index.js'

type Veld = 'oin' | 'naam' | 'scopes' | 'rollen'
const VELDEN: readonly Veld[] = ['oin', 'naam', 'scopes', 'rollen']
const EXTRA_SCOPES = ['inzage', 'beheer']

/** API clients (beheerder): list, create (the secret is shown once) and revoke. */
export function ApiClientsPage() {
  const clients = useResource(() => api<{ clients: ApiClient[] }>('GET', '/api/v1/clients'))
  const register = useResource(() => api<{ producten: RegisterProduct[] }>('GET', '/api/v1/gegevensregister'))
  const [melding, setMelding] = useState<string>()
  const scopes = [...new Set([...(register.status === 'klaar' ? register.data.producten.map((p) => p.naam).sort() : []), ...EXTRA_SCOPES])]
  return (
    <>
      <PageTitle>{t('clients.titel')}</PageTitle>
      <Paragraph lead>{t('clients.intro')}</Paragraph>
      {melding && <Alert type="ok">{melding}</Alert>}
      <section aria-labelledby="clients-lijst" className="kp-section">
        <Heading level={2} id="clients-lijst">{t('clients.lijst')}</Heading>
        {clients.status === 'laden' && <Loading />}
        {clients.status === 'fout' && <ErrorScreen error={clients.error} />}
        {clients.status === 'klaar' && <ClientTabel clients={clients.data.clients} onIngetrokken={(naam) => { setMelding(t('clients.intrekken.klaar', { naam })); clients.reload() }} />}
      </section>
      <section aria-labelledby="clients-nieuw" className="kp-section">
        <Heading level={2} id="clients-nieuw">{t('clients.nieuw')}</Heading>
        <NieuweClient scopes={scopes} onAangemaakt={() => { setMelding(undefined); clients.reload() }} />
      </section>
    </>
  )
}

function ClientTabel({ clients, onIngetrokken }: { readonly clients: readonly ApiClient[]; readonly onIngetrokken: (naam: string) => void }) {
  const [bevestig, setBevestig] = useState<string>()
  const [fout, setFout] = useState<string>()
  if (clients.length === 0) return <Paragraph>{t('clients.leeg')}</Paragraph>
  const intrekken = async (c: ApiClient) => {
    try {
      await api('POST', `/api/v1/clients/${encodeURIComponent(c.clientId)}/intrekken`, {})
      setBevestig(undefined)
      onIngetrokken(c.naam)
    } catch (e) {
      setFout(errorText(e))
    }
  }
  return (
    <>
      {fout && <Alert type="error">{fout}</Alert>}
      <Table label={t('clients.lijst')}>
        <TableHeader><TableRow>
          {(['naam', 'client-id', 'oin', 'scopes', 'rollen', 'aangemaakt', 'status', 'acties'] as const).map((k) => <TableHeaderCell key={k}>{t(`clients.kolom.${k}`)}</TableHeaderCell>)}
        </TableRow></TableHeader>
        <TableBody>
          {clients.map((c) => (
            <TableRow key={c.clientId}>
              <TableCell>{c.naam}</TableCell>
              <TableCell><span className="kp-code">{c.clientId}</span></TableCell>
              <TableCell><span className="kp-code">{c.oin}</span></TableCell>
              <TableCell>{c.scopes.join(', ')}</TableCell>
              <TableCell>{c.rollen.map((r) => tOr(`rol.${r}`, r)).join(', ')}</TableCell>
              <TableCell>{formatDate(c.aangemaakt)}</TableCell>
              <TableCell>{c.ingetrokken
                ? <StatusBadge status="inactive">{t('clients.ingetrokken', { datum: formatDate(c.ingetrokken) })}</StatusBadge>
                : <StatusBadge status="valid">{t('clients.actief')}</StatusBadge>}</TableCell>
              <TableCell>{!c.ingetrokken && (bevestig === c.clientId
                ? <div role="group" aria-label={t('clients.intrekken.label', { naam: c.naam })}>
                    <p className="utrecht-paragraph">{t('clients.intrekken.vraag', { naam: c.naam })}</p>
                    <ButtonGroup>
                      <Button appearance="primary-action" hint="danger" onClick={() => void intrekken(c)} autoFocus>{t('clients.intrekken.bevestig')}</Button>
                      <Button appearance="secondary-action" onClick={() => setBevestig(undefined)}>{t('clients.intrekken.annuleer')}</Button>
                    </ButtonGroup>
                  </div>
                : <Button appearance="secondary-action" aria-label={t('clients.intrekken.label', { naam: c.naam })} onClick={() => setBevestig(c.clientId)}>{t('clients.intrekken')}</Button>)}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </>
  )
}

function validate(oin: string, naam: string, scopes: readonly string[], rollen: readonly string[]): FormErrors<Veld> {
  const fields: Partial<Record<Veld, string>> = {}
  if (!isOin(oin)) fields.oin = t('validatie.oin')
  if (!naam.trim()) fields.naam = t('validatie.verplicht', { veld: t('clients.veld.naam').toLowerCase() })
  if (scopes.length === 0) fields.scopes = t('validatie.scopes')
  void rollen
  return { fields, other: [] }
}

function NieuweClient({ scopes, onAangemaakt }: { readonly scopes: readonly string[]; readonly onAangemaakt: () => void }) {
  const sessie = useSessie()
  const [oin, setOin] = useState(sessie.organisatie.oin)
  const [naam, setNaam] = useState('')
  const [gekozenScopes, setScopes] = useState<string[]>([])
  const [rollen, setRollen] = useState<string[]>([])
  const [errors, setErrors] = useState<FormErrors<Veld>>(noErrors())
  const [attempt, setAttempt] = useState(0)
  const [bezig, setBezig] = useState(false)
  const [nieuw, setNieuw] = useState<{ naam: string; clientId: string; clientSecret: string }>()
  const toggle = (list: string[], set: (l: string[]) => void, v: string) => set(list.includes(v) ? list.filter((x) => x !== v) : [...list, v])
  const labels: Record<Veld, string> = { oin: t('clients.veld.oin'), naam: t('clients.veld.naam'), scopes: t('clients.veld.scopes'), rollen: t('clients.veld.rollen') }

  async function submit(e: FormEvent) {
    e.preventDefault()
    setAttempt((a) => a + 1)
    const local = validate(oin, naam, gekozenScopes, rollen)
    setErrors(local)
    if (hasErrors(local)) return
    setBezig(true)
    try {
      const res = await api<{ clientId: string; clientSecret: string }>('POST', '/api/v1/clients', { oin, naam: naam.trim(), scopes: gekozenScopes, rollen })
      setNieuw({ naam: naam.trim(), ...res })
      setNaam(''); setScopes([]); setRollen([])
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
        <GeheimEenmalig titel={t('clients.aangemaakt.titel', { naam: nieuw.naam })} tekst={t('clients.aangemaakt.tekst')}
          kenmerk={[t('clients.aangemaakt.client-id'), nieuw.clientId]} geheim={[t('clients.aangemaakt.geheim'), nieuw.clientSecret]}
          sluitTekst={t('clients.aangemaakt.sluiten')} onSluiten={() => setNieuw(undefined)} />
      )}
      <form onSubmit={(e) => void submit(e)} noValidate className="kp-form">
        <ErrorSummary errors={errors} labels={labels} attempt={attempt} />
        <FormField id="oin" label={labels.oin} description={t('clients.veld.oin.hulp')} error={errors.fields.oin}>
          <Textbox id="oin" name="oin" inputMode="numeric" autoComplete="off" value={oin} onChange={(e) => setOin(e.target.value.trim())} invalid={!!errors.fields.oin}
            aria-describedby={describedBy('oin', { description: t('clients.veld.oin.hulp'), error: errors.fields.oin })} className="kp-textbox--oin" />
        </FormField>
        <FormField id="naam" label={labels.naam} description={t('clients.veld.naam.hulp')} error={errors.fields.naam}>
          <Textbox id="naam" name="naam" autoComplete="off" value={naam} onChange={(e) => setNaam(e.target.value)} invalid={!!errors.fields.naam}
            aria-describedby={describedBy('naam', { description: t('clients.veld.naam.hulp'), error: errors.fields.naam })} />
        </FormField>
        <Fieldset id="scopes" legend={labels.scopes} description={t('clients.veld.scopes.hulp')} error={errors.fields.scopes}>
          {scopes.map((s) => <Checkbox key={s} id={`scope-${s}`} label={s} checked={gekozenScopes.includes(s)} onChange={() => toggle(gekozenScopes, setScopes, s)} />)}
        </Fieldset>
        <Fieldset id="rollen" legend={labels.rollen} error={errors.fields.rollen}>
          {ROLLEN.map((r) => <Checkbox key={r} id={`rol-${r}`} label={tOr(`rol.${r}`, r)} checked={rollen.includes(r)} onChange={() => toggle(rollen, setRollen, r)} />)}
        </Fieldset>
        <Button appearance="primary-action" type="submit" busy={bezig} disabled={bezig}>{t('clients.aanmaken')}</Button>
      </form>
    </>
  )
}
