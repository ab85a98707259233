import { forwardRef, type InputHTMLAttributes } from 'react'

export interface FileInputProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'type' | 'onChange'> {
  readonly invalid?: boolean
  onFile(file: File | undefined): void
}

/**
 * A native file input (Utrecht CSS has no file component; the native control is keyboard- and screen-reader-
 * friendly in every browser). Use inside a FormField, which gives it its label.
 */
export const FileInput = forwardRef<HTMLInputElement, FileInputProps>(function FileInput({ invalid, onFile, className, ...rest }, ref) {
  return (
    <input ref={ref} {...rest} type="file" aria-invalid={invalid || undefined} onChange={(e) => onFile(e.target.files?.[0])}
      className={['kp-file', className].filter(Boolean).join(' ')} />
  )
})
