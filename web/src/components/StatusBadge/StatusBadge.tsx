import type { ReactNode } from 'react'

/**
 * Utrecht status badge; the status is in the text, colour only repeats it. Only the variants the Utrecht tokens
 * define colours for (the `success`/`neutral` ones fall back to colours without enough contrast).
 */
export function StatusBadge({ status, children }: { readonly status: 'valid' | 'invalid' | 'inactive' | 'warning'; readonly children: ReactNode }) {
  return <span className={`utrecht-status-badge utrecht-status-badge--${status}`}>{children}</span>
}
