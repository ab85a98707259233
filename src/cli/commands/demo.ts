import { existsSync } from 'node:fs'
import { join } from 'node:path'
import type { Command } from 'commander'
import { AppError } from '../../core/index.js'
import { readOrganisaties, seedDemo } from '../../demo/seed-demo.js'
import { loadDemoData } from '../../demo/load-demo-data.js'
import { generate } from '../../synth/index.js'
import { configFromEnv } from '../env-config.js'
import { action } from '../fail.js'
import { progressBar } from '../progress.js'
import { runHub } from './serve.js'

const DEMO_SEED = 20221
const DEMO_INWONERS = 100_000

/** Generates the demo dataset once; later starts reuse it (the generator is deterministic anyway). */
async function ensureDataset(dataDir: string, inwoners: number): Promise<string> {
  const dir = join(dataDir, `synth-${DEMO_SEED}-${inwoners}`)
  if (existsSync(join(dir, 'manifest.json'))) return dir
  process.stderr.write(`Synthetisch Nederland maken (${inwoners.toLocaleString('nl-NL')} inwoners, eenmalig)…\n`)
  const bar = progressBar('genereren')
  try {
    await generate({ seed: DEMO_SEED, inwoners, uit: dir, overschrijf: true, onProgress: (d, t) => bar.update(d, t) })
  } finally {
    bar.stop()
  }
  return dir
}

export function registerDemo(program: Command): void {
  program.command('demo')
    .description('Start een demo-hub met synthetische gegevens op http://localhost:8080 (npm start)')
    .option('--inwoners <n>', 'grootte van de synthetische bevolking', String(DEMO_INWONERS))
    .action(action(async (opts: { inwoners: string }) => {
      const inwoners = Number(opts.inwoners)
      if (!Number.isInteger(inwoners) || inwoners < 1000) throw new AppError('invalid', 'demo.inwoners-ongeldig', '--inwoners moet een geheel getal van minstens 1000 zijn')
      const config = configFromEnv(process.env, 'demo')
      const dataset = await ensureDataset(config.dataDir, inwoners)
      const credentialsFile = join(config.dataDir, 'demo-credentials.json')
      await runHub(config, async (hub) => {
        const organisaties = readOrganisaties(join(dataset, 'organisaties.csv'))
        const creds = await seedDemo(hub.ctx.access, hub.ctx.register.productNamen(), organisaties, credentialsFile)
        const verslag = await loadDemoData(hub.http, creds, organisaties, dataset, `${DEMO_SEED}-${inwoners}`, (stap) => process.stderr.write(`laden: ${stap}\n`))
        const nieuw = verslag.leveringen.filter((l) => l.nieuw).length
        process.stdout.write([
          '',
          'Knooppunt demo draait.',
          `  Portaal:        ${config.publicUrl}/`,
          `  OpenAPI:        ${config.publicUrl}/api/v1/openapi.json`,
          `  Token:          POST ${config.publicUrl}/api/v1/oauth/token (client credentials)`,
          `  Inloggegevens:  ${credentialsFile} (${creds.organisaties.length} clients, ${creds.gebruikers.length} portaalgebruikers)`,
          `  Gegevens:       ${dataset}`,
          `  Geladen:        ${verslag.populaties.length} populaties, ${verslag.leveringen.length} bronleveringen (${nieuw} nieuw verwerkt)`,
          'Stoppen: Ctrl-C',
          '',
        ].join('\n'))
      })
    }))
}
