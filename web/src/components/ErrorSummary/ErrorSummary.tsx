import { useEffect, useRef } from 'react'
import type { FormErrors } from '../../forms/index.js'
import { t } from '../../i18n/index.js'
import { Alert } from '../Alert/index.js'

export interface ErrorSummaryProps<F extends string> {
  readonly errors: FormErrors<F>
  /** Field labels by field name, for the summary's links. */
  readonly labels: Readonly<Record<F, string>>
  /** Changes on every submit, so focus returns to the summary each time. */
  readonly attempt: number
}

/**
 * The list of problems above a form, focused after a failed submit (WCAG 3.3.1); each item links to its field.
 */
export function ErrorSummary<F extends string>({ errors, labels, attempt }: ErrorSummaryProps<F>) {
  const ref = useRef<HTMLDivElement>(null)
  const entries = (Object.entries(errors.fields) as Array<[F, string | undefined]>).filter(([, m]) => m)
  const any = entries.length > 0 || errors.other.length > 0
  useEffect(() => { if (any) ref.current?.focus() }, [attempt, any])
  if (!any) return null
  return (
    <Alert type="error" ref={ref}>
      <p className="utrecht-paragraph">{t('validatie.samenvatting')}</p>
      <ul className="utrecht-unordered-list">
        {entries.map(([field, message]) => (
          <li key={field} className="utrecht-unordered-list__item"><a className="utrecht-link" href={`#${field}`}>{labels[field]}: {message}</a></li>
        ))}
        {errors.other.map((m) => <li key={m} className="utrecht-unordered-list__item">{m}</li>)}
      </ul>
    </Alert>
  )
}
