import { centen, contains, datumPeriode, datumTekst, euro, maakRegel, tekst, uitleg } from './samenloop-regel.js'

/** A vehicle registered to a bijstand recipient during the bijstand (vermogen, or a sign of income). */
export const voertuigRegel = maakRegel({
  id: 'samenloop.voertuig', versie: '1.0.0', soort: 'voertuig', bron: 'rdw-voertuigen',
  titel: 'Voertuig op naam gezet tijdens bijstand',
  regel: 'Een tenaamstelling uit het kentekenregister waarvan de begindatum in een periode van de samenloop-populatie '
    + 'valt. Eén signaal per kenteken en begindatum, ook als de RDW later een einddatum of een andere dagwaarde levert.',
  waarom: 'Een voertuig is vermogen dat meetelt bij het recht op bijstand (art. 34 Participatiewet), en de aankoop kan '
    + 'wijzen op inkomsten of vermogen die nog niet bekend zijn. De inwoner moet dit melden (art. 17).',
  gegevens: {
    kenteken: 'Kenteken van het voertuig', datumAanvang: 'Begin van de tenaamstelling',
    datumEinde: 'Einde van de tenaamstelling (leeg: nog op naam)', dagwaardeCent: 'Dagwaarde van het voertuig, in eurocent',
  },
  grenzen: [
    'Alleen een tenaamstelling die begint in een bijstandsperiode geeft een signaal; een voertuig dat al op naam stond '
      + 'vóór de bijstand niet.',
    'De regel kijkt niet naar de dagwaarde. Een voertuig dat naar aard en waarde algemeen gebruikelijk of noodzakelijk '
      + 'is, telt niet als vermogen (art. 34 lid 2 onder a Participatiewet); dat beoordeelt de gemeente.',
  ],
  wijzigingen: [{ versie: '1.0.0', datum: '2026-11-28', wat: 'Eerste versie' }],
}, (feit, indicatie) => {
  const g = feit.gegevens
  const kenteken = tekst(g, 'kenteken')
  const periode = datumPeriode(g, 'datumAanvang', 'datumEinde')
  if (!kenteken || !periode || !contains(indicatie.periode, periode.van)) return undefined
  const dagwaarde = centen(g, 'dagwaardeCent')
  const waarde = dagwaarde === undefined ? '' : ` De dagwaarde is ${euro(dagwaarde)}.`
  return {
    sleutel: `${feit.bsn}|${kenteken}|${periode.van}`, periode,
    uitleg: uitleg(`Volgens de RDW staat het voertuig met kenteken ${kenteken} sinds ${datumTekst(periode.van)} op naam van de inwoner.${waarde}`, feit, datumTekst(periode.van)),
    gegevens: { kenteken, datumAanvang: periode.van, datumEinde: periode.tot ?? null, dagwaardeCent: dagwaarde ?? null },
    inhoud: { kenteken, datumAanvang: periode.van },
  }
})
