import type { ReactNode } from 'react'

export interface FormFieldProps {
  readonly id: string
  readonly label: string
  readonly description?: string | undefined
  readonly error?: string | undefined
  /** The input; give it `id`, and `aria-describedby={describedBy(id, …)}` from this module. */
  readonly children: ReactNode
}

/** The ids a field's input should point to with `aria-describedby`. */
export function describedBy(id: string, o: { description?: string | undefined; error?: string | undefined }): string | undefined {
  return [o.description && `${id}-uitleg`, o.error && `${id}-fout`].filter(Boolean).join(' ') || undefined
}

/** Utrecht form field: label, description, error message (between label and input, as NL Design System advises). */
export function FormField({ id, label, description, error, children }: FormFieldProps) {
  return (
    <div className={['utrecht-form-field utrecht-form-field--text', error && 'utrecht-form-field--invalid'].filter(Boolean).join(' ')}>
      <div className="utrecht-form-field__label"><label className="utrecht-form-label" htmlFor={id}>{label}</label></div>
      {description && <div className="utrecht-form-field__description utrecht-form-field-description" id={`${id}-uitleg`}>{description}</div>}
      {error && <p className="utrecht-form-field__error-message utrecht-form-field-error-message" id={`${id}-fout`}>{error}</p>}
      <div className="utrecht-form-field__input">{children}</div>
    </div>
  )
}
