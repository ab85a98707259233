/**
 * Standalone entry for `knooppunt bvv`, used by its tests (and handy without the rest of the CLI):
 *   node --import tsx src/cli/commands/bvv-main.ts [bestand] [--zonder-berekening]
 */
import { Command } from 'commander'
import { registerBvv } from './bvv.js'

const program = new Command().name('knooppunt')
  .configureOutput({ writeErr: (s) => process.stderr.write(s.replace(/^error:/, 'knooppunt:')) })
registerBvv(program)
await program.parseAsync([process.argv[0]!, 'knooppunt', 'bvv', ...process.argv.slice(2)])
