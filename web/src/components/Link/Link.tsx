import type { AnchorHTMLAttributes, MouseEvent } from 'react'
import { useRouter } from '../../routing/index.js'

export interface LinkProps extends AnchorHTMLAttributes<HTMLAnchorElement> {
  readonly href: string
  /** Marks the link to the current page (`aria-current="page"`). */
  readonly current?: boolean
  readonly external?: boolean
}

/** Utrecht link. Internal links navigate inside the SPA; modified clicks (new tab) keep browser behaviour. */
export function Link({ href, current, external, className, onClick, ...rest }: LinkProps) {
  const { navigate } = useRouter()
  const handle = (e: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(e)
    if (external || e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return
    e.preventDefault()
    navigate(href)
  }
  return (
    <a {...rest} href={href} onClick={handle} aria-current={current ? 'page' : undefined}
      className={['utrecht-link utrecht-link--html-a', current && 'utrecht-link--current', className].filter(Boolean).join(' ')} />
  )
}
