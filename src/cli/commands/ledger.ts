import type { Command } from 'commander'
import { storeConfig, loadMasterKey } from '../../app.js'
import { systemClock } from '../../core/index.js'
import { openMigratedDatabase } from '../../adapters/store/index.js'
import { createKeyring } from '../../platform/keyring/index.js'
import { createLedger } from '../../platform/ledger/index.js'
import { configFromEnv } from '../env-config.js'
import { action } from '../fail.js'
import { progressBar } from '../progress.js'

/** `knooppunt ledger verify`: recomputes the hash chain and names the first altered or missing line. */
export function registerLedger(program: Command): void {
  const ledger = program.command('ledger').description('Logboek dataverwerkingen')
  ledger.command('verify')
    .description('Controleer de hashketen van het logboek; meldt de eerste gewijzigde of ontbrekende regel')
    .action(action(async () => {
      const config = configFromEnv(process.env, 'beheer')
      const database = await openMigratedDatabase(storeConfig(config))
      const bar = progressBar('logboek controleren')
      try {
        const result = await createLedger({ db: database.db, clock: systemClock, keyring: createKeyring(loadMasterKey(config)) }).verify((d, t) => bar.update(d, t))
        bar.stop()
        if (result.ok) {
          process.stdout.write(`logboek in orde: ${result.lines} regels, hashketen klopt\n`)
        } else {
          const what = { gewijzigd: 'is gewijzigd', ontbreekt: 'ontbreekt', 'kop-klopt-niet': 'klopt niet met de kop van het logboek', 'na-kop': 'staat na de kop van het logboek (buiten het logboek om geschreven)' }[result.problem]
          process.stderr.write(`knooppunt: logboekregel ${result.seq} ${what}; regels 1–${result.lines} zijn in orde [logboek.keten-verbroken]\n`)
          process.exitCode = 8
        }
      } finally {
        await database.close()
      }
    }))
}
