import { readFile } from 'node:fs/promises'
import type { Command } from 'commander'
import { action } from '../fail.js'
import { progressBar } from '../progress.js'
import { bestandsgrootte, metVerbinding, roepHub, verbindingVan, type VerbindingOpties } from './lever.js'

/**
 * `knooppunt populatie <product> <bestand>`: replaces the caller's whole population for a product
 * (`PUT /api/v1/populaties/{product}`), or applies a mutation file with `--mutaties`. All or nothing: a bad line
 * prints one line naming every bad line (at most 20) and exits 2, and the hub stores nothing.
 *
 * @example knooppunt populatie samenloop populatie-samenloop-0344.csv
 */
export function registerPopulatie(program: Command): void {
  metVerbinding(program.command('populatie <product> <bestand>'))
    .description('Vervang de populatie (afnemersindicaties) voor een product bij een draaiende hub, of pas mutaties toe')
    .option('--mutaties', 'het bestand is een mutatiebestand (extra kolom actie: toevoegen | beeindigen)')
    .action(action(async (product: string, bestand: string, opties: VerbindingOpties & { mutaties?: boolean }) => {
      const v = verbindingVan(opties)
      const grootte = await bestandsgrootte(bestand)
      const balk = progressBar(`populatie ${product}`)
      balk.update(0, grootte)
      const inhoud = await readFile(bestand)
      balk.update(grootte, grootte)
      const pad = `/api/v1/populaties/${encodeURIComponent(product)}${opties.mutaties ? '/mutaties' : ''}`
      try {
        const res = await roepHub(v, pad, { method: opties.mutaties ? 'POST' : 'PUT', headers: { 'content-type': 'text/csv' }, body: inhoud })
        const r = await res.json() as { aantal: number; toegevoegd: number; gewijzigd: number; beeindigd: number }
        balk.stop()
        process.stdout.write(`${JSON.stringify(r)}\n`)
        process.stderr.write(`populatie ${product}: ${r.aantal} actueel (${r.toegevoegd} toegevoegd, ${r.gewijzigd} gewijzigd, ${r.beeindigd} beëindigd)\n`)
      } finally { balk.stop() }
    }))
}
