import type { ReactNode } from 'react'
import { t } from '../../i18n/index.js'
import { SkipLink } from '../SkipLink/index.js'

export interface PageLayoutProps {
  /** Right-hand side of the header: who is logged in, logout. */
  readonly headerActions?: ReactNode
  readonly navigation?: ReactNode
  readonly children: ReactNode
}

/**
 * Utrecht page layout with the landmarks screen readers navigate by: banner (header), navigation, main,
 * contentinfo (footer); a skip link first. The same structure as the server-rendered login pages.
 */
export function PageLayout({ headerActions, navigation, children }: PageLayoutProps) {
  return (
    <div className="utrecht-page-layout kp-layout">
      <SkipLink href="#inhoud">{t('app.skiplink')}</SkipLink>
      <header className="utrecht-page-header kp-header">
        <div className="utrecht-page-header__content kp-header__content">
          <p className="kp-logo"><span className="kp-logo__naam">{t('app.naam')}</span> <span className="kp-logo__ondertitel">{t('app.ondertitel')}</span></p>
          {headerActions}
        </div>
      </header>
      {navigation}
      <div className="utrecht-page-body kp-body">
        <main id="inhoud" className="utrecht-page-body__content kp-main" tabIndex={-1}>{children}</main>
      </div>
      <footer className="utrecht-page-footer kp-footer">
        <div className="utrecht-page-footer__content"><p className="utrecht-paragraph">{t('app.voet')}</p></div>
      </footer>
    </div>
  )
}
