import type { InputHTMLAttributes } from 'react'

export interface CheckboxProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'type'> {
  readonly id: string
  readonly label: string
}

/** Utrecht checkbox with its label, as one form field. */
export function Checkbox({ id, label, className, ...rest }: CheckboxProps) {
  return (
    <div className="utrecht-form-field utrecht-form-field--checkbox">
      <div className="utrecht-form-field__input">
        <input {...rest} id={id} type="checkbox" className={['utrecht-checkbox utrecht-checkbox--html-input', className].filter(Boolean).join(' ')} />
      </div>
      <div className="utrecht-form-field__label utrecht-form-field__label--checkbox">
        <label className="utrecht-form-label utrecht-form-label--checkbox" htmlFor={id}>{label}</label>
      </div>
    </div>
  )
}
