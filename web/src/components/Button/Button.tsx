import type { ButtonHTMLAttributes } from 'react'

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  readonly appearance?: 'primary-action' | 'secondary-action' | 'subtle'
  readonly hint?: 'danger' | undefined
  readonly busy?: boolean
}

/** Utrecht button. `type` defaults to "button" so a button never submits a form by accident. */
export function Button({ appearance = 'secondary-action', hint, busy, className, type = 'button', ...rest }: ButtonProps) {
  const cls = ['utrecht-button', `utrecht-button--${appearance}`, hint === 'danger' && 'utrecht-button--danger', type === 'submit' && 'utrecht-button--submit', busy && 'utrecht-button--busy', className]
  return <button {...rest} type={type} aria-busy={busy || undefined} className={cls.filter(Boolean).join(' ')} />
}
