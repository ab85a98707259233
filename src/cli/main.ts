/**
 * The `knooppunt` command. The only entry point that reads process.env (through env-config.ts).
 */
import { Command } from 'commander'
import { migrateToLatest, openDatabase } from '../adapters/store/index.js'
import { storeConfig } from '../app.js'
import { configFromEnv } from './env-config.js'
import { action } from './fail.js'
import { registerLedger } from './commands/ledger.js'
import { registerServe } from './commands/serve.js'
import { registerDemo } from './commands/demo.js'
import { registerBvv } from './commands/bvv.js'
import { registerLoonheffing, registerNetto } from './commands/netto.js'
import { registerGenerate } from './commands/generate.js'
import { registerLever } from './commands/lever.js'
import { registerPopulatie } from './commands/populatie.js'

const program = new Command()
  .name('knooppunt')
  .description('Knooppunt — informatieknooppunt voor gemeenten')
  .showHelpAfterError('(gebruik --help voor de opties)')
  .configureOutput({ writeErr: (s) => process.stderr.write(s.replace(/^error:/, 'knooppunt:')) })

program.command('migrate')
  .description('Werk het databaseschema bij (SQLite in de datamap, of PostgreSQL via DATABASE_URL)')
  .action(action(async () => {
    const config = configFromEnv(process.env, 'beheer')
    const database = openDatabase(storeConfig(config))
    try {
      const { results, error } = await migrateToLatest(database)
      for (const r of results ?? []) process.stdout.write(`${r.status === 'Success' ? 'uitgevoerd' : r.status === 'Error' ? 'MISLUKT' : 'niet uitgevoerd'}: ${r.migrationName}\n`)
      if (error) throw error
      if (!results?.length) process.stdout.write('schema is al bijgewerkt\n')
    } finally {
      await database.close()
    }
  }))

registerServe(program)
registerDemo(program)
registerBvv(program)
registerLoonheffing(program)
registerNetto(program)
registerGenerate(program)
registerLever(program)
registerPopulatie(program)
registerLedger(program)

await program.parseAsync(process.argv)
