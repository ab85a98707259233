import { useEffect, useRef, useState } from 'react'
import { Button } from '../Button/index.js'

/**
 * "Meer … laden" under a list that the hub gives a page at a time (its `volgende` cursor). When the last page has come
 * in the button goes, and keyboard focus would fall back to the page itself; it moves to a line saying the whole list
 * is shown instead, so a keyboard or screen-reader user stays where they were and hears why the button is gone.
 */
export function MeerLaden({ volgende, bezig, onMeer, tekst, klaar }: {
  readonly volgende: string | null | undefined
  readonly bezig: boolean
  readonly onMeer: () => void
  readonly tekst: string
  /** Shown (and focused) after the last page was loaded with the button. */
  readonly klaar: string
}) {
  const [geklikt, setGeklikt] = useState(false)
  const regel = useRef<HTMLParagraphElement>(null)
  const alles = geklikt && !volgende && !bezig
  useEffect(() => { if (alles) regel.current?.focus() }, [alles])
  if (volgende) return <Button appearance="secondary-action" busy={bezig} disabled={bezig} onClick={() => { setGeklikt(true); onMeer() }}>{tekst}</Button>
  return alles ? <p className="utrecht-paragraph" ref={regel} tabIndex={-1}>{klaar}</p> : null
}
