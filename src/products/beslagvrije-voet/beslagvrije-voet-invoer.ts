import type { Cent, Datum } from '../../core/index.js'
import { InvoerLezer } from '../../platform/rules/index.js'

export const LEEFSITUATIES = ['alleenstaande', 'alleenstaande-ouder', 'gehuwd-zonder-kinderen', 'gehuwd-met-kinderen'] as const
export type Leefsituatie = (typeof LEEFSITUATIES)[number]

/** Anything above €1,000,000 a month is treated as a typing error. */
const MAX_MAAND = 1_000_000_00
const MAX_JAAR = 12 * MAX_MAAND

/** Input of the beslagvrije voet calculation (all amounts integer cents). */
export interface BeslagvrijeVoetInvoer {
  readonly peildatum: Datum
  readonly leefsituatie: Leefsituatie
  /** False when the debtor has no woonadres in the BRP (art. 475da lid 4 Rv). */
  readonly woonadresBekend: boolean
  /** True when the beslag is on a bijstandsuitkering (art. 475dc lid 2 Rv). */
  readonly bijstand: boolean
  /** Net monthly income from periodic payments (art. 475c lid 1 a–i), including vakantiebijslag. */
  readonly inkomenPerMaandCent: Cent
  /** C: the debtor's belastbaar inkomen per year. */
  readonly belastbaarJaarinkomenCent: Cent
  readonly partnerBelastbaarJaarinkomenCent?: Cent | undefined
  /**
   * Woonkosten per month (art. 475ab Rv). Giving them is the debtor's request (verzoek) for the increase of
   * art. 475da lid 5.
   */
  readonly woonkostenPerMaandCent?: Cent | undefined
  /**
   * Gehuwden only, with `woonkostenPerMaandCent`: the part of the woonkosten above 110 % of the rekenhuur that the
   * spouse's income not under beslag can pay. Lid 5 grants the increase only "voor zover" that income is insufficient;
   * the statute gives no formula for that judgement, so the beslaglegger states it (0 when it pays nothing).
   */
  readonly woonkostenDoorEchtgenootTeDragenCent?: Cent | undefined
  /**
   * Art. 475e lid 2: the price owed per month for care or nursing ("verzorging dan wel verpleging") when the debtor is
   * admitted to an inrichting for that. Giving it selects the 475e regime.
   */
  readonly inrichtingVerzorgingsprijsPerMaandCent?: Cent | undefined
  /** Art. 475db lid 1 onder a: the spouse's periodic income not under beslag. */
  readonly partnerInkomenNietBeslagenCent?: Cent | undefined
  /** Art. 475db lid 1 onder b: the debtor's own periodic income not under beslag (with bijstand: art. 32 PW income). */
  readonly eigenInkomenNietBeslagenCent?: Cent | undefined
  /** Art. 475db lid 1 onder c: loonbelasting on the private use of a lease car. */
  readonly leaseautoLoonheffingCent?: Cent | undefined
}

const VELDEN = [
  'peildatum', 'leefsituatie', 'woonadresBekend', 'bijstand', 'inkomenPerMaandCent', 'belastbaarJaarinkomenCent',
  'partnerBelastbaarJaarinkomenCent', 'woonkostenPerMaandCent', 'woonkostenDoorEchtgenootTeDragenCent', 'partnerInkomenNietBeslagenCent',
  'eigenInkomenNietBeslagenCent', 'leaseautoLoonheffingCent', 'inrichtingVerzorgingsprijsPerMaandCent',
] as const

/**
 * Turns an unknown JSON body into a typed input, or throws `AppError('invalid', 'beslagvrije-voet.invoer-ongeldig')`
 * listing every problem (unknown fields too).
 */
export function valideerBeslagvrijeVoetInvoer(body: unknown): BeslagvrijeVoetInvoer {
  const l = new InvoerLezer(body, VELDEN)
  const peildatum = l.datum('peildatum')
  const leefsituatie = l.keuze('leefsituatie', LEEFSITUATIES)
  const woonadresBekend = l.jaNee('woonadresBekend')
  const bijstand = l.jaNee('bijstand')
  const inkomenPerMaandCent = l.cent('inkomenPerMaandCent', { max: MAX_MAAND })
  const belastbaarJaarinkomenCent = l.cent('belastbaarJaarinkomenCent', { max: MAX_JAAR })
  const partnerBelastbaarJaarinkomenCent = l.cent('partnerBelastbaarJaarinkomenCent', { optioneel: true, max: MAX_JAAR })
  const woonkostenPerMaandCent = l.cent('woonkostenPerMaandCent', { optioneel: true, max: MAX_MAAND })
  const woonkostenDoorEchtgenootTeDragenCent = l.cent('woonkostenDoorEchtgenootTeDragenCent', { optioneel: true, max: MAX_MAAND })
  const partnerInkomenNietBeslagenCent = l.cent('partnerInkomenNietBeslagenCent', { optioneel: true, max: MAX_MAAND })
  const eigenInkomenNietBeslagenCent = l.cent('eigenInkomenNietBeslagenCent', { optioneel: true, max: MAX_MAAND })
  const leaseautoLoonheffingCent = l.cent('leaseautoLoonheffingCent', { optioneel: true, max: MAX_MAAND })
  const inrichtingVerzorgingsprijsPerMaandCent = l.cent('inrichtingVerzorgingsprijsPerMaandCent', { optioneel: true, max: MAX_MAAND })
  const gehuwd = leefsituatie === 'gehuwd-zonder-kinderen' || leefsituatie === 'gehuwd-met-kinderen'
  if (leefsituatie !== undefined && !gehuwd) {
    for (const veld of ['partnerBelastbaarJaarinkomenCent', 'partnerInkomenNietBeslagenCent', 'woonkostenDoorEchtgenootTeDragenCent'] as const) {
      const v = (body as Record<string, unknown>)[veld]
      if (v !== undefined && v !== null && v !== 0) l.problemen.push({ name: veld, code: 'niet-van-toepassing', reason: 'alleen bij gehuwden' })
    }
  }
  if (woonkostenDoorEchtgenootTeDragenCent !== undefined && woonkostenPerMaandCent === undefined && gehuwd) {
    l.problemen.push({ name: 'woonkostenDoorEchtgenootTeDragenCent', code: 'niet-van-toepassing', reason: 'alleen samen met woonkostenPerMaandCent' })
  }
  if (inrichtingVerzorgingsprijsPerMaandCent !== undefined) {
    // Art. 475e lid 2 sets the bvv itself; the lid-5 increase raises the bvv of art. 475da, and 475dc lid 2 (bijstand)
    // is another regime. Refused rather than silently ignored.
    if (bijstand === true) l.problemen.push({ name: 'inrichtingVerzorgingsprijsPerMaandCent', code: 'niet-van-toepassing', reason: 'niet samen met bijstand: bij beslag op bijstand geldt art. 475dc lid 2 Rv; de combinatie met art. 475e lid 2 wordt niet berekend' })
    for (const veld of ['woonkostenPerMaandCent', 'woonkostenDoorEchtgenootTeDragenCent'] as const) {
      if ((body as Record<string, unknown>)[veld] !== undefined) l.problemen.push({ name: veld, code: 'niet-van-toepassing', reason: 'niet bij verblijf in een inrichting: de verhoging van art. 475da lid 5 Rv geldt voor de beslagvrije voet van art. 475da, niet voor die van art. 475e lid 2' })
    }
  }
  l.klaar('beslagvrije-voet.invoer-ongeldig', 'de invoer voor de beslagvrije voet is ongeldig')
  return {
    peildatum: peildatum!, leefsituatie: leefsituatie!, woonadresBekend: woonadresBekend!, bijstand: bijstand!,
    inkomenPerMaandCent: inkomenPerMaandCent!, belastbaarJaarinkomenCent: belastbaarJaarinkomenCent!,
    partnerBelastbaarJaarinkomenCent, woonkostenPerMaandCent, woonkostenDoorEchtgenootTeDragenCent, partnerInkomenNietBeslagenCent,
    eigenInkomenNietBeslagenCent, leaseautoLoonheffingCent, inrichtingVerzorgingsprijsPerMaandCent,
  }
}
