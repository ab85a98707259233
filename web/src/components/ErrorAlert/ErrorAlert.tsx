import { errorScreenFor } from '../../errors/index.js'
import { t } from '../../i18n/index.js'
import { Alert } from '../Alert/index.js'
import { Heading } from '../Heading/index.js'
import { Paragraph } from '../Paragraph/index.js'

/**
 * The error screen's choice as an alert inside a page (a section that failed to load, a form that could not be
 * sent), so the rest of the page stays usable. "Nog niet beschikbaar" is information, not an error.
 */
export function ErrorAlert({ error, level = 2 }: { readonly error: unknown; readonly level?: 2 | 3 }) {
  const c = errorScreenFor(error)
  return (
    <Alert type={c.kind === 'niet-beschikbaar' ? 'info' : 'error'} role={c.kind === 'niet-beschikbaar' ? 'status' : 'alert'}>
      <Heading level={level}>{t(c.titel)}</Heading>
      <Paragraph>{t(c.tekst, { code: c.code, detail: c.detail })}</Paragraph>
    </Alert>
  )
}
