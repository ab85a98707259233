import type { SelectHTMLAttributes } from 'react'

export interface SelectProps extends SelectHTMLAttributes<HTMLSelectElement> {
  readonly invalid?: boolean
  readonly options: ReadonlyArray<{ readonly value: string; readonly label: string }>
}

/** Utrecht select (`<select>`); `invalid` sets both the style and `aria-invalid`. */
export function Select({ invalid, options, className, ...rest }: SelectProps) {
  return (
    <select {...rest} aria-invalid={invalid || undefined}
      className={['utrecht-select utrecht-select--html-select', invalid && 'utrecht-select--invalid', className].filter(Boolean).join(' ')}>
      {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
    </select>
  )
}
