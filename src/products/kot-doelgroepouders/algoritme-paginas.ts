/**
 * The algoritmeregister pages for doelgroepouders kinderopvangtoeslag, one per difference kind, rendered from the
 * rule itself (its version, its fields, and an explanation it produces for an example), so the published text
 * cannot drift from what the hub does; a test compares. Write them with:
 * `node --import tsx src/products/kot-doelgroepouders/algoritme-paginas.ts`.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Maand } from '../../core/index.js'
import { BRON, KOT_REGEL, vergelijkDoelgroepouders, type KotVerschilSoort } from './vergelijk-doelgroepouders.js'

export const KOT_DOCS_MAP = fileURLToPath(new URL('../../../docs/algoritmeregister/kot-doelgroepouders', import.meta.url))

const NIET_GEGENEREERD = '<!-- Gegenereerd door src/products/kot-doelgroepouders/algoritme-paginas.ts uit de regel zelf; niet met de hand bewerken. -->'

interface Beschrijving {
  readonly titel: string
  readonly regel: string
  readonly waarom: string
  readonly gegevens: Readonly<Record<string, string>>
  /** Which change of the same parent and month makes a correction (what the signal's content hash covers). */
  readonly correctie: string
}

/** Per kind: the rule in words, why the gemeente wants to know, and the fields the signal carries. */
export const BESCHRIJVING: Record<KotVerschilSoort, Beschrijving> = {
  'niet-geregistreerd': {
    titel: 'In het bestand van de Belastingdienst, niet geregistreerd door de gemeente',
    regel: 'Een ouder staat in het maandbestand van de Belastingdienst bij deze gemeente (dezelfde gemeentecode), en de gemeente heeft voor die maand geen registratie van die ouder als doelgroepouder (geen indicatie in de populatie `kot-doelgroepouders` die de maand raakt). Eén signaal per ouder per maand.',
    waarom: 'De Belastingdienst betaalt kinderopvangtoeslag aan een doelgroepouder omdat de gemeente die ouder tot de doelgroep rekent (Wet kinderopvang art. 1.6). Staat de ouder niet in de registratie van de gemeente, dan kan de toeslag zonder besluit van de gemeente worden betaald — of de registratie van de gemeente is niet bijgewerkt. Beide wil de gemeente weten, zodat de ouder later niet hoeft terug te betalen.',
    gegevens: { doelgroep: 'Waarom de Belastingdienst de ouder tot de doelgroep rekent (`bijstand` of `traject`)' },
    correctie: 'Noemt de Belastingdienst voor dezelfde ouder en maand later een andere doelgroep, dan volgt één nieuw verschil met de markering "correctie"; een ander bedrag aan kinderopvangtoeslag geeft geen nieuw verschil.',
  },
  'niet-in-bestand': {
    titel: 'Geregistreerd door de gemeente, niet in het bestand van de Belastingdienst',
    regel: 'De gemeente heeft een ouder voor een maand geregistreerd als doelgroepouder (een indicatie in de populatie `kot-doelgroepouders` die de maand raakt), en het maandbestand van de Belastingdienst noemt die ouder niet bij deze gemeente. Alleen als de hub voor die maand een bestand heeft: zonder bestand vergelijkt de hub niets. Eén signaal per ouder per maand.',
    waarom: 'Een ouder die de gemeente tot de doelgroep rekent maar die niet in het bestand staat, loopt misschien kinderopvangtoeslag mis. De gemeente kan de ouder helpen of de gegevens bij de Belastingdienst laten aanpassen.',
    gegevens: { referentie: 'Het eigen kenmerk van de gemeente bij de registratie (als de gemeente dat gaf)' },
    correctie: 'Geeft de gemeente de registratie van dezelfde ouder en maand later een andere referentie, dan volgt één nieuw verschil met de markering "correctie".',
  },
}

/** The explanation the rule itself writes for a fixed example, so the page shows real output. */
function voorbeeldUitleg(soort: KotVerschilSoort): string {
  const periode = '2026-01' as Maand
  const uit = vergelijkDoelgroepouders({
    periode, leveringen: ['kot-2026-01'],
    bestand: soort === 'niet-geregistreerd' ? [{ bsn: '000000001', doelgroep: 'bijstand', leveringId: 'kot-2026-01', regel: 2 }] : [],
    registratie: soort === 'niet-in-bestand' ? [{ bsn: '000000001', referentie: 'KOT-1' }] : [],
  })
  return uit[0]!.uitleg
}

/** The title inside a sentence: only the first letter lowered, names keep their capitals. */
const inZin = (t: string) => t.charAt(0).toLowerCase() + t.slice(1)

/** The page for one kind. */
export function renderSoortPagina(soort: KotVerschilSoort): string {
  const b = BESCHRIJVING[soort]
  return [
    `# Doelgroepouders kinderopvangtoeslag: ${inZin(b.titel)}`, '', NIET_GEGENEREERD, '',
    '## Wat is dit?', '',
    `Elke maand vergelijkt Knooppunt het bestand van de Belastingdienst met doelgroepouders (bestandsformaat \`${BRON}\`) met de registratie van de gemeente. `
      + `Een verschil van de soort \`${soort}\` betekent: ${inZin(b.titel)}. De gemeente ziet alleen verschillen over ouders in haar eigen gemeente.`, '',
    '## Waarom wil de gemeente dit weten?', '', b.waarom, '',
    '## Welke gegevens en welke regel', '',
    `Regel \`${KOT_REGEL.id}\`, versie ${KOT_REGEL.versie}. Bronnen: het maandbestand van de Belastingdienst en de registratie van de gemeente.`, '',
    b.regel, '',
    '| gegeven in het signaal | betekenis |', '|---|---|',
    ...Object.entries(b.gegevens).map(([veld, wat]) => `| \`${veld}\` | ${wat} |`), '',
    'Het bedrag aan kinderopvangtoeslag uit het bestand geeft Knooppunt niet door: de gemeente heeft het voor deze vergelijking niet nodig.', '',
    '## Voorbeeld van de uitleg', '', `> ${voorbeeldUitleg(soort)}`, '',
    '## Wat een verschil wel en niet is', '',
    '- Een verschil betekent **onderzoekswaardig**, geen fout van de ouder. Vaak is een registratie of het bestand nog niet bijgewerkt.',
    '- Elk verschil noemt de levering(en) van de Belastingdienst waarop het rust, de maand, de regel en regelversie, en geeft een uitleg in gewone taal.',
    `- Hetzelfde verschil wordt één keer gemeld, ook als het bestand opnieuw binnenkomt. ${b.correctie}`,
    '- Elke vergelijking en elke keer dat de gemeente verschillen leest, staat in het logboek. Een inwoner kan via de privacyfunctionaris van de gemeente opvragen welke verwerkingen er over hem of haar zijn geweest.',
    '',
  ].join('\n')
}

/** All pages, keyed by file name. */
export function kotPaginas(): Map<string, string> {
  const soorten = Object.keys(BESCHRIJVING) as KotVerschilSoort[]
  const paginas = new Map<string, string>(soorten.map((s) => [`${s}.md`, renderSoortPagina(s)]))
  paginas.set('README.md', [
    '# Algoritmeregister Knooppunt — doelgroepouders kinderopvangtoeslag', '', NIET_GEGENEREERD, '',
    'De maandelijkse vergelijking van het bestand van de Belastingdienst met de registratie van de gemeente, in twee richtingen. Zie ook het [algoritmeregister](../README.md) en de [API](../../api/kot-doelgroepouders.md).', '',
    ...soorten.map((s) => `- [${BESCHRIJVING[s].titel}](${s}.md) — \`${s}\``), '',
  ].join('\n'))
  return paginas
}

function main(): void {
  mkdirSync(KOT_DOCS_MAP, { recursive: true })
  for (const [naam, inhoud] of kotPaginas()) writeFileSync(join(KOT_DOCS_MAP, naam), inhoud)
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main()
