import type { Command } from 'commander'
import { createHub, type Hub } from '../../app.js'
import type { HubConfig } from '../../config.js'
import { configFromEnv } from '../env-config.js'
import { action } from '../fail.js'
import { hubOptions } from '../hub-options.js'

/** Starts a hub and stops it cleanly on Ctrl-C / SIGTERM (in-flight requests finish, bus drains, store closes). */
export async function runHub(config: HubConfig, onListening?: (hub: Hub, address: string) => Promise<void> | void): Promise<void> {
  const hub = await createHub(config, await hubOptions(config))
  let stopping = false
  const stop = async (signal: string) => {
    if (stopping) return
    stopping = true
    process.stderr.write(`\n${signal} ontvangen: Knooppunt stopt…\n`)
    await hub.close()
    process.stderr.write('gestopt\n')
    process.exit(0)
  }
  process.once('SIGINT', () => void stop('SIGINT'))
  process.once('SIGTERM', () => void stop('SIGTERM'))
  try {
    const address = await hub.listen()
    await onListening?.(hub, address)
  } catch (e) {
    await hub.close().catch(() => {})
    throw e
  }
}

export function registerServe(program: Command): void {
  program.command('serve')
    .description('Start de hub (API en portaal). Configuratie via omgevingsvariabelen, zie docs/operations.md')
    .action(action(async () => {
      const config = configFromEnv(process.env, (process.env.KNOOPPUNT_MODE as HubConfig['mode']) || 'productie')
      await runHub(config, (_hub, address) => { process.stdout.write(`Knooppunt luistert op ${address} (publiek: ${config.publicUrl})\n`) })
    }))
}
