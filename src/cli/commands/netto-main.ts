/**
 * Standalone entry for `knooppunt loonheffing` and `knooppunt netto`, used by their tests:
 *   node --import tsx src/cli/commands/netto-main.ts loonheffing|netto [bestand] [--zonder-berekening]
 */
import { Command } from 'commander'
import { registerLoonheffing, registerNetto } from './netto.js'

const program = new Command().name('knooppunt')
  .configureOutput({ writeErr: (s) => process.stderr.write(s.replace(/^error:/, 'knooppunt:')) })
registerLoonheffing(program)
registerNetto(program)
await program.parseAsync([process.argv[0]!, 'knooppunt', ...process.argv.slice(2)])
