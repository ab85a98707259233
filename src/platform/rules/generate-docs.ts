/**
 * Generates docs/algoritmeregister/<id>.md from each calculation's description and its parameter register, so the
 * published pages cannot drift from the data. Run: `node --import tsx src/platform/rules/generate-docs.ts`.
 * The rendering is pure (`renderAlgoritmePagina`); only `main` touches the file system. This file is an entry point:
 * it is the one place in platform/rules that knows the products, which register themselves in `ALGORITMEN` below.
 */
import { writeFileSync, mkdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { formatEuro, type Cent } from '../../core/index.js'
import type { Algoritme } from './algoritme.js'
import { citeer } from './bron.js'
import { geldigheid, type Parameter } from './parameter.js'

export const DOCS_MAP = join(dirname(fileURLToPath(import.meta.url)), '../../../docs/algoritmeregister')

function waardeTekst(p: Parameter, w: number | string): string {
  if (p.eenheid === 'cent') return formatEuro(w as Cent).replace(/\s/g, ' ')
  if (p.eenheid === 'basispunten') return `${(Number(w) / 100).toLocaleString('nl-NL')} %`
  return String(w)
}

/** The Markdown page for one calculation. */
export function renderAlgoritmePagina(a: Algoritme): string {
  const r: string[] = []
  r.push(`# ${a.titel}`, '', '<!-- Gegenereerd door src/platform/rules/generate-docs.ts; niet met de hand bewerken. -->', '')
  r.push('## Waarvoor', '', a.doel, '')
  r.push('## Wettelijke grondslag', '', ...a.grondslag.map(g => `- ${g}`), '')
  r.push('## Zo wordt gerekend', '', ...a.stappen.map((s, i) => `${i + 1}. ${s.wat} (${s.grondslag})`), '')
  r.push('Bedragen zijn altijd hele eurocenten. Elke afronding staat als aparte stap in de uitleg bij een berekening.', '')
  r.push('## Bedragen en bronnen', '')
  for (const p of a.parameters.parameters.values()) {
    r.push(`### ${p.omschrijving}`, '', `Parameter \`${p.naam}\`.`, '')
    if (p.waarden.length === 0) {
      r.push(`Geen geverifieerde waarde opgenomen: ${p.ontbreekt ?? 'onbekend'}`, '')
      continue
    }
    r.push('| geldig van | tot en met | bedrag | bron | geverifieerd |', '|---|---|---|---|---|')
    for (const g of geldigheid(p)) {
      const noot = g.waarde.notitie ? ` ${g.waarde.notitie}` : ''
      r.push(`| ${g.van} | ${g.tot} | ${waardeTekst(p, g.waarde.waarde)} | ${citeer(g.waarde.bron)} | ${g.waarde.geverifieerd ? 'ja' : `**nee**${noot}`} |`)
    }
    r.push('')
  }
  r.push('## Beperkingen en open punten', '', ...a.beperkingen.map(b => `- ${b}`), '')
  r.push('Een peildatum waarvoor een bedrag niet bekend is, geeft altijd een foutmelding die het ontbrekende bedrag noemt. Er wordt nooit met een verouderd of geschat bedrag gerekend.', '')
  return r.join('\n')
}

/** Rule pages that products generate in their own subfolder (each with its own generator and drift test). */
const SIGNAALPAGINAS: ReadonlyArray<readonly [string, string]> = [
  ['Samenloop: signalen bij bijstand', 'samenloop'],
  ['OIB: inkomstenoverzicht en netto indicatief inkomen', 'oib'],
  ['Doelgroepouders kinderopvangtoeslag: vergelijking', 'kot-doelgroepouders'],
]

/** All pages, keyed by file name. */
export async function genereerPaginas(): Promise<Map<string, string>> {
  const { bijstandsnormAlgoritme } = await import('../../products/bijstandsnormen/index.js')
  const { beslagvrijeVoetAlgoritme } = await import('../../products/beslagvrije-voet/index.js')
  const ALGORITMEN: Algoritme[] = [bijstandsnormAlgoritme, beslagvrijeVoetAlgoritme]
  const extra = await optioneleAlgoritmen()
  const paginas = new Map<string, string>()
  for (const a of [...ALGORITMEN, ...extra]) paginas.set(`${a.id}.md`, renderAlgoritmePagina(a))
  const index = ['# Algoritmeregister Knooppunt', '', 'Per berekening: doel, grondslag, rekenstappen en elk gebruikt bedrag met bron.', '',
    ...[...ALGORITMEN, ...extra].map(a => `- [${a.titel}](${a.id}.md)`), '',
    '## Signalen en vergelijkingen', '', 'Per signaalsoort: welke gegevens, welke regel, en waarom.', '',
    ...SIGNAALPAGINAS.map(([titel, map]) => `- [${titel}](${map}/README.md)`), '']
  paginas.set('README.md', index.join('\n'))
  return paginas
}

async function optioneleAlgoritmen(): Promise<Algoritme[]> {
  const lijst: Algoritme[] = []
  const { nettoInkomenAlgoritme } = await import('../../products/netto-inkomen/index.js')
  const { kwijtscheldingAlgoritme } = await import('../../products/kwijtschelding/rules/index.js')
  lijst.push(nettoInkomenAlgoritme, kwijtscheldingAlgoritme)
  return lijst
}

async function main(): Promise<void> {
  mkdirSync(DOCS_MAP, { recursive: true })
  for (const [naam, inhoud] of await genereerPaginas()) writeFileSync(join(DOCS_MAP, naam), inhoud)
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main()
