/**
 * The algoritmeregister pages for samenloop, one per signal kind, rendered from the rules' own data so the
 * published text cannot drift from what the hub does (a test compares). Write them with:
 * `node --import tsx src/products/samenloop/algoritme-paginas.ts`.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { citeer, geldigheid } from '../../platform/rules/index.js'
import { bijstandsnormParameters } from '../bijstandsnormen/index.js'
import { BRON_NAMEN, SAMENLOOP_REGELS, SOORTEN, type SamenloopRegel, type SignaalSoort } from './regels/index.js'
import { euro } from './regels/samenloop-regel.js'

export const SAMENLOOP_DOCS_MAP = fileURLToPath(new URL('../../../docs/algoritmeregister/samenloop', import.meta.url))

const KOP: Record<SignaalSoort, string> = {
  inkomsten: 'Inkomsten uit werk', uitkering: 'Een andere uitkering', vermogen: 'Vermogen boven de vermogensgrens',
  voertuig: 'Een voertuig op naam', detentie: 'Detentie', studiefinanciering: 'Studiefinanciering',
  verhuizing: 'Verhuizing naar een andere gemeente', emigratie: 'Emigratie', overlijden: 'Overlijden',
}

const NIET_GEGENEREERD = '<!-- Gegenereerd door src/products/samenloop/algoritme-paginas.ts uit de regels zelf; niet met de hand bewerken. -->'

function regelDeel(r: SamenloopRegel): string[] {
  const d = r.data
  return [
    `### ${d.titel}`, '',
    `Regel \`${d.id}\`, versie ${d.versie}. Bron: ${BRON_NAMEN[d.bron] ?? d.bron} (bestandsformaat \`${d.bron}\`).`, '',
    d.regel, '',
    '| gegeven in het signaal | betekenis |', '|---|---|',
    ...Object.entries(d.gegevens).map(([veld, wat]) => `| \`${veld}\` | ${wat} |`), '',
    '| versie | datum | wat veranderde |', '|---|---|---|',
    ...d.wijzigingen.map((w) => `| ${w.versie} | ${w.datum} | ${w.wat} |`), '',
  ]
}

function vermogensgrenzen(): string[] {
  const r = ['## Bedragen en bronnen', '', 'De vermogensgrens komt uit de parameters van de bijstandsnormen (art. 34 lid 3 Participatiewet). Het signaal gebruikt het bedrag dat gold op de peildatum, voor de leefvorm die de Belastingdienst in de opgave noemt (kolom `leefvorm` van [belastingdienst-vermogen](../../formats/belastingdienst-vermogen.md), sinds versie 2 van dat formaat). Een alleenstaande ouder en gehuwden hebben dezelfde grens.', '']
  for (const naam of ['vermogensgrens.alleenstaande', 'vermogensgrens.alleenstaande-ouder-of-gehuwden']) {
    const p = bijstandsnormParameters.parameters.get(naam)
    if (!p) continue
    r.push(`### ${p.omschrijving}`, '', '| geldig van | tot en met | bedrag | bron |', '|---|---|---|---|')
    for (const g of geldigheid(p)) r.push(`| ${g.van} | ${g.tot ?? 'nader bekend'} | ${euro(Number(g.waarde.waarde))} | ${citeer(g.waarde.bron)} |`)
    r.push('')
  }
  r.push('Voor een peildatum waarvoor de hub geen vermogensgrens kent, maakt deze regel geen signaal: de hub rekent nooit met een geschat bedrag.', '')
  return r
}

/** The page for one signal kind. */
export function renderSoortPagina(soort: SignaalSoort, regels: readonly SamenloopRegel[]): string {
  const eigen = regels.filter((r) => r.soort === soort)
  const waarom = [...new Set(eigen.map((r) => r.data.waarom))]
  const r = [`# Samenloopsignaal: ${KOP[soort].toLowerCase()}`, '', NIET_GEGENEREERD, '']
  r.push('## Wat is dit?', '',
    `Een gemeente die bijstand geeft, krijgt van Knooppunt een signaal van de soort \`${soort}\` als een bronregistratie iets meldt dat samenvalt met die bijstand. `
    + 'Knooppunt kijkt alleen naar inwoners die de gemeente zelf heeft aangemeld (de samenloop-populatie), en alleen naar de periode waarin zij bijstand krijgen. '
    + 'Over iemand die niet is aangemeld, maakt Knooppunt niets en ziet niemand iets.', '',
    'Een signaal ontstaat op twee momenten. Meestal als het bronfeit binnenkomt en de inwoner al is aangemeld. '
    + 'Maar meldt de gemeente een inwoner later aan, of verruimt zij een periode (ook met de aanvraagperiode van drie maanden uit de vooraf-toets), '
    + 'dan kijkt Knooppunt terug: de bronfeiten die het op dat moment al rechtmatig bewaart — recente polismaanden die het als bronkopie bewaart, '
    + 'of feiten die het voor een andere aanmelding bewaart — worden met dezelfde regel beoordeeld, alsof ze na de aanmelding binnenkwamen. '
    + 'Feiten waarvan de bewaartermijn voorbij is, leest Knooppunt daarvoor niet. Een signaal dat er al is, komt er niet nog eens.', '')
  r.push('## Waarom wil de gemeente dit weten?', '', ...waarom.flatMap((w) => [w, '']))
  r.push('## Welke gegevens en welke regel', '', ...eigen.flatMap(regelDeel))
  if (soort === 'vermogen') r.push(...vermogensgrenzen())
  r.push('## Grenzen van dit signaal', '', ...[...new Set(eigen.flatMap((e) => e.data.grenzen))].map((g) => `- ${g}`), '')
  r.push('## Wat een signaal wel en niet is', '',
    '- Een signaal betekent **onderzoekswaardig**, geen fraude en geen besluit. De gemeente onderzoekt het en bespreekt het met de inwoner voordat zij iets besluit.',
    '- Elk signaal noemt de bron, de levering en de regel in die levering, de periode, de regel en regelversie, en geeft een uitleg in gewone taal.',
    '- Het signaal bevat alleen de gegevens hierboven; andere velden uit de bron houdt Knooppunt tegen.',
    '- Komt dezelfde bronregel nog eens, dan volgt geen nieuw signaal. Verandert de bron een gegeven dat de regel hierboven meeweegt, dan volgt één nieuw signaal met de markering "correctie"; een wijziging in een ander gegeven geeft geen nieuw signaal.',
    '- De gemeente meldt terug wat het onderzoek opleverde (terecht, onterecht of onbekend). Zo is te volgen hoe bruikbaar elke regel is.',
    '- Elke verwerking staat in het logboek. Een inwoner kan via de privacyfunctionaris van de gemeente opvragen welke verwerkingen er over hem of haar zijn geweest.', '')
  return r.join('\n')
}

/** Every page, keyed by file name, plus the index of this folder. */
export function samenloopPaginas(regels: readonly SamenloopRegel[] = SAMENLOOP_REGELS): Map<string, string> {
  const paginas = new Map<string, string>()
  for (const soort of SOORTEN) paginas.set(`${soort}.md`, renderSoortPagina(soort, regels))
  paginas.set('README.md', [
    '# Algoritmeregister Knooppunt — samenloopsignalen', '', NIET_GEGENEREERD, '',
    'Per soort signaal: welke gegevens, welke regel, en waarom. Zie ook het [algoritmeregister](../README.md) en de [Signalen API](../../api/signalen.md).', '',
    ...SOORTEN.map((s) => `- [${KOP[s]}](${s}.md) — \`${s}\``), '',
  ].join('\n'))
  return paginas
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  mkdirSync(SAMENLOOP_DOCS_MAP, { recursive: true })
  for (const [naam, inhoud] of samenloopPaginas()) writeFileSync(join(SAMENLOOP_DOCS_MAP, naam), inhoud)
}
