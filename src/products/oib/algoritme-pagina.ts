/**
 * The algoritmeregister page for the OIB month overview, rendered with an example the hub computes itself
 * (`stelOverzichtSamen`), so the published text cannot drift from what the hub does; a test compares. Write it with:
 * `node --import tsx src/products/oib/algoritme-pagina.ts`.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { formatEuro, type Cent, type Maand } from '../../core/index.js'
import { stelOverzichtSamen, type PolisFeit } from './oib-overzicht.js'

export const OIB_DOCS_MAP = fileURLToPath(new URL('../../../docs/algoritmeregister/oib', import.meta.url))

const euro = (c: number) => formatEuro(c as Cent).replace(/\s/g, ' ')

function voorbeeld(): string[] {
  const polis = (id: string, werkgever: string, soort: string, bruto: number, lh: number, vastgelegd: string): PolisFeit => ({
    id: 0, bsn: '000000001', sleutel: `${id}|2026-01`, leveringId: 'polis-2026-01', regel: 2, vastgelegd,
    gegevens: JSON.stringify({ periode: '2026-01', inkomstenverhoudingId: id, werkgeverNaam: werkgever, soortInkomen: soort, brutoloonCent: bruto, loonheffingCent: lh }),
  })
  const o = stelOverzichtSamen('000000001', '2026-01' as Maand, null, [
    polis('IKV-1', 'Bakkerij De Korst', 'loon', 125_000, 8_250, '2026-02-01T00:00:00Z'),
    polis('UWV-2', 'UWV', 'ww', 80_000, 4_000, '2026-02-01T00:00:00Z'),
    polis('UWV-2', 'UWV', 'ww', 82_500, 4_400, '2026-02-20T00:00:00Z'),
  ])
  return [
    'Een cliënt werkt in januari 2026 bij een bakkerij en krijgt daarnaast WW. UWV corrigeert de WW-regel later; alleen de correctie telt.', '',
    '| inkomstenverhouding | bruto | ingehouden loonheffing | netto indicatief |', '|---|---|---|---|',
    ...o.inkomstenverhoudingen.map((v) => `| ${v.werkgeverNaam} (${v.soortInkomen}) | ${euro(v.brutoloonCent)} | ${euro(v.loonheffingCent)} | ${euro(v.nettoIndicatiefCent)} |`),
    `| **totaal** | | | **${euro(o.nettoIndicatiefCent)}** |`, '',
  ]
}

/** The page. */
export function renderOibPagina(): string {
  return [
    '# OIB: maandoverzicht van inkomsten en netto indicatief inkomen', '',
    '<!-- Gegenereerd door src/products/oib/algoritme-pagina.ts; niet met de hand bewerken. -->', '',
    '## Waarvoor', '',
    'Een gemeente die bijstand geeft, moet ander inkomen van de cliënt verrekenen (art. 31 en 32 Participatiewet). Het OIB-overzicht laat per cliënt per maand zien welke inkomsten de Polisadministratie van UWV kent, met een schatting van het netto inkomen. De gemeente gebruikt dat als hulpmiddel; het bedrag dat zij verrekent, stelt zij zelf vast.', '',
    '## Welke gegevens', '',
    '- Alleen cliënten die de gemeente zelf heeft aangemeld voor OIB (de populatie `oib`), en alleen maanden waarin die aanmelding loopt.',
    '- Uit de Polisadministratie (bestandsformaat `uwv-polis`): per inkomstenverhouding de werkgever of uitkeringsinstantie, het loonheffingennummer, de soort inkomen, het brutoloon en de ingehouden loonheffing.', '',
    '## Zo wordt het overzicht gemaakt', '',
    '1. Per inkomstenverhouding telt alleen de laatst ontvangen regel over die maand: een correctie van UWV vervangt de eerdere regel.',
    '2. Per inkomstenverhouding wordt het netto indicatief inkomen berekend volgens de methode [netto indicatief inkomen](../netto-inkomen.md): brutoloon min ingehouden loonheffing, nooit minder dan nul. De polisregels bevatten geen reservering voor vakantiebijslag; die wordt dus niet meegeteld.',
    '3. Het netto indicatief inkomen van de cliënt is de som over alle inkomstenverhoudingen van die maand.',
    '4. Een cliënt zonder inkomstenverhouding in die maand staat er ook in, met een lege lijst en € 0,00: ook "niets bekend" is informatie.', '',
    'Bedragen zijn hele eurocenten; er wordt niet afgerond.', '',
    '## Voorbeeld', '', ...voorbeeld(),
    '## Beperkingen', '',
    '- Het netto bedrag is een schatting: het is niet het bedrag dat de werkgever werkelijk heeft uitbetaald (andere inhoudingen, zoals pensioenpremie, staan niet in deze polisgegevens).',
    '- De Polisadministratie loopt achter op de werkelijkheid: de loonaangifte over een maand komt pas in de maand erna binnen en kan later nog worden gecorrigeerd. Als een maand verandert, krijgt de gemeente daar bericht van.',
    '- Elke keer dat de gemeente een overzicht leest, staat per cliënt in het logboek. Een inwoner kan via de privacyfunctionaris van de gemeente opvragen welke verwerkingen er over hem of haar zijn geweest.',
    '',
  ].join('\n')
}

function main(): void {
  mkdirSync(OIB_DOCS_MAP, { recursive: true })
  writeFileSync(join(OIB_DOCS_MAP, 'README.md'), renderOibPagina())
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main()
