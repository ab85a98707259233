import { centen, datumPeriode, euro, maakRegel, overlaps, periodeTekst, tekst, uitleg } from './samenloop-regel.js'

/** Study finance during bijstand (Participatiewet art. 13 lid 2 onder c: no bijstand for students with a right to it). */
export const studiefinancieringRegel = maakRegel({
  id: 'samenloop.studiefinanciering', versie: '1.0.0', soort: 'studiefinanciering', bron: 'duo-studiefinanciering',
  titel: 'Studiefinanciering tijdens bijstand',
  regel: 'Een periode met studiefinanciering van DUO die overlapt met een periode in de samenloop-populatie. Eén signaal '
    + 'per onderwijssoort en ingangsdatum; andere maandbedragen geven één correctiesignaal.',
  waarom: 'Wie jonger is dan 27 en in verband met een opleiding recht heeft op studiefinanciering, heeft geen recht op '
    + 'algemene bijstand (art. 13 lid 2 onder c Participatiewet); voor iedereen telt studiefinanciering als inkomen (art. 33 lid 2).',
  gegevens: {
    ingangsdatum: 'Begin van de periode', einddatum: 'Einde van de periode (leeg: loopt nog)', onderwijssoort: 'mbo, hbo of wo',
    basisbeursCent: 'Basisbeurs per maand, in eurocent', aanvullendeBeursCent: 'Aanvullende beurs per maand, in eurocent',
    leningCent: 'Lening per maand, in eurocent',
  },
  grenzen: [
    'De regel kijkt niet naar de leeftijd: ook wie 27 of ouder is, krijgt een signaal, terwijl de uitsluiting van art. 13 '
      + 'lid 2 onder c alleen geldt voor wie jonger dan 27 is. Voor hen telt de studiefinanciering als inkomen.',
    'Eén gedeelde dag tussen de periode met studiefinanciering en de bijstandsperiode is genoeg.',
  ],
  wijzigingen: [{ versie: '1.0.0', datum: '2026-11-28', wat: 'Eerste versie' }],
}, (feit, indicatie) => {
  const g = feit.gegevens
  const periode = datumPeriode(g, 'ingangsdatum', 'einddatum')
  const onderwijssoort = tekst(g, 'onderwijssoort')
  if (!periode || !onderwijssoort || !overlaps(periode, indicatie.periode)) return undefined
  const bedragen = { basisbeursCent: centen(g, 'basisbeursCent') ?? 0, aanvullendeBeursCent: centen(g, 'aanvullendeBeursCent') ?? 0, leningCent: centen(g, 'leningCent') ?? 0 }
  const totaal = bedragen.basisbeursCent + bedragen.aanvullendeBeursCent + bedragen.leningCent
  return {
    sleutel: `${feit.bsn}|${onderwijssoort}|${periode.van}`, periode,
    uitleg: uitleg(`Volgens DUO krijgt de inwoner studiefinanciering voor ${onderwijssoort} ${periodeTekst(periode)}: ${euro(totaal)} per maand (beurs en lening samen).`, feit, periodeTekst(periode)),
    gegevens: { ingangsdatum: periode.van, einddatum: periode.tot ?? null, onderwijssoort, ...bedragen },
    inhoud: { ingangsdatum: periode.van, onderwijssoort, ...bedragen },
  }
})
