import { bronFormaat, datumGeldig, nietOmgekeerd } from './bron-formaat.js'

/** RDW kentekenregister: one line per registration of a vehicle to a person. Key: plate and start date. */
export const rdwVoertuigen = bronFormaat({
  naam: 'rdw-voertuigen',
  kolommen: {
    bsn: 'bsn', kenteken: { patroon: /^[A-Z0-9]{1,3}-[A-Z0-9]{1,3}-[A-Z0-9]{1,3}$/, uitleg: 'kenteken in hoofdletters met streepjes, bijvoorbeeld GB-22-NL' },
    datumAanvang: 'datum', datumEinde: 'datum?', dagwaardeCent: 'cent',
  },
  sleutel: (g) => `${g.kenteken}|${g.datumAanvang}`,
  geldig: (g) => datumGeldig(g.datumAanvang, g.datumEinde),
  controle: (g) => nietOmgekeerd(g.datumAanvang, g.datumEinde, 'datumEinde'),
})
