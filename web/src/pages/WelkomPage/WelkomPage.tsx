import { Alert } from '../../components/Alert/index.js'
import { Link } from '../../components/Link/index.js'
import { PageTitle } from '../../components/PageTitle/index.js'
import { Paragraph } from '../../components/Paragraph/index.js'
import { isMessageKey, t } from '../../i18n/index.js'
import { useRouter } from '../../routing/index.js'

/** The screen for a visitor without a session: what the portal is, a login button, and why they are here. */
export function WelkomPage({ melding }: { readonly melding: string | undefined }) {
  const { path } = useRouter()
  const key = `melding.${melding ?? ''}`
  const terug = path === '/' ? '' : `?terug=${encodeURIComponent(path)}`
  return (
    <>
      <PageTitle>{t('welkom.titel')}</PageTitle>
      {melding && isMessageKey(key) && (
        <Alert type={melding === 'uitgelogd' ? 'ok' : 'warning'}><Paragraph>{t(key)}</Paragraph></Alert>
      )}
      <Paragraph lead>{t('welkom.tekst')}</Paragraph>
      <p className="kp-form__acties">
        <a className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action" href={`/portaal/login${terug}`}>{t('welkom.inloggen')}</a>
      </p>
      <Paragraph><Link href="/gegevensregister">{t('welkom.register')}</Link></Paragraph>
    </>
  )
}
