import { datumPeriode, maakRegel, overlaps, periodeTekst, tekst, uitleg } from './samenloop-regel.js'

const SOORTEN: Readonly<Record<string, string>> = {
  'voorlopige-hechtenis': 'voorlopige hechtenis', gevangenisstraf: 'een gevangenisstraf', 'vervangende-hechtenis': 'vervangende hechtenis',
}

/** Detention during bijstand: no right to bijstand while detained (Participatiewet art. 13 lid 1 onder a). */
export const detentieRegel = maakRegel({
  id: 'samenloop.detentie', versie: '1.0.0', soort: 'detentie', bron: 'dji-detenties',
  titel: 'Detentie tijdens bijstand',
  regel: 'Een detentie bij DJI waarvan de periode overlapt met een periode in de samenloop-populatie. Eén signaal per '
    + 'detentie; een andere ingangsdatum geeft één correctiesignaal, een later bekende einddatum of een andere soort '
    + 'detentie geeft geen nieuw signaal.',
  waarom: 'Wie in detentie is, heeft geen recht op bijstand (art. 13 lid 1 onder a Participatiewet). De gemeente moet '
    + 'de bijstand dan stopzetten of aanpassen, en kan na vrijlating helpen met een nieuwe start.',
  gegevens: {
    detentieId: 'Kenmerk van de detentie', ingangsdatum: 'Eerste dag van de detentie',
    einddatum: 'Dag van vrijlating (leeg: nog gedetineerd)', soortDetentie: 'Soort detentie',
  },
  grenzen: [
    'Eén gedeelde dag tussen de detentie en de bijstandsperiode is genoeg.',
    'Voor sommige groepen geldt de uitsluiting niet, bijvoorbeeld bij een straf die buiten een inrichting wordt '
      + 'uitgevoerd (art. 13 lid 3 Participatiewet). De regel maakt dat onderscheid niet; de gemeente wel.',
  ],
  wijzigingen: [{ versie: '1.0.0', datum: '2026-11-28', wat: 'Eerste versie' }],
}, (feit, indicatie) => {
  const g = feit.gegevens
  const id = tekst(g, 'detentieId')
  const periode = datumPeriode(g, 'ingangsdatum', 'einddatum')
  if (!id || !periode || !overlaps(periode, indicatie.periode)) return undefined
  const soort = tekst(g, 'soortDetentie') ?? null
  return {
    sleutel: `${feit.bsn}|${id}`, periode,
    uitleg: uitleg(`Volgens DJI is de inwoner gedetineerd (${SOORTEN[soort ?? ''] ?? 'detentie'}) ${periodeTekst(periode)}.`, feit, periodeTekst(periode)),
    gegevens: { detentieId: id, ingangsdatum: periode.van, einddatum: periode.tot ?? null, soortDetentie: soort },
    inhoud: { detentieId: id, ingangsdatum: periode.van },
  }
})
