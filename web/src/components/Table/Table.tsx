import type { HTMLAttributes, ReactNode, TdHTMLAttributes, ThHTMLAttributes } from 'react'

/** Utrecht table in a container that scrolls sideways on narrow screens (and is focusable, so keyboard users can). */
export function Table({ caption, children, label }: { readonly caption?: ReactNode; readonly children: ReactNode; readonly label?: string }) {
  return (
    <div className="utrecht-table-container utrecht-table-container--overflow-inline kp-table-scroll" tabIndex={0} role="region" aria-label={label}>
      <table className="utrecht-table utrecht-table--html-table">
        {caption && <caption className="utrecht-table__caption">{caption}</caption>}
        {children}
      </table>
    </div>
  )
}

export const TableHeader = (p: HTMLAttributes<HTMLTableSectionElement>) => <thead {...p} className="utrecht-table__header" />
export const TableBody = (p: HTMLAttributes<HTMLTableSectionElement>) => <tbody {...p} className="utrecht-table__body" />
export const TableRow = (p: HTMLAttributes<HTMLTableRowElement>) => <tr {...p} className="utrecht-table__row" />
export const TableHeaderCell = ({ scope = 'col', ...p }: ThHTMLAttributes<HTMLTableCellElement>) => <th {...p} scope={scope} className="utrecht-table__header-cell" />
export const TableCell = (p: TdHTMLAttributes<HTMLTableCellElement>) => <td {...p} className="utrecht-table__cell" />
