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
    'Waarden voor de letters D tot en met L, de standaardpremie en de andere bedragen van de formule zijn opgenomen van 1 januari 2022 tot en met 31 december 2025, met één uitzondering: voor een alleenstaande ontbreken vanaf 1 januari 2025 de normhuurfactoren F en G. Sinds 2025 volgt het minimum-inkomensijkpunt van de huurtoeslag voor een eenpersoonshuishouden uit AOW-bedragen "naar redelijke verwachting"; de regeling met de vastgestelde factoren is niet gelezen en de controle met lid 8 toetst F en G niet. Een berekening met de formule voor een alleenstaande in 2025 wordt daarom geweigerd met een foutmelding die letter F noemt. Vanaf 1 januari 2026 (het nieuwe huurtoeslagstelsel, met de gewijzigde formule I × (F / 12) of H − J) zijn de letters nog niet opgenomen en wordt elke berekening met de formule geweigerd. Er wordt nooit met een geschatte of oudere waarde gerekend.',
    'De betekenis van de letters staat in art. 475da lid 2 na de formules ("Hierbij staat …"); die opsomming ontbrak in de geraadpleegde wettekst. De koppeling van de letters aan de bedragen is afgeleid en gecontroleerd met lid 8: met de opgenomen letters komen de gepubliceerde maxima van lid 1 voor 2022 op ten hoogste een cent na en voor elk halfjaar van 2024 en 2025 op de cent uit (voor de alleenstaande in 2025 alleen het deel met het plafond van lid 3). Daarom staan D, de normhuurfactoren F tot en met I, L (2023), E (2023 en 2025) en de standaardpremie 2022–2023 als niet geverifieerd in de tabel, met de afleiding erbij.',
    'Het drempelinkomen D: de Wet op de zorgtoeslag noemt het minimumloon van januari. De gepubliceerde maxima rekenen in het kindgebonden-budgetdeel per 1 juli 2022, 2023 en 2024 met het minimumloon van juli, en in 2025 het hele jaar met dat van januari; D volgt die maxima. Bij het inkomen van lid 8 zit het zorgtoeslagdeel aan het plafond, zodat lid 8 niet laat zien welk drempelinkomen in het zorgtoeslagdeel hoort. Voor 1 juli 2023 wijst het gepubliceerde maximum van de alleenstaande op januari; in juli-halfjaren kan het zorgtoeslagdeel bij inkomens onder het plafond daardoor enkele euro\'s te laag uitvallen. Dit is een open punt.',
    'De normhuurfactoren F tot en met I zijn niet gelezen maar afgeleid volgens art. 19 lid 2 Wet op de huurtoeslag. Voor 2024 met de regel van de Regeling huurtoeslaggrenzen 2023 (minimum-inkomensijkpunt naar boven afgerond op € 25, factoren op 12 decimalen); die regel geeft de factoren van 2023 exact. Voor 2025 is het minimum-inkomensijkpunt voor meerpersoonshuishoudens (€ 30.450) bepaald met lid 8 zelf; voor die letters is lid 8 in 2025 dus geen onafhankelijke controle.',
    'Open punten 2023: voor een alleenstaande ouder komt de controle met lid 8 7 à 8 cent hoger uit dan het gepubliceerde maximum (met de factoren van de Regeling huurtoeslaggrenzen 2023 is dat verschil weg, maar dan wijkt de gehuwde met kinderen 7 à 8 cent af zolang L op € 18.340 staat); voor een alleenstaande per 1 juli 2023 ligt het zorgtoeslagdeel bij het inkomen van lid 8 onder het plafond van lid 3, terwijl het gepubliceerde maximum van het plafond uitgaat. Het maximum van lid 1 begrenst de uitkomst altijd.',
    'Lid 3 noemt "de standaardpremie"; voor gehuwden wordt, zoals art. 2 lid 1 Wet op de zorgtoeslag voor een verzekerde met partner, tweemaal de standaardpremie genomen. Alleen zo komen de gepubliceerde maxima voor gehuwden uit.',
    'De verhoging van lid 5 (hoge woonkosten) wordt nog niet berekend; de rekenhuur van art. 13 lid 1 onder a Wet op de huurtoeslag is wel opgenomen.',
    'De verhoging voor eigenaar-bewoners van lid 7 wordt bij algemene maatregel van bestuur bepaald en wordt niet berekend.',
    'Verblijf in een inrichting (art. 475e lid 2) wordt niet berekend.',
    'Art. 475a lid 5 (bankbeslag) staat in de gelezen wetsversies vanaf 2024-07-01; voor eerdere peildata wordt het vrije bedrag niet gegeven.',
    'Afrondingen die de wet niet voorschrijft zijn per stap vermeld; 95 % van het inkomen wordt naar beneden afgerond zodat de schuldeiser altijd ten minste 5 % krijgt.',
  ],
  parameters: beslagvrijeVoetParameters,
}
