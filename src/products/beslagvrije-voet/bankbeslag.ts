import type { Cent, Datum } from '../../core/index.js'
import { InvoerLezer, gebruikt, nieuwSpoor, type Stap } from '../../platform/rules/index.js'
import { LEEFSITUATIES, type Leefsituatie } from './beslagvrije-voet-invoer.js'
import { beslagvrijeVoetParameters } from './parameters.js'

export interface BankbeslagInvoer {
  readonly peildatum: Datum
  readonly leefsituatie: Leefsituatie
  readonly woonadresBekend: boolean
  /** Only relevant without a BRP woonadres: a fixed residence abroad (art. 475a lid 6). */
  readonly vasteVerblijfplaatsBuitenland: boolean
}

/** Validates a bank-beslag request body, listing every problem. */
export function valideerBankbeslagInvoer(body: unknown): BankbeslagInvoer {
  const l = new InvoerLezer(body, ['peildatum', 'leefsituatie', 'woonadresBekend', 'vasteVerblijfplaatsBuitenland'])
  const peildatum = l.datum('peildatum')
  const leefsituatie = l.keuze('leefsituatie', LEEFSITUATIES)
  const woonadresBekend = l.jaNee('woonadresBekend')
  const vasteVerblijfplaatsBuitenland = l.jaNee('vasteVerblijfplaatsBuitenland', false)
  l.klaar('beslagvrije-voet.invoer-ongeldig', 'de invoer voor het bankbeslag is ongeldig')
  return { peildatum: peildatum!, leefsituatie: leefsituatie!, woonadresBekend: woonadresBekend!, vasteVerblijfplaatsBuitenland: vasteVerblijfplaatsBuitenland! }
}

/**
 * Art. 475a lid 5 and 6 Rv: the amount per calendar month of a natural person's bank balance that a beslag does not
 * reach — the lid-1 maximum of art. 475da, or half of it without BRP woonadres and without a fixed residence abroad.
 */
export function berekenBankbeslagVrijbedrag(invoer: BankbeslagInvoer): { vrijBedragCent: Cent; berekening: readonly Stap[] } {
  const spoor = nieuwSpoor()
  const p = beslagvrijeVoetParameters
  const vanKracht = p.op('bankbeslag.475a-lid-5', invoer.peildatum)
  const max = p.op(`maximum.${invoer.leefsituatie}`, invoer.peildatum)
  let bedrag = max.waarde as Cent
  spoor.stap({ id: '475a-lid-5', wat: 'Vrij van bankbeslag per kalendermaand: het maximum van art. 475da lid 1', grondslag: 'art. 475a lid 5 Rv', invoer: { leefsituatie: invoer.leefsituatie }, parameters: [gebruikt(vanKracht), gebruikt(max)], bedragCent: bedrag })
  if (!invoer.woonadresBekend && !invoer.vasteVerblijfplaatsBuitenland) {
    bedrag = Math.floor(bedrag / 2) as Cent
    spoor.stap({ id: '475a-lid-6', wat: 'Geen woonadres en geen vaste verblijfplaats buiten Nederland: de helft', grondslag: 'art. 475a lid 6 Rv', formule: '½ × maximum', invoer: { woonadresBekend: false }, parameters: [], afronding: { wijze: 'naar-beneden', toelichting: 'op hele centen' }, bedragCent: bedrag })
  }
  return { vrijBedragCent: bedrag, berekening: spoor.stappen() }
}
