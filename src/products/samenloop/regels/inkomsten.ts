import { centen, euro, maakRegel, maandTekst, maandVan, overlaps, tekst, uitleg } from './samenloop-regel.js'

const POLIS_VELDEN = {
  periode: 'De loonperiode (maand)',
  inkomstenverhoudingId: 'Kenmerk van de dienstbetrekking bij UWV',
  werkgeverNaam: 'Naam van de werkgever',
  loonheffingennummer: 'Loonheffingennummer van de werkgever',
  soortInkomen: 'Soort inkomen volgens de polis',
  brutoloonCent: 'Brutoloon in de maand, in eurocent',
  loonheffingCent: 'Ingehouden loonheffing in de maand, in eurocent',
  uren: 'Betaalde uren in de maand',
} as const

/** The polis fields a samenloop signal carries (shared with the polis-uitkering rule). */
export function polisGegevens(g: Readonly<Record<string, unknown>>) {
  return {
    periode: tekst(g, 'periode'), inkomstenverhoudingId: tekst(g, 'inkomstenverhoudingId'), werkgeverNaam: tekst(g, 'werkgeverNaam') ?? null,
    loonheffingennummer: tekst(g, 'loonheffingennummer') ?? null, soortInkomen: tekst(g, 'soortInkomen'),
    brutoloonCent: centen(g, 'brutoloonCent'), loonheffingCent: centen(g, 'loonheffingCent') ?? null, uren: centen(g, 'uren') ?? null,
  }
}

export { POLIS_VELDEN }

/** Loon in a month in which the gemeente pays bijstand (Participatiewet art. 31, 17). */
export const inkomstenRegel = maakRegel({
  id: 'samenloop.inkomsten', versie: '1.0.0', soort: 'inkomsten', bron: 'uwv-polis',
  titel: 'Inkomsten uit werk tijdens bijstand',
  regel: 'Een regel uit de Polisadministratie met soort inkomen "loon" en een brutoloon boven € 0, waarvan de maand '
    + 'overlapt met een periode waarin de gemeente de inwoner in haar samenloop-populatie heeft. Eén signaal per '
    + 'inkomstenverhouding per maand; komt dezelfde regel opnieuw, dan volgt niets; komt dezelfde maand met een ander '
    + 'gegeven (bedragen, uren, werkgever of loonheffingennummer), dan volgt één nieuw signaal met "correctie".',
  waarom: 'Inkomsten tellen mee bij het recht op bijstand (art. 31 Participatiewet) en de inwoner moet ze melden '
    + '(art. 17). Met dit signaal kan de gemeente de bijstand op tijd aanpassen, zodat er geen hoge terugvordering ontstaat.',
  gegevens: POLIS_VELDEN,
  grenzen: [
    'De regel kijkt naar het brutoloon in de Polisadministratie. Welk deel daarvan meetelt voor de bijstand (na aftrek '
      + 'van loonheffing en met de vrijlatingen van art. 31 Participatiewet), rekent de gemeente zelf uit.',
    'Eén gedeelde dag tussen de loonmaand en de bijstandsperiode is genoeg: ook loon over de maand waarin de bijstand '
      + 'begon of eindigde geeft een signaal.',
    'Alleen soort inkomen "loon"; een uitkering in de Polisadministratie geeft een signaal van de soort uitkering.',
  ],
  wijzigingen: [{ versie: '1.0.0', datum: '2026-11-28', wat: 'Eerste versie' }],
}, (feit, indicatie) => {
  const g = feit.gegevens
  const periode = maandVan(g)
  const id = tekst(g, 'inkomstenverhoudingId')
  const bruto = centen(g, 'brutoloonCent')
  if (tekst(g, 'soortInkomen') !== 'loon' || !periode || !id || bruto === undefined || bruto <= 0) return undefined
  if (!overlaps(periode, indicatie.periode)) return undefined
  return { sleutel: `${feit.bsn}|${id}|${String(g.periode)}`, periode, gegevens: polisGegevens(g) }
}, function inkomstenUitleg(s) {
  // From the stored `gegevens` (polisGegevens of the line) and the source line (`bronnen[0]`).
  const g = s.gegevens
  const werkgever = tekst(g, 'werkgeverNaam') ?? 'een werkgever'
  const maand = maandTekst(String(g.periode))
  return uitleg(`Volgens de loonaangifte heeft ${werkgever} in ${maand} loon betaald: ${euro(centen(g, 'brutoloonCent')!)} bruto.`, s.bronnen[0]!, maand)
})
