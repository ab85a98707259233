import { useState, type ComponentType } from 'react'
import { errorScreen } from '../../errors/index.js'
import { t } from '../../i18n/index.js'
import { AbonnementenPage } from '../../pages/AbonnementenPage/index.js'
import { ApiClientsPage } from '../../pages/ApiClientsPage/index.js'
import { BeslagvrijeVoetPage } from '../../pages/BeslagvrijeVoetPage/index.js'
import { GegevensregisterPage } from '../../pages/GegevensregisterPage/index.js'
import { KwijtscheldingNormenPage } from '../../pages/KwijtscheldingNormenPage/index.js'
import { KwijtscheldingPage } from '../../pages/KwijtscheldingPage/index.js'
import { LeveringenPage } from '../../pages/LeveringenPage/index.js'
import { LogboekInzagePage } from '../../pages/LogboekInzagePage/index.js'
import { NettoInkomenPage } from '../../pages/NettoInkomenPage/index.js'
import { PopulatiePage } from '../../pages/PopulatiePage/index.js'
import { SignalenPage } from '../../pages/SignalenPage/index.js'
import { StartPage } from '../../pages/StartPage/index.js'
import { VooraftoetsPage } from '../../pages/VooraftoetsPage/index.js'
import { WelkomPage } from '../../pages/WelkomPage/index.js'
import { useRouter } from '../../routing/index.js'
import { useSession } from '../../session/index.js'
import { Button } from '../Button/index.js'
import { ErrorBoundary } from '../ErrorBoundary/index.js'
import { ErrorScreen } from '../ErrorScreen/index.js'
import { Loading } from '../Loading/index.js'
import { NavBar } from '../NavBar/index.js'
import { PageLayout } from '../PageLayout/index.js'

/** Screens by the page id the server puts in `navigatie`; product pages register theirs here. */
const PAGINAS: Readonly<Record<string, ComponentType>> = {
  start: StartPage,
  gegevensregister: GegevensregisterPage,
  'api-clients': ApiClientsPage,
  'logboek-inzage': LogboekInzagePage,
  // Product pages (PRODUCT_PAGINAS in src/adapters/http/portal/navigation.ts).
  'samenloop-signalen': SignalenPage,
  'samenloop-vooraf-toets': VooraftoetsPage,
  populatie: PopulatiePage,
  leveringen: LeveringenPage,
  abonnementen: AbonnementenPage,
  'beslagvrije-voet': BeslagvrijeVoetPage,
  'netto-inkomen': NettoInkomenPage,
  kwijtschelding: KwijtscheldingPage,
  'kwijtschelding-normen': KwijtscheldingNormenPage,
}
const BEKENDE_PADEN = new Set(['/', '/gegevensregister', '/api-clients', '/logboek-inzage',
  '/signalen', '/vooraf-toets', '/populatie', '/leveringen', '/abonnementen', '/beslagvrije-voet', '/netto-inkomen', '/kwijtschelding', '/kwijtschelding-normen'])
/** Readable without logging in: the register is public by law and by design. */
const OPENBARE_PADEN = new Set(['/gegevensregister'])

/** Reads `?melding=` once (set by the server after login/logout) and removes it from the address bar. */
function useMelding(): string | undefined {
  const [melding] = useState(() => {
    const url = new URL(window.location.href)
    const m = url.searchParams.get('melding') ?? undefined
    if (m !== undefined) {
      url.searchParams.delete('melding')
      window.history.replaceState(null, '', url)
    }
    return m
  })
  return melding
}

/** The portal: welcome screen without a session, otherwise the layout with the menu the server allowed. */
export function App() {
  const { state, logout } = useSession()
  const { path } = useRouter()
  const melding = useMelding()
  if (state.status === 'laden') return <PageLayout><Loading /></PageLayout>
  if (state.status === 'fout') return <PageLayout><ErrorScreen error={state.error} /></PageLayout>
  if (state.status === 'anoniem') {
    const login = <a className="utrecht-link kp-header__link" href={`/portaal/login?terug=${encodeURIComponent(path)}`}>{t('welkom.inloggen')}</a>
    return (
      <PageLayout headerActions={login}>
        <ErrorBoundary>{OPENBARE_PADEN.has(path) ? <GegevensregisterPage /> : <WelkomPage melding={melding} />}</ErrorBoundary>
      </PageLayout>
    )
  }
  const { sessie } = state
  const item = sessie.navigatie.find((n) => n.pad === path)
  const Pagina = item ? PAGINAS[item.id] : undefined
  const header = (
    <div className="kp-header__gebruiker">
      <span>{t('app.ingelogd-als', { naam: sessie.gebruiker.naam, organisatie: sessie.organisatie.naam })}</span>
      <Button appearance="subtle" onClick={() => void logout()}>{t('app.uitloggen')}</Button>
    </div>
  )
  return (
    <PageLayout headerActions={header} navigation={<NavBar label={t('app.hoofdmenu')} items={sessie.navigatie} current={path} />}>
      <ErrorBoundary key={path}>
        {Pagina ? <Pagina /> : <ErrorScreen choice={errorScreen(BEKENDE_PADEN.has(path) ? 'geen-toegang' : 'niet-gevonden')} />}
      </ErrorBoundary>
    </PageLayout>
  )
}
