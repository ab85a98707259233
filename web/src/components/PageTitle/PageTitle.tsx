import { useEffect, useRef } from 'react'
import { t } from '../../i18n/index.js'
import { useRouter } from '../../routing/index.js'
import { Heading } from '../Heading/index.js'

/**
 * The page's h1 and document title. After an in-app navigation focus moves to the heading, so screen-reader and
 * keyboard users start reading the new page (a full page load would do the same); on first load focus stays put
 * so the skip link is still the first Tab stop.
 */
export function PageTitle({ children }: { readonly children: string }) {
  const ref = useRef<HTMLHeadingElement>(null)
  const { navigations } = useRouter()
  useEffect(() => {
    document.title = `${children} – ${t('app.naam')}`
    if (navigations > 0) ref.current?.focus()
  }, [children, navigations])
  return <Heading level={1} ref={ref} tabIndex={-1} className="kp-page-title">{children}</Heading>
}
