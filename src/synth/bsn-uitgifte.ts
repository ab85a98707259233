import { completeBsn, type Bsn } from '../core/bsn.js'

const EERSTE = 10_000_000
const AANTAL = 90_000_000
/** Coprime with 90,000,000 (= 2⁷·3²·5⁷), so `a·i + b mod AANTAL` visits every 8-digit prefix exactly once. */
const STAP = 48_271_019

/**
 * Hands out unique, valid BSNs in a seed-dependent order: the 8-digit prefixes are walked in a fixed permutation and
 * prefixes without a check digit (`completeBsn` → undefined, about 1 in 11) are skipped. A bijection cannot repeat,
 * so uniqueness needs no memory at all — even at 18 million residents.
 */
export class BsnUitgifte {
  private positie = 0
  private readonly start: number

  constructor(seed: number) {
    this.start = Math.abs(Math.imul(seed ^ 0x5bd1e995, 2654435761)) % AANTAL
  }

  volgende(): Bsn {
    for (;;) {
      const prefix = EERSTE + ((STAP * this.positie + this.start) % AANTAL)
      this.positie++
      const bsn = completeBsn(String(prefix))
      if (bsn) return bsn
    }
  }
}
