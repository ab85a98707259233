import type { ReactNode } from 'react'

/** Utrecht status badge; the status is in the text, colour only repeats it. */
export function StatusBadge({ status, children }: { readonly status: 'success' | 'danger' | 'neutral' | 'warning'; readonly children: ReactNode }) {
  return <span className={`utrecht-status-badge utrecht-status-badge--${status}`}>{children}</span>
}
