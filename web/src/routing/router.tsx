import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react'

export interface Router {
  /** Current path, without query string or hash. */
  readonly path: string
  /** How many in-app navigations happened; 0 on first load (pages only move focus after a navigation). */
  readonly navigations: number
  navigate(to: string, opts?: { replace?: boolean }): void
}

const RouterContext = createContext<Router>({ path: '/', navigations: 0, navigate: () => {} })

/**
 * History-API routing, small enough not to need a router package: the portal has a handful of flat paths and the
 * server falls back to index.html for all of them.
 */
export function RouterProvider({ children }: { readonly children: ReactNode }) {
  const [state, setState] = useState(() => ({ path: window.location.pathname, navigations: 0 }))
  useEffect(() => {
    const onPop = () => setState((s) => ({ path: window.location.pathname, navigations: s.navigations + 1 }))
    window.addEventListener('popstate', onPop)
    return () => window.removeEventListener('popstate', onPop)
  }, [])
  const navigate = useCallback((to: string, opts: { replace?: boolean } = {}) => {
    const url = new URL(to, window.location.href)
    if (opts.replace) window.history.replaceState(null, '', url)
    else window.history.pushState(null, '', url)
    setState((s) => ({ path: url.pathname, navigations: s.navigations + 1 }))
  }, [])
  const value = useMemo(() => ({ ...state, navigate }), [state, navigate])
  return <RouterContext.Provider value={value}>{children}</RouterContext.Provider>
}

export const useRouter = (): Router => useContext(RouterContext)
