import type { Algoritme } from '../../platform/rules/index.js'
import { beslagvrijeVoetParameters } from './parameters.js'

/** Description of the beslagvrije voet calculation for the algorithm register. */
export const beslagvrijeVoetAlgoritme: Algoritme = {
  id: 'beslagvrije-voet',
  titel: 'Beslagvrije voet (Wetboek van Burgerlijke Rechtsvordering)',
  doel:
    'Bij beslag op uw inkomen moet u genoeg overhouden om van te leven. Dat bedrag heet de beslagvrije voet. ' +
    'Deze berekening volgt de wet stap voor stap en laat bij elke stap zien welk artikel en welk bedrag is gebruikt.',
  grondslag: [
    'Wetboek van Burgerlijke Rechtsvordering (BWBR0001827) art. 475c tot en met 475i',
    'Participatiewet (BWBR0015703) art. 21: de bijstandsnormen waarop de beslagvrije voet is gebaseerd',
  ],
  stappen: [
    { wat: 'Het maximum voor uw leefsituatie (alleenstaande, alleenstaande ouder, gehuwd zonder of met kinderen) op de peildatum.', grondslag: 'art. 475da lid 1 Rv' },
    { wat: 'Beslag op bijstand: 95 % van uw bijstandsnorm inclusief vakantietoeslag, min uw andere inkomen.', grondslag: 'art. 475dc lid 2 Rv' },
    { wat: 'Geen woonadres in de BRP: 47,5 % van de bijstandsnorm voor gehuwden.', grondslag: 'art. 475da lid 4 Rv' },
    { wat: 'Anders: de formule van lid 2 (95 % van de bijstandsnorm plus delen voor zorgtoeslag, huurtoeslag en kindgebonden budget), ten hoogste het maximum; op verzoek verhoogd met hoge woonkosten.', grondslag: 'art. 475da lid 2, 3 en 5 Rv' },
    { wat: 'In deze volgorde verminderd met: niet-beslagen inkomen van uw echtgenoot (ten hoogste de helft), uw eigen niet-beslagen inkomen, en loonbelasting over een leaseauto.', grondslag: 'art. 475db Rv' },
    { wat: 'Nooit meer dan 95 % van uw maandinkomen inclusief vakantiebijslag (naar beneden afgerond op centen).', grondslag: 'art. 475dc lid 1 Rv' },
    { wat: 'Bankbeslag: het deel van uw banksaldo per kalendermaand dat vrij blijft is het maximum van lid 1 (de helft zonder woonadres en zonder vaste verblijfplaats in het buitenland).', grondslag: 'art. 475a lid 5 en 6 Rv' },
  ],
  beperkingen: [
    'De letters D tot en met L van de formule in art. 475da lid 2 (drempelinkomen, zorgtoeslagpercentage, huurtoeslagfactoren, normhuur, kindgebonden budget) en de standaardpremie van lid 3 zijn nog niet met geverifieerde waarden opgenomen. Een berekening die de formule nodig heeft, wordt daarom geweigerd met een foutmelding die de ontbrekende letter noemt; er wordt niet met een geschatte waarde gerekend.',
    'De verhoging van lid 5 (hoge woonkosten) vraagt de rekenhuur van art. 13 lid 1 onder a Wet op de huurtoeslag; die is nog niet geverifieerd opgenomen.',
    'De verhoging voor eigenaar-bewoners van lid 7 wordt bij algemene maatregel van bestuur bepaald en wordt niet berekend.',
    'Verblijf in een inrichting (art. 475e lid 2) wordt niet berekend.',
    'Art. 475a lid 5 (bankbeslag) staat in de gelezen wetsversies vanaf 2024-07-01; voor eerdere peildata wordt het vrije bedrag niet gegeven.',
    'Afrondingen die de wet niet voorschrijft zijn per stap vermeld; 95 % van het inkomen wordt naar beneden afgerond zodat de schuldeiser altijd ten minste 5 % krijgt.',
  ],
  parameters: beslagvrijeVoetParameters,
}
