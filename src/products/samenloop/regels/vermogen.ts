import type { Datum } from '../../../core/index.js'
import type { GebruikteParameter } from '../../../platform/rules/index.js'
import { berekenBijstandsnorm, type Leefvorm } from '../../bijstandsnormen/index.js'
import { centen, contains, datum, datumTekst, euro, maakRegel, uitleg } from './samenloop-regel.js'

/** The vermogensgrens (art. 34 lid 3 PW) on a date, with the parameter's validity and source; undefined when unknown. */
export function vermogensgrens(peildatum: Datum, leefvorm: Leefvorm): GebruikteParameter | undefined {
  try {
    const stap = berekenBijstandsnorm({ peildatum, leefvorm, aowLeeftijd: false }).berekening.find((s) => s.id === 'vermogensgrens')
    return stap?.parameters[0]
  } catch {
    // No published amount for this date: the rule does not guess (the algoritmeregister says so).
    return undefined
  }
}

/** Box-3 vermogen above the vermogensgrens while the gemeente pays bijstand (Participatiewet art. 34). */
export const vermogenRegel = maakRegel({
  id: 'samenloop.vermogen', versie: '1.0.0', soort: 'vermogen', bron: 'belastingdienst-vermogen',
  titel: 'Vermogen boven de vermogensgrens tijdens bijstand',
  regel: 'Een box-3-opgave van de Belastingdienst waarvan de peildatum in een periode van de samenloop-populatie valt, '
    + 'met een rendementsgrondslag (bezittingen min schulden) boven de vermogensgrens voor een alleenstaande op die '
    + 'peildatum. De hub kent de leefvorm van het huishouden niet; daarom geldt de laagste grens, en het signaal noemt '
    + 'ook de grens voor een alleenstaande ouder of gehuwden, zodat de gemeente met de leefvorm uit het dossier vergelijkt. '
    + 'Eén signaal per peildatum; andere bedragen voor dezelfde peildatum geven één correctiesignaal.',
  waarom: 'Wie vermogen boven de vermogensgrens heeft, heeft geen recht op bijstand (art. 34 Participatiewet) en moet '
    + 'dat eerst gebruiken. De Belastingdienst kent het vermogen per persoon; de gemeente telt dat van partners samen.',
  gegevens: {
    peildatum: 'Peildatum van box 3 (1 januari)', banktegoedenCent: 'Bank- en spaartegoeden, in eurocent',
    overigeBezittingenCent: 'Overige bezittingen, in eurocent', schuldenCent: 'Schulden in box 3, in eurocent',
    rendementsgrondslagCent: 'Bezittingen min schulden, in eurocent',
    vermogensgrensCent: 'Vermogensgrens voor een alleenstaande op de peildatum, in eurocent',
    vermogensgrensGezinCent: 'Vermogensgrens voor een alleenstaande ouder of gehuwden samen op de peildatum, in eurocent',
    vermogensgrensBron: 'Bron van de vermogensgrens en de periode waarin dat bedrag geldt',
  },
  wijzigingen: [{ versie: '1.0.0', datum: '2026-11-28', wat: 'Eerste versie' }],
}, (feit, indicatie) => {
  const g = feit.gegevens
  const peildatum = datum(g, 'peildatum')
  const grondslag = centen(g, 'rendementsgrondslagCent')
  if (!peildatum || grondslag === undefined || !contains(indicatie.periode, peildatum)) return undefined
  const grens = vermogensgrens(peildatum, 'alleenstaande')
  const gezin = vermogensgrens(peildatum, 'gehuwd')
  if (!grens || !gezin || grondslag <= Number(grens.waarde)) return undefined
  const bron = `${grens.bron.omschrijving}; geldig van ${grens.van} tot en met ${grens.tot}`
  const gegevens = {
    peildatum, banktegoedenCent: centen(g, 'banktegoedenCent') ?? null, overigeBezittingenCent: centen(g, 'overigeBezittingenCent') ?? null,
    schuldenCent: centen(g, 'schuldenCent') ?? null, rendementsgrondslagCent: grondslag,
    vermogensgrensCent: Number(grens.waarde), vermogensgrensGezinCent: Number(gezin.waarde), vermogensgrensBron: bron,
  }
  return {
    sleutel: `${feit.bsn}|${peildatum}`, periode: { van: peildatum, tot: peildatum },
    uitleg: uitleg(`Volgens de Belastingdienst was het vermogen op ${datumTekst(peildatum)} ${euro(grondslag)} (bezittingen min schulden). `
      + `Dat is meer dan de vermogensgrens voor een alleenstaande op die datum, ${euro(Number(grens.waarde))} (${bron}). `
      + `Voor een alleenstaande ouder of gehuwden samen is de grens ${euro(Number(gezin.waarde))}.`, feit, `de peildatum ${datumTekst(peildatum)}`),
    gegevens,
  }
})
