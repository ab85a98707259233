import { forwardRef, type ReactNode } from 'react'

export interface AlertProps {
  readonly type: 'info' | 'ok' | 'warning' | 'error'
  readonly children: ReactNode
  /** `alert` interrupts the screen reader (errors after a submit); `status` waits politely. Default by type. */
  readonly role?: 'alert' | 'status' | undefined
}

/** Utrecht alert. Focusable (tabIndex -1) so a form can move focus to its error summary. */
export const Alert = forwardRef<HTMLDivElement, AlertProps>(function Alert({ type, children, role }, ref) {
  return (
    <div ref={ref} tabIndex={-1} role={role ?? (type === 'error' ? 'alert' : 'status')} className={`utrecht-alert utrecht-alert--${type}`}>
      <div className="utrecht-alert__content"><div className="utrecht-alert__message">{children}</div></div>
    </div>
  )
})
