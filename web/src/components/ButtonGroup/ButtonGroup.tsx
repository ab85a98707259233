import type { ReactNode } from 'react'

/** Utrecht button group: a row of related actions. */
export function ButtonGroup({ children }: { readonly children: ReactNode }) {
  return <div className="utrecht-button-group utrecht-button-group--row">{children}</div>
}
