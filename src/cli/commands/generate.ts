import type { Command } from 'commander'
import { generate, synthFout } from '../../synth/index.js'
import { action } from '../fail.js'
import { progressBar } from '../progress.js'

interface GenerateCliOpties {
  readonly seed: string
  readonly inwoners: string
  readonly uit: string
  readonly overschrijf?: boolean
  readonly peildatum?: string
}

/** Strict integer parsing: `12abc`, `1e3` or `1.5` are refused with the text as typed, not read as a number. */
function geheelGetal(waarde: string, optie: 'seed' | 'inwoners'): number {
  if (/^-?\d+$/.test(waarde.trim())) return Number(waarde)
  const bereik = optie === 'seed' ? '0 tot en met 4294967295' : '1 tot en met 20000000'
  const code = optie === 'seed' ? 'synth.seed-ongeldig' : 'synth.inwoners-ongeldig'
  throw synthFout(code, `--${optie} moet een geheel getal van ${bereik} zijn (gekregen: ${waarde})`, optie)
}

/**
 * `knooppunt generate --seed <n> --inwoners <n> --uit <map> [--overschrijf] [--peildatum <datum>]`: writes a
 * synthetic Netherlands with a progress bar on stderr. Ctrl-C aborts cleanly (nothing half-written is left behind);
 * any error is one line on stderr and a non-zero exit code.
 *
 * @example knooppunt generate --seed 42 --inwoners 100000 --uit data/synth
 */
export function registerGenerate(program: Command): void {
  program.command('generate')
    .description('Genereer een synthetisch Nederland (inwoners, organisaties, bronbestanden, populaties)')
    .requiredOption('--seed <n>', 'startwaarde van de toevalsgenerator (0 … 4294967295); zelfde seed = zelfde bestanden')
    .requiredOption('--inwoners <n>', 'aantal inwoners (1 … 20000000)')
    .requiredOption('--uit <map>', 'uitvoermap; moet leeg zijn of nog niet bestaan')
    .option('--overschrijf', 'vervang de inhoud van een niet-lege uitvoermap')
    .option('--peildatum <datum>', 'JJJJ-MM-DD; feiten beslaan de 12 maanden ervoor (standaard 2026-01-01)')
    .action(action(async (o: GenerateCliOpties) => {
      const bar = progressBar('genereren')
      const stop = new AbortController()
      const onSigint = (): void => stop.abort()
      process.once('SIGINT', onSigint)
      try {
        const manifest = await generate({
          seed: geheelGetal(o.seed, 'seed'), inwoners: geheelGetal(o.inwoners, 'inwoners'), uit: o.uit, overschrijf: o.overschrijf === true,
          ...(o.peildatum !== undefined ? { peildatum: o.peildatum } : {}),
          onProgress: (done, total) => bar.update(done, total), signal: stop.signal,
        })
        bar.stop()
        const regels = manifest.bestanden.reduce((s, b) => s + b.regels, 0)
        process.stderr.write(`knooppunt: ${manifest.bestanden.length} bestanden, ${regels} regels geschreven naar ${o.uit}\n`)
      } finally {
        bar.stop()
        process.off('SIGINT', onSigint)
      }
    }))
}

/** Alias under the name the CLI's composition root may expect. */
export const generateCommand = registerGenerate
