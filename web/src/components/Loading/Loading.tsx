import { t } from '../../i18n/index.js'

/** A polite status message while data loads. */
export function Loading() {
  return <p className="utrecht-paragraph" role="status">{t('app.laden')}</p>
}
