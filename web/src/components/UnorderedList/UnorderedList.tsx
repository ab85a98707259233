import type { ReactNode } from 'react'

/** Utrecht unordered list. */
export function UnorderedList({ items }: { readonly items: ReadonlyArray<{ key: string; content: ReactNode }> }) {
  return (
    <ul className="utrecht-unordered-list">
      {items.map((i) => <li className="utrecht-unordered-list__item" key={i.key}>{i.content}</li>)}
    </ul>
  )
}
