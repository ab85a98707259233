/**
 * A small, fast, seeded PRNG (xoshiro128**) so that the synthetic Netherlands is byte-identical for the same seed.
 * `Math.random` is never used: its sequence differs per process and would break determinism.
 */
export class Rng {
  private a: number
  private b: number
  private c: number
  private d: number

  constructor(a: number, b: number, c: number, d: number) {
    this.a = a >>> 0
    this.b = b >>> 0
    this.c = c >>> 0
    this.d = d >>> 0
    // An all-zero state would only ever produce zeros.
    if ((this.a | this.b | this.c | this.d) === 0) this.a = 0x9e3779b9
  }

  /**
   * A fresh generator for one (seed, stream, index) triple. Each resident and each source gets its own stream, so
   * adding a column to one file never shifts the numbers of another file.
   */
  static at(seed: number, stream: number, index: number): Rng {
    let s = mix32(seed ^ Math.imul(stream + 1, 0x85ebca6b))
    s = mix32(s ^ Math.imul(index + 1, 0xc2b2ae35))
    const a = splitmix(s)
    const b = splitmix(a)
    const c = splitmix(b)
    const d = splitmix(c)
    return new Rng(a, b, c, d)
  }

  /** A uniformly distributed unsigned 32-bit integer. */
  next(): number {
    const r = Math.imul(rotl(Math.imul(this.b, 5), 7), 9) >>> 0
    const t = this.b << 9
    this.c ^= this.a
    this.d ^= this.b
    this.b ^= this.c
    this.a ^= this.d
    this.c ^= t
    this.d = rotl(this.d, 11)
    return r
  }

  /** A float in [0, 1). */
  float(): number {
    return this.next() / 4294967296
  }

  /** An integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.float() * n)
  }

  /** An integer in [min, max] (both inclusive). */
  between(min: number, max: number): number {
    return min + this.int(max - min + 1)
  }

  chance(p: number): boolean {
    return this.float() < p
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)] as T
  }

  /** A standard normal deviate (Box–Muller); used for wages and amounts. */
  normal(): number {
    const u = 1 - this.float()
    const v = this.float()
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v)
  }

  /** A log-normal amount with the given median and spread (sigma of the underlying normal). */
  logNormal(median: number, sigma: number): number {
    return median * Math.exp(sigma * this.normal())
  }

  /** Picks an index from cumulative weights (ascending, last = total) by binary search. */
  weighted(cumulative: ArrayLike<number>): number {
    const total = cumulative[cumulative.length - 1] as number
    const x = this.float() * total
    let lo = 0
    let hi = cumulative.length - 1
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if ((cumulative[mid] as number) > x) hi = mid
      else lo = mid + 1
    }
    return lo
  }
}

function rotl(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0
}

function mix32(x: number): number {
  let h = x >>> 0
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d)
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b)
  return (h ^ (h >>> 16)) >>> 0
}

function splitmix(x: number): number {
  let z = (x + 0x9e3779b9) >>> 0
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b)
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35)
  return (z ^ (z >>> 16)) >>> 0
}

/** Cumulative sums of weights, for `Rng.weighted`. */
export function cumulative(weights: readonly number[]): Float64Array {
  const out = new Float64Array(weights.length)
  let sum = 0
  weights.forEach((w, i) => {
    sum += w
    out[i] = sum
  })
  return out
}
