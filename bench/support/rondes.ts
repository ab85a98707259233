/**
 * In-process benches that compare variants of one calculation (with and without trace, a plain arithmetic loop):
 * each variant runs over the same `n` inputs, the variants take turns for several rounds, and each round's rate and
 * checksum are kept — the checksum must not change between rounds, and variants of one group must agree.
 */
export interface Variant { readonly naam: string; readonly f: () => number; readonly rondes: number[]; som?: number }

/** A variant; the first call warms it up (and is not counted). */
export function variant(naam: string, f: () => number): Variant { f(); return { naam, f, rondes: [] } }

/** Runs every variant `rondes` times in turns, each call covering `n` inputs. */
export function draaiRondes(varianten: readonly Variant[], n: number, rondes: number): void {
  for (let r = 0; r < rondes; r++) {
    for (const v of varianten) {
      const t0 = process.hrtime.bigint()
      const som = v.f()
      v.rondes.push(n / (Number(process.hrtime.bigint() - t0) / 1e9))
      if (v.som !== undefined && v.som !== som) throw new Error(`${v.naam}: controlesom wisselt`)
      v.som = som
    }
  }
}

/** `naam  median /s  best /s  (checksum)` for one variant. */
export function regel(v: Variant, breedte: number): string {
  return `${v.naam.padEnd(breedte)} ${fmt(mediaan(v.rondes))} /s ${fmt(Math.max(...v.rondes))} /s   (controlesom ${v.som})`
}

/** The variants of a group (zonder uitleg, met uitleg, kaal) must agree; returns their best rounds. */
export function besteRondes(naam: string, groep: readonly Variant[]): { zonder: number; met: number; kaal: number } {
  if (new Set(groep.map((v) => v.som)).size !== 1) throw new Error(`${naam}: controlesommen verschillen`)
  const [zonder, met, kaal] = groep.map((v) => Math.max(...v.rondes)) as [number, number, number]
  return { zonder, met, kaal }
}

const mediaan = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!
const fmt = (n: number) => Math.round(n).toLocaleString('nl-NL').padStart(14)
