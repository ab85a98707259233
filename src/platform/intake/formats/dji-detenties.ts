import { bronFormaat, datumGeldig, nietOmgekeerd } from './bron-formaat.js'

/** DJI detentions. Key: the detention id (stable across deliveries). */
export const djiDetenties = bronFormaat({
  naam: 'dji-detenties',
  kolommen: {
    bsn: 'bsn', detentieId: 'tekst', ingangsdatum: 'datum', einddatum: 'datum?',
    soortDetentie: { keuze: ['voorlopige-hechtenis', 'gevangenisstraf', 'vervangende-hechtenis'] }, inrichting: 'tekst',
  },
  sleutel: (g) => `${g.detentieId}`,
  geldig: (g) => datumGeldig(g.ingangsdatum, g.einddatum),
  controle: (g) => nietOmgekeerd(g.ingangsdatum, g.einddatum, 'einddatum'),
})
