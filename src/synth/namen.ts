import type { Rng } from './rng.js'

/**
 * Name lists for synthetic residents. Common Dutch names plus names common among Dutch residents with a migration
 * background, so that name matching in the hub meets realistic variety (voorvoegsels, accents, short and long names).
 */
export const VOORNAMEN_M = [
  'Jan', 'Pieter', 'Kees', 'Hendrik', 'Johannes', 'Cornelis', 'Willem', 'Gerrit', 'Dirk', 'Jacobus', 'Thomas', 'Daan',
  'Sem', 'Lucas', 'Levi', 'Finn', 'Noah', 'Bram', 'Luuk', 'Milan', 'Jesse', 'Thijs', 'Ruben', 'Tim', 'Lars', 'Stijn',
  'Jeroen', 'Martijn', 'Bas', 'Sander', 'Mark', 'Dennis', 'Erik', 'Frank', 'Hans', 'Marco', 'Patrick', 'Rob', 'Wouter',
  'Joost', 'Mohamed', 'Ahmed', 'Yusuf', 'Omar', 'Mehmet', 'Mustafa', 'Ali', 'Ibrahim', 'Hamza', 'Adam', 'Rayan',
  'Piotr', 'Tomasz', 'Krzysztof', 'Giovanni', 'José', 'Rajesh', 'Sunil', 'Kwame', 'Dmitri', 'Oleksandr', 'Björn',
  'Sven', 'Gijs', 'Teun', 'Julian', 'Max', 'Sam', 'Jens', 'Koen', 'Niels', 'Rik', 'Arjen', 'Henk', 'Gert-Jan',
]

export const VOORNAMEN_V = [
  'Maria', 'Johanna', 'Cornelia', 'Anna', 'Wilhelmina', 'Elisabeth', 'Hendrika', 'Geertruida', 'Emma', 'Julia',
  'Mila', 'Tess', 'Sophie', 'Zoë', 'Sara', 'Nora', 'Eva', 'Anne', 'Fleur', 'Lotte', 'Lisa', 'Sanne', 'Femke',
  'Iris', 'Noor', 'Evi', 'Saar', 'Linda', 'Marieke', 'Ingrid', 'Monique', 'Petra', 'Esther', 'Sandra', 'Karin',
  'Annemarie', 'Miriam', 'Judith', 'Ellen', 'Wendy', 'Fatima', 'Aïcha', 'Khadija', 'Yasmina', 'Elif', 'Ayşe',
  'Zeynep', 'Meryem', 'Nadia', 'Samira', 'Agnieszka', 'Katarzyna', 'Anna-Lena', 'Chiara', 'Priya', 'Ama', 'Olena',
  'Natalia', 'Ingeborg', 'Marloes', 'Merel', 'Roos', 'Isa', 'Liv', 'Yara', 'Hanna', 'Jasmijn', 'Fenna', 'Renée',
]

/** `[voorvoegsel, geslachtsnaam]`; an empty voorvoegsel means none. */
export const ACHTERNAMEN: readonly (readonly [string, string])[] = [
  ['de', 'Jong'], ['', 'Jansen'], ['de', 'Vries'], ['van den', 'Berg'], ['van', 'Dijk'], ['', 'Bakker'],
  ['', 'Janssen'], ['', 'Visser'], ['', 'Smit'], ['', 'Meijer'], ['de', 'Boer'], ['', 'Mulder'], ['de', 'Groot'],
  ['', 'Bos'], ['', 'Vos'], ['', 'Peters'], ['', 'Hendriks'], ['van', 'Leeuwen'], ['', 'Dekker'], ['', 'Brouwer'],
  ['de', 'Wit'], ['', 'Dijkstra'], ['', 'Smits'], ['de', 'Graaf'], ['van der', 'Meer'], ['van der', 'Linden'],
  ['', 'Kok'], ['', 'Jacobs'], ['de', 'Haan'], ['', 'Vermeulen'], ['van den', 'Heuvel'], ['van der', 'Veen'],
  ['van den', 'Broek'], ['de', 'Bruijn'], ['de', 'Bruin'], ['van der', 'Heijden'], ['', 'Schouten'], ['van', 'Beek'],
  ['', 'Willems'], ['van', 'Vliet'], ['van de', 'Ven'], ['', 'Hoekstra'], ['', 'Maas'], ['', 'Verhoeven'],
  ['', 'Koster'], ['van', 'Dam'], ['van der', 'Wal'], ['', 'Prins'], ['', 'Blom'], ['', 'Huisman'], ['', 'Peeters'],
  ['de', 'Jonge'], ['', 'Kuipers'], ['van', 'Veen'], ['', 'Post'], ['', 'Kuiper'], ['', 'Veenstra'], ['', 'Kramer'],
  ['van den', 'Brink'], ['', 'Scholten'], ['van', 'Wijk'], ['', 'Postma'], ['', 'Martens'], ['', 'Vink'],
  ['de', 'Ruiter'], ['', 'Timmermans'], ['', 'Groen'], ['', 'Gerritsen'], ['', 'Jonker'], ['van', 'Loon'],
  ['', 'Boer'], ['van der', 'Velde'], ['', 'Willemsen'], ['', 'Smeets'], ['de', 'Lange'], ['de', 'Vos'],
  ['', 'Bosch'], ['van', 'Dongen'], ['', 'Schipper'], ['de', 'Koning'], ['van der', 'Laan'], ['', 'Koning'],
  ['van der', 'Velden'], ['', 'Driessen'], ['van', 'Doorn'], ['', 'Hermans'], ['', 'Evers'], ['van den', 'Bosch'],
  ['van der', 'Meulen'], ['', 'Hofman'], ['', 'Bosman'], ['', 'Wolters'], ['', 'Sanders'], ['van der', 'Horst'],
  ['', 'Mol'], ['', 'Kuijpers'], ['', 'Molenaar'], ['van de', 'Pol'], ['de', 'Leeuw'], ['', 'Verbeek'],
  ['', 'El Amrani'], ['', 'Bouzid'], ['', 'Yılmaz'], ['', 'Kaya'], ['', 'Demir'], ['', 'Şahin'], ['', 'Çelik'],
  ['', 'Öztürk'], ['', 'Aydın'], ['', 'El Idrissi'], ['', 'Benali'], ['', 'Ahmadi'], ['', 'Nowak'], ['', 'Kowalski'],
  ['', 'Wiśniewska'], ['', 'Rossi'], ['', 'García'], ['', 'Singh'], ['', 'Ramdin'], ['', 'Mensah'], ['', 'Asante'],
  ['', 'Kovalenko'], ['', 'Haile'], ['', 'Tesfaye'], ['', 'Nguyen'], ['', 'Wang'], ['', 'Oosterhuis-Mulder'],
]

export const STRAATNAMEN = [
  'Kerkstraat', 'Schoolstraat', 'Molenstraat', 'Dorpsstraat', 'Julianastraat', 'Wilhelminastraat', 'Beatrixstraat',
  'Emmastraat', 'Nieuwstraat', 'Stationsweg', 'Hoofdstraat', 'Markt', 'Kastanjelaan', 'Eikenlaan', 'Lindelaan',
  'Beukenlaan', 'Berkenlaan', 'Parallelweg', 'Industrieweg', 'Sportlaan', 'Molenweg', 'Oranjestraat', 'Prins Bernhardstraat',
  'Prinses Margrietstraat', 'Irenestraat', 'Vondelstraat', 'Rembrandtlaan', 'Van Goghstraat', 'Mozartlaan', 'Dahliastraat',
  'Rozenstraat', 'Tulpstraat', 'Populierenlaan', 'Wilgenlaan', 'Esdoornlaan', 'Meidoornstraat', 'Merelstraat',
  'Zwaluwstraat', 'Koolmeesstraat', 'Spoorstraat', 'Havenstraat', 'Burgemeester de Withstraat', 'Zuiderweg',
  'Noorderweg', 'Westerstraat', 'Oosterstraat', 'Achterweg', 'Veldweg', 'Hogeweg', 'Lageweg', 'De Ruyterstraat',
  'Tjalmaweg', 'Prins Hendrikkade', 'Singel', 'Gracht', 'Leeuwerikstraat', 'Sint Janstraat', 'Brugstraat',
  'Vlasstraat', 'Graaf Florisweg', 'Johan de Wittlaan', 'Hugo de Grootstraat', 'Thorbeckestraat', 'Anne Frankstraat',
]

export interface Naam {
  readonly voornamen: string
  readonly voorvoegsel: string
  readonly geslachtsnaam: string
}

/** A first name (sometimes two) for the given sex. */
export function voornamen(rng: Rng, geslacht: 'M' | 'V'): string {
  const lijst = geslacht === 'M' ? VOORNAMEN_M : VOORNAMEN_V
  const eerste = rng.pick(lijst)
  return rng.chance(0.25) ? `${eerste} ${rng.pick(lijst)}` : eerste
}

/** A family name as a `[voorvoegsel, geslachtsnaam]` pair. */
export function achternaam(rng: Rng): readonly [string, string] {
  return rng.pick(ACHTERNAMEN)
}
