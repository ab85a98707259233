import type { ReactNode } from 'react'

/** Utrecht data list: label–value pairs (`<dl>`). */
export function DataList({ items }: { readonly items: ReadonlyArray<readonly [string, ReactNode]> }) {
  return (
    <dl className="utrecht-data-list utrecht-data-list--rows">
      {items.map(([key, value]) => (
        <div className="utrecht-data-list__item" key={key}>
          <dt className="utrecht-data-list__item-key">{key}</dt>
          <dd className="utrecht-data-list__item-value utrecht-data-list__item-value--html-dd">{value}</dd>
        </div>
      ))}
    </dl>
  )
}
