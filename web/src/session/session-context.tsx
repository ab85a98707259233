import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react'
import { api, ApiError, type Sessie } from '../api/index.js'

export type SessionState =
  | { readonly status: 'laden' }
  | { readonly status: 'anoniem' }
  | { readonly status: 'ingelogd'; readonly sessie: Sessie }
  | { readonly status: 'fout'; readonly error: unknown }

interface SessionContextValue {
  readonly state: SessionState
  /** Ends the session at the hub, then follows the hub's redirect (provider logout or the logged-out screen). */
  logout(): Promise<void>
  /** Forget the session locally, e.g. after a 401 from any API call. */
  expire(): void
}

const SessionContext = createContext<SessionContextValue>({ state: { status: 'laden' }, logout: async () => {}, expire: () => {} })

/** Loads `GET /portaal/sessie` once; the answer decides between the welcome screen and the portal. */
export function SessionProvider({ children }: { readonly children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'laden' })
  useEffect(() => {
    api<Sessie>('GET', '/portaal/sessie')
      .then((sessie) => setState({ status: 'ingelogd', sessie }))
      .catch((error: unknown) => setState(error instanceof ApiError && error.status === 401 ? { status: 'anoniem' } : { status: 'fout', error }))
  }, [])
  const logout = useCallback(async () => {
    const { doorsturen } = await api<{ doorsturen: string }>('POST', '/portaal/logout', {})
    window.location.assign(doorsturen)
  }, [])
  const expire = useCallback(() => setState({ status: 'anoniem' }), [])
  return <SessionContext.Provider value={{ state, logout, expire }}>{children}</SessionContext.Provider>
}

export const useSession = () => useContext(SessionContext)

/** The logged-in session; only for components rendered inside the logged-in portal. */
export function useSessie(): Sessie {
  const { state } = useSession()
  if (state.status !== 'ingelogd') throw new Error('useSessie buiten een ingelogde sessie')
  return state.sessie
}
