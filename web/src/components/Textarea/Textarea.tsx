import type { TextareaHTMLAttributes } from 'react'

/** Utrecht textarea; `invalid` sets both the style and `aria-invalid`. */
export function Textarea({ invalid, className, ...rest }: TextareaHTMLAttributes<HTMLTextAreaElement> & { readonly invalid?: boolean }) {
  return (
    <textarea {...rest} aria-invalid={invalid || undefined}
      className={['utrecht-textarea utrecht-textarea--html-textarea', invalid && 'utrecht-textarea--invalid', className].filter(Boolean).join(' ')} />
  )
}
