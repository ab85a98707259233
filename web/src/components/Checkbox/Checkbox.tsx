import type { InputHTMLAttributes } from 'react'

export interface CheckboxProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'type'> {
  readonly id: string
  readonly label: string
}

/** Utrecht checkbox with its label after it, on one line (the box is the click target together with the label). */
export function Checkbox({ id, label, className, ...rest }: CheckboxProps) {
  return (
    <div className="kp-checkbox">
      <input {...rest} id={id} type="checkbox" className={['utrecht-checkbox utrecht-checkbox--html-input', className].filter(Boolean).join(' ')} />
      <label className="utrecht-form-label utrecht-form-label--checkbox" htmlFor={id}>{label}</label>
    </div>
  )
}
