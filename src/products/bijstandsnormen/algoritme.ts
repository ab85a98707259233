import type { Algoritme } from '../../platform/rules/index.js'
import { bijstandsnormParameters } from './parameters.js'

/** Description of the bijstandsnorm calculation for the algorithm register. */
export const bijstandsnormAlgoritme: Algoritme = {
  id: 'bijstandsnormen',
  titel: 'Bijstandsnormen (Participatiewet)',
  doel:
    'Bepaalt welk bedrag per maand de Participatiewet als bijstandsnorm noemt voor uw leefvorm op een bepaalde datum, ' +
    'en welk vermogen u mag hebben. Andere berekeningen (beslagvrije voet, kwijtschelding) gebruiken deze normen.',
  grondslag: [
    'Participatiewet (BWBR0015703) art. 21, 22 en 22a: de normen en de kostendelersnorm',
    'Participatiewet art. 19 lid 3: de vakantietoeslag in de norm',
    'Participatiewet art. 34 lid 3: de vermogensgrens',
  ],
  stappen: [
    { wat: 'Zonder kostendelende medebewoners: het bedrag dat de wet noemt voor uw leefvorm en leeftijd.', grondslag: 'art. 21 en 22 PW' },
    { wat: 'Met kostendelende medebewoners (27 jaar of ouder): ((40 + 30 × A) / A) % van de gehuwdennorm per persoon, afgerond op centen; gehuwden krijgen samen twee keer dat bedrag.', grondslag: 'art. 22a PW' },
    { wat: 'De norm zonder vakantietoeslag: 95 % van de norm, afgerond op centen.', grondslag: 'art. 19 lid 3 PW' },
    { wat: 'De vermogensgrens voor uw leefvorm.', grondslag: 'art. 34 lid 3 PW' },
  ],
  beperkingen: [
    'Normen voor jongeren van 18 tot 21 jaar (art. 20), verblijf in een inrichting (art. 23) en gemeentelijke verlagingen (art. 27, 28) worden niet berekend.',
    'Art. 19 lid 3 PW noemt in alle gelezen teksten (al vanaf de versie 2022-01-01) een vakantietoeslag van 4,8 % van de bijstand; de gepubliceerde gemeentelijke bedragen zonder vakantietoeslag gaan uit van 5 %. Dit is niet in een primaire bron beslecht en staat als niet-geverifieerd in de data.',
    'De vermogensgrenzen zijn voor elk jaar van 2022 tot en met 2026 in de wettekst van art. 34 lid 3 PW gelezen.',
    'Een peildatum waarvoor geen bedrag is gepubliceerd (vóór 2022 of na 30 juni 2026) geeft een foutmelding; er wordt nooit een oud bedrag doorgetrokken.',
  ],
  parameters: bijstandsnormParameters,
}
