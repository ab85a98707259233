import { errorScreenFor, type ErrorScreenChoice } from '../../errors/index.js'
import { t } from '../../i18n/index.js'
import { useRouter } from '../../routing/index.js'
import { Link } from '../Link/index.js'
import { PageTitle } from '../PageTitle/index.js'
import { Paragraph } from '../Paragraph/index.js'

/** Renders the screen `errorScreenFor` chose: a title, an explanation and the way forward. */
export function ErrorScreen({ error, choice }: { readonly error?: unknown; readonly choice?: ErrorScreenChoice }) {
  const c = choice ?? errorScreenFor(error)
  const { path } = useRouter()
  return (
    <div className="kp-fout">
      <PageTitle>{t(c.titel)}</PageTitle>
      <Paragraph>{t(c.tekst, { code: c.code, detail: c.detail })}</Paragraph>
      <Paragraph>
        {c.kind === 'sessie-verlopen'
          ? <a className="utrecht-link" href={`/portaal/login?terug=${encodeURIComponent(path)}`}>{t('inloggen.opnieuw')}</a>
          : <Link href="/">{t('fout.naar-start')}</Link>}
      </Paragraph>
    </div>
  )
}

/** The same choice as a short alert text, for errors that happen inside a form that should stay on screen. */
export function errorText(error: unknown): string {
  const c = errorScreenFor(error)
  return `${t(c.titel)}. ${t(c.tekst, { code: c.code, detail: c.detail })}`
}
