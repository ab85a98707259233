/**
 * File names and header lines of every file the generator writes: the single source of truth that the writers,
 * the tests and docs/formats/ follow. Columns are camelCase, amounts integer eurocents, dates `YYYY-MM-DD`,
 * `periode` `YYYY-MM`, separator `;`, UTF-8, one header line.
 */
export const FORMATEN = {
  'organisaties': ['oin', 'naam', 'soort', 'gemeentecode', 'agbCode', 'regio'],
  'brp-personen': ['bsn', 'voornamen', 'voorvoegsel', 'geslachtsnaam', 'geboortedatum', 'geslacht', 'huishoudenId',
    'rolInHuishouden', 'straat', 'huisnummer', 'postcode', 'gemeentecode', 'status', 'statusdatum'],
  'huishoudens': ['huishoudenId', 'soort', 'aantalLeden', 'straat', 'huisnummer', 'postcode', 'gemeentecode', 'eigenWoning'],
  'brp-mutaties': ['bsn', 'datum', 'soortMutatie', 'gemeentecodeVan', 'gemeentecodeNaar', 'landNaar'],
  'uwv-polis': ['bsn', 'periode', 'inkomstenverhoudingId', 'loonheffingennummer', 'werkgeverNaam', 'soortInkomen',
    'brutoloonCent', 'loonheffingCent', 'uren'],
  'rdw-voertuigen': ['bsn', 'kenteken', 'datumAanvang', 'datumEinde', 'dagwaardeCent'],
  'svb-uitkeringen': ['bsn', 'regeling', 'ingangsdatum', 'einddatum', 'brutoMaandbedragCent', 'leefsituatie'],
  'belastingdienst-vermogen': ['bsn', 'peildatum', 'banktegoedenCent', 'overigeBezittingenCent', 'schuldenCent',
    'rendementsgrondslagCent', 'leefvorm'],
  'belastingdienst-kot-doelgroep': ['bsn', 'periode', 'gemeentecode', 'doelgroep', 'kinderopvangtoeslagCent'],
  'duo-studiefinanciering': ['bsn', 'ingangsdatum', 'einddatum', 'onderwijssoort', 'basisbeursCent',
    'aanvullendeBeursCent', 'leningCent'],
  'duo-onderwijs': ['bsn', 'gebeurtenis', 'datum', 'brin', 'onderwijssoort', 'niveau', 'startkwalificatie'],
  'duo-mbo-aanmeldingen': ['bsn', 'schooljaar', 'vmboBrin', 'aanmeldstatus', 'aanmelddatum', 'mboBrin', 'crebo'],
  'dji-detenties': ['bsn', 'detentieId', 'ingangsdatum', 'einddatum', 'soortDetentie', 'inrichting'],
  'ciz-wlz-indicaties': ['bsn', 'indicatieId', 'besluitdatum', 'ingangsdatum', 'einddatum', 'sector', 'zorgprofiel'],
  'wmo-jeugd-toewijzingen': ['bsn', 'toewijzingId', 'wet', 'gemeentecode', 'agbCode', 'productcategorie',
    'ingangsdatum', 'einddatum', 'omvang', 'eenheid', 'frequentie'],
  'schuldeiser-betalingsachterstanden': ['bsn', 'schuldeiserOin', 'vasteLast', 'signaaldatum', 'achterstandCent',
    'maandenAchterstand'],
  'werkzoekenden': ['bsn', 'bron', 'ingangsdatum', 'gemeentecode', 'beroepswens', 'opleidingsniveau', 'urenPerWeek',
    'toestemmingMatching'],
  'vacatures': ['vacatureId', 'intermediairOin', 'titel', 'gemeentecode', 'urenPerWeek', 'opleidingsniveau',
    'publicatiedatum', 'sluitingsdatum'],
  'kadaster-eigendom': ['bsn', 'kadastraalObjectId', 'postcode', 'huisnummer', 'gemeentecode', 'soortRecht',
    'aandeelTeller', 'aandeelNoemer', 'datumAanvang', 'datumEinde', 'wozWaardeCent'],
  'kvk-inschrijvingen': ['bsn', 'kvkNummer', 'handelsnaam', 'rechtsvorm', 'sbiCode', 'datumAanvang', 'datumEinde',
    'gemeentecode'],
  /** The upload format of `PUT /api/v1/populaties/{product}` (issue 4). */
  'populatie': ['bsn', 'ingangsdatum', 'einddatum', 'referentie'],
} as const satisfies Record<string, readonly string[]>

export type Formaat = keyof typeof FORMATEN

/** Per-gemeente population files: `populatie-<product>-<gemeentecode>.csv`. */
export const POPULATIE_PRODUCTEN = ['samenloop', 'kot-doelgroepouders'] as const
export type PopulatieProduct = (typeof POPULATIE_PRODUCTEN)[number]

export const populatieBestand = (product: PopulatieProduct, gemeentecode: string): string =>
  `populatie-${product}-${gemeentecode}.csv`
