import type { Gemeente } from './gemeenten.js'
import type { Adres } from './model.js'
import { STRAATNAMEN } from './namen.js'

const LETTERS = 'ABCDEFGHJKLMNPRTVWXZ'
const PER_POSTCODE = 12
const POSTCODES_PER_PC4 = LETTERS.length * LETTERS.length

/**
 * Synthetic but well-formed addresses: each gemeente owns a disjoint block of PC4 numbers (see gemeenten.ts), each
 * PC6 holds 12 addresses on one street. The k-th address of a gemeente is a pure function of (gemeente, k), so two
 * households never share an address and nothing needs to be remembered.
 */
export function adres(gemeente: Gemeente, k: number): Adres {
  const pc6 = Math.floor(k / PER_POSTCODE)
  const pc4 = gemeente.pc4Van + (Math.floor(pc6 / POSTCODES_PER_PC4) % gemeente.pc4Aantal)
  const paar = pc6 % POSTCODES_PER_PC4
  const letters = `${LETTERS[Math.floor(paar / LETTERS.length)]}${LETTERS[paar % LETTERS.length]}`
  const straat = STRAATNAMEN[(Number(gemeente.code) + Math.floor(pc6 / 3)) % STRAATNAMEN.length] as string
  const huisnummer = 1 + (pc6 % 3) * 2 * PER_POSTCODE + (k % PER_POSTCODE) * 2
  return { straat, huisnummer, postcode: `${pc4}${letters}`, gemeente }
}

/** Counts the addresses handed out per gemeente, so movers get a fresh address in their new gemeente. */
export class AdresTeller {
  private readonly volgend = new Map<string, number>()

  volgende(gemeente: Gemeente): Adres {
    const k = this.volgend.get(gemeente.code) ?? 0
    this.volgend.set(gemeente.code, k + 1)
    return adres(gemeente, k)
  }
}
