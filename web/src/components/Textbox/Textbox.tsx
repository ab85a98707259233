import { forwardRef, type InputHTMLAttributes } from 'react'

export interface TextboxProps extends InputHTMLAttributes<HTMLInputElement> {
  readonly invalid?: boolean
}

/** Utrecht textbox (`<input>`); `invalid` sets both the style and `aria-invalid`. */
export const Textbox = forwardRef<HTMLInputElement, TextboxProps>(function Textbox({ invalid, className, type = 'text', ...rest }, ref) {
  return (
    <input ref={ref} {...rest} type={type} aria-invalid={invalid || undefined}
      className={['utrecht-textbox utrecht-textbox--html-input', invalid && 'utrecht-textbox--invalid', className].filter(Boolean).join(' ')} />
  )
})
