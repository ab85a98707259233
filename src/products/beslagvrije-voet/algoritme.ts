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
    'Participatiewet (BWBR0015703) art. 21: de bijstandsnormen waarop de beslagvrije voet is gebaseerd; art. 23 lid 2: het bedrag dat lid 3 van de standaardpremie aftrekt',
    'Wet op de zorgtoeslag (BWBR0018451) art. 1 en 2: drempelinkomen (D) en het percentage boven het drempelinkomen (E); de standaardpremie (lid 3)',
    'Wet op de huurtoeslag (BWBR0008659) art. 13, 17, 18 en 19: de maximale rekenhuur, de normhuur bij het minimum-inkomensijkpunt (J) en de normhuurformule a × Y² + b × Y (F, G, H, I)',
    'Wet op het kindgebonden budget (BWBR0022751) art. 2 lid 7 en 8: afbouwpercentage (K) en de verhoging van het drempelinkomen voor partners (L)',
  ],
  stappen: [
    { wat: 'Het maximum voor uw leefsituatie (alleenstaande, alleenstaande ouder, gehuwd zonder of met kinderen) op de peildatum.', grondslag: 'art. 475da lid 1 Rv' },
    { wat: 'Beslag op bijstand: 95 % van uw bijstandsnorm inclusief vakantietoeslag, min uw andere inkomen.', grondslag: 'art. 475dc lid 2 Rv' },
    { wat: 'Geen woonadres in de BRP: 47,5 % van de bijstandsnorm voor gehuwden.', grondslag: 'art. 475da lid 4 Rv' },
    { wat: 'Anders: de formule van lid 2. Dat is 95 % van de bijstandsnorm (A voor een alleenstaande of alleenstaande ouder, B voor gehuwden), plus het deel zorgtoeslag dat u bij uw inkomen mist: ((C − D) / 12) × E, ten hoogste de standaardpremie per maand min het bedrag van art. 23 lid 2 Participatiewet (lid 3), plus het deel huurtoeslag dat u mist: de normhuur bij uw inkomen (F × C² + G × C, of H × C² + I × C bij een huishouden van meer personen) min de laagste normhuur J, plus voor ouders het deel kindgebonden budget dat u mist: ((C − D) / 12) × K, voor gehuwden met kinderen ((C − (D + L)) / 12) × K. C is het belastbaar jaarinkomen (bij gehuwden samen). De uitkomst wordt eenmaal op centen afgerond en is nooit hoger dan het maximum van lid 1.', grondslag: 'art. 475da lid 1, 2 en 3 Rv' },
    { wat: 'In deze volgorde verminderd met: niet-beslagen inkomen van uw echtgenoot (ten hoogste de helft), uw eigen niet-beslagen inkomen, en loonbelasting over een leaseauto.', grondslag: 'art. 475db Rv' },
    { wat: 'Nooit meer dan 95 % van uw maandinkomen inclusief vakantiebijslag (naar beneden afgerond op centen).', grondslag: 'art. 475dc lid 1 Rv' },
    { wat: 'Bankbeslag: het deel van uw banksaldo per kalendermaand dat vrij blijft is het maximum van lid 1 (de helft zonder woonadres en zonder vaste verblijfplaats in het buitenland).', grondslag: 'art. 475a lid 5 en 6 Rv' },
  ],
  beperkingen: [
    'Waarden voor de letters D tot en met L en de standaardpremie zijn opgenomen voor 1 januari 2022 tot en met 31 december 2023. Vanaf 1 januari 2024 (en het nieuwe huurtoeslagstelsel van 2026, met de gewijzigde formule I × (F / 12) of H − J) zijn ze nog niet gecontroleerd: een berekening met de formule wordt dan geweigerd met een foutmelding die de ontbrekende letter noemt; er wordt niet met een geschatte of oudere waarde gerekend.',
    'De betekenis van de letters staat in art. 475da lid 2 na de formules ("Hierbij staat …"); die opsomming ontbrak in de geraadpleegde wettekst. De koppeling van de letters aan de bedragen is afgeleid en gecontroleerd met lid 8: met de opgenomen letters komen de gepubliceerde maxima van lid 1 voor 2022 op de cent uit. Daarom staan D, F tot en met I, L (2023) en de standaardpremie als niet geverifieerd in de tabel, met de afleiding erbij.',
    'Open punten 2023: voor een alleenstaande ouder komt de controle met lid 8 7 à 8 cent hoger uit dan het gepubliceerde maximum; voor een alleenstaande per 1 juli 2023 ligt het zorgtoeslagdeel bij het inkomen van lid 8 onder het plafond van lid 3, terwijl het gepubliceerde maximum van het plafond uitgaat. Mogelijk rekent de wet met het drempelinkomen van januari in het zorgtoeslagdeel en met dat van het lopende halfjaar in het kindgebonden-budgetdeel. Het maximum van lid 1 begrenst de uitkomst altijd.',
    'Lid 3 noemt "de standaardpremie"; voor gehuwden wordt, zoals art. 2 lid 1 Wet op de zorgtoeslag voor een verzekerde met partner, tweemaal de standaardpremie genomen. Alleen zo komen de gepubliceerde maxima voor gehuwden uit.',
    'De verhoging van lid 5 (hoge woonkosten) wordt nog niet berekend; de rekenhuur van art. 13 lid 1 onder a Wet op de huurtoeslag is wel opgenomen.',
    'De verhoging voor eigenaar-bewoners van lid 7 wordt bij algemene maatregel van bestuur bepaald en wordt niet berekend.',
    'Verblijf in een inrichting (art. 475e lid 2) wordt niet berekend.',
    'Art. 475a lid 5 (bankbeslag) staat in de gelezen wetsversies vanaf 2024-07-01; voor eerdere peildata wordt het vrije bedrag niet gegeven.',
    'Afrondingen die de wet niet voorschrijft zijn per stap vermeld; 95 % van het inkomen wordt naar beneden afgerond zodat de schuldeiser altijd ten minste 5 % krijgt.',
  ],
  parameters: beslagvrijeVoetParameters,
}
