import { useCallback, useEffect, useState } from 'react'

export type Resource<T> =
  | { readonly status: 'laden' }
  | { readonly status: 'klaar'; readonly data: T }
  | { readonly status: 'fout'; readonly error: unknown }

/** Loads data once (and again on `reload`); the page renders the three states. */
export function useResource<T>(load: () => Promise<T>): Resource<T> & { reload(): void } {
  const [state, setState] = useState<Resource<T>>({ status: 'laden' })
  const [round, setRound] = useState(0)
  useEffect(() => {
    let live = true
    load().then((data) => live && setState({ status: 'klaar', data }), (error: unknown) => live && setState({ status: 'fout', error }))
    return () => { live = false }
    // `load` is a fresh closure every render; reloading is explicit through `round`.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [round])
  const reload = useCallback(() => setRound((r) => r + 1), [])
  return { ...state, reload }
}
