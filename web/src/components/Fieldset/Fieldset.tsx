import type { ReactNode } from 'react'

export interface FieldsetProps {
  readonly legend: string
  readonly description?: string | undefined
  readonly error?: string | undefined
  readonly id: string
  readonly children: ReactNode
}

/** Utrecht form fieldset: a group of checkboxes with one legend, description and error. */
export function Fieldset({ legend, description, error, id, children }: FieldsetProps) {
  const describedBy = [description && `${id}-uitleg`, error && `${id}-fout`].filter(Boolean).join(' ') || undefined
  return (
    <div className={['utrecht-form-fieldset', error && 'utrecht-form-fieldset--invalid'].filter(Boolean).join(' ')}>
      <fieldset className="utrecht-form-fieldset__fieldset utrecht-form-fieldset--html-fieldset" aria-describedby={describedBy} aria-invalid={error ? true : undefined} id={id}>
        <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">{legend}</legend>
        {description && <div className="utrecht-form-field-description" id={`${id}-uitleg`}>{description}</div>}
        {error && <p className="utrecht-form-field-error-message" id={`${id}-fout`}>{error}</p>}
        {children}
      </fieldset>
    </div>
  )
}
