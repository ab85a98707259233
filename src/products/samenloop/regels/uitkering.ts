import { centen, datumPeriode, datumTekst, euro, maakRegel, maandTekst, maandVan, overlaps, periodeTekst, tekst, uitleg } from './samenloop-regel.js'
import { POLIS_VELDEN, polisGegevens } from './inkomsten.js'

const POLIS_UITKERINGEN: Readonly<Record<string, string>> = {
  ww: 'een WW-uitkering', zw: 'een Ziektewet-uitkering', wia: 'een WIA-uitkering', wajong: 'een Wajong-uitkering',
  overig: 'een andere uitkering of inkomsten (geen loon)',
}

const WAAROM = 'Een andere uitkering is inkomen dat meetelt bij het recht op bijstand (art. 31 Participatiewet) en dat de '
  + 'inwoner moet melden (art. 17). Bijstand is een vangnet: wie een andere uitkering krijgt, heeft vaak minder of geen '
  + 'bijstand nodig.'

/** A benefit from UWV (polis, not loon) in a month with bijstand. */
export const uitkeringPolisRegel = maakRegel({
  id: 'samenloop.uitkering-polis', versie: '1.0.0', soort: 'uitkering', bron: 'uwv-polis',
  titel: 'Uitkering van UWV tijdens bijstand',
  regel: 'Een regel uit de Polisadministratie met een ander soort inkomen dan loon (WW, Ziektewet, WIA, Wajong of '
    + 'overig) en een bedrag boven € 0, waarvan de maand overlapt met een periode in de samenloop-populatie. Eén signaal '
    + 'per inkomstenverhouding per maand; een ander gegeven voor dezelfde maand (soort uitkering, bedragen, uren, werkgever '
    + 'of loonheffingennummer) geeft één correctiesignaal.',
  waarom: WAAROM,
  gegevens: POLIS_VELDEN,
  grenzen: [
    'Het bedrag uit de Polisadministratie is bruto; hoeveel ervan meetelt voor de bijstand, rekent de gemeente zelf uit.',
    'Eén gedeelde dag tussen de maand of de looptijd van de uitkering en de bijstandsperiode is genoeg.',
  ],
  wijzigingen: [{ versie: '1.0.0', datum: '2026-11-28', wat: 'Eerste versie' }],
}, (feit, indicatie) => {
  const g = feit.gegevens
  const soort = tekst(g, 'soortInkomen')
  const periode = maandVan(g)
  const id = tekst(g, 'inkomstenverhoudingId')
  const bruto = centen(g, 'brutoloonCent')
  if (!soort || soort === 'loon' || !periode || !id || bruto === undefined || bruto <= 0) return undefined
  if (!overlaps(periode, indicatie.periode)) return undefined
  return { sleutel: `${feit.bsn}|polis|${id}|${String(g.periode)}`, periode, gegevens: polisGegevens(g) }
}, function uitkeringPolisUitleg(s) {
  // From the stored `gegevens` (polisGegevens of the line) and the source line (`bronnen[0]`).
  const g = s.gegevens
  const maand = maandTekst(String(g.periode))
  const wat = POLIS_UITKERINGEN[tekst(g, 'soortInkomen') ?? ''] ?? 'een uitkering'
  return uitleg(`Volgens de Polisadministratie is in ${maand} ${wat} betaald: ${euro(centen(g, 'brutoloonCent')!)} bruto.`, s.bronnen[0]!, maand)
})

const SVB_REGELINGEN: Readonly<Record<string, string>> = { aow: 'AOW-pensioen', anw: 'een nabestaandenuitkering (Anw)' }

/** AOW or Anw from the SVB during bijstand. */
export const uitkeringSvbRegel = maakRegel({
  id: 'samenloop.uitkering-svb', versie: '1.0.0', soort: 'uitkering', bron: 'svb-uitkeringen',
  titel: 'AOW of Anw van de SVB tijdens bijstand',
  regel: 'Een AOW- of Anw-uitkering van de SVB waarvan de looptijd overlapt met een periode in de samenloop-populatie. '
    + 'Eén signaal per regeling en ingangsdatum; een ander maandbedrag geeft één correctiesignaal.',
  waarom: WAAROM,
  gegevens: {
    regeling: 'AOW of Anw', ingangsdatum: 'Begin van de uitkering', einddatum: 'Einde van de uitkering (leeg: loopt nog)',
    brutoMaandbedragCent: 'Bruto maandbedrag zonder vakantiegeld, in eurocent', leefsituatie: 'Leefsituatie waarop de SVB het bedrag baseert',
  },
  grenzen: [
    'Elke AOW- of Anw-uitkering die overlapt met de bijstand geeft een signaal, ook bij een maandbedrag van € 0. Een '
      + 'later bekende einddatum of een andere leefsituatie geeft geen nieuw signaal.',
  ],
  wijzigingen: [{ versie: '1.0.0', datum: '2026-11-28', wat: 'Eerste versie' }],
}, (feit, indicatie) => {
  const g = feit.gegevens
  const regeling = tekst(g, 'regeling')
  const periode = datumPeriode(g, 'ingangsdatum', 'einddatum')
  const bedrag = centen(g, 'brutoMaandbedragCent')
  if (!regeling || !periode || bedrag === undefined || !overlaps(periode, indicatie.periode)) return undefined
  const gegevens = { regeling, ingangsdatum: periode.van, einddatum: periode.tot ?? null, brutoMaandbedragCent: bedrag, leefsituatie: tekst(g, 'leefsituatie') ?? null }
  return {
    sleutel: `${feit.bsn}|svb|${regeling}|${periode.van}`, periode,
    uitleg: uitleg(`De SVB betaalt ${SVB_REGELINGEN[regeling] ?? regeling} vanaf ${datumTekst(periode.van)}: ${euro(bedrag)} bruto per maand.`, feit, periodeTekst(periode)),
    gegevens,
    // A later end date is no news for bijstand; a new amount is.
    inhoud: { regeling, ingangsdatum: periode.van, brutoMaandbedragCent: bedrag },
  }
})
