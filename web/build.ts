/**
 * Builds the portal (web/) with Vite's JavaScript API, so the hub can build it on start instead of needing a
 * separate step. `ensurePortalBuilt()` is what a start command calls: it builds only when web/dist is missing or
 * older than the sources.
 */
import { readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const WEB = fileURLToPath(new URL('.', import.meta.url))

/** The folder the hub serves the built SPA from. */
export const PORTAL_DIST = join(WEB, 'dist')

/** Builds web/ into web/dist. Vite is loaded on demand: only a start that actually builds pays for it. */
export async function buildPortal(opts: { logLevel?: 'info' | 'warn' | 'error' | 'silent' } = {}): Promise<void> {
  const { build } = await import('vite')
  await build({ configFile: join(WEB, 'vite.config.ts'), logLevel: opts.logLevel ?? 'warn' })
}

function newestMtime(path: string): number {
  const s = statSync(path)
  if (!s.isDirectory()) return s.mtimeMs
  return readdirSync(path).reduce((max, f) => Math.max(max, newestMtime(join(path, f))), s.mtimeMs)
}

/** True when web/dist has no index.html or any source (src/, index.html, vite.config.ts) is newer than it. */
export function portalIsStale(): boolean {
  let built: number
  try { built = statSync(join(PORTAL_DIST, 'index.html')).mtimeMs } catch { return true }
  const sources = [join(WEB, 'src'), join(WEB, 'index.html'), join(WEB, 'vite.config.ts')]
  return sources.some((s) => newestMtime(s) > built)
}

/** Builds the portal when it is missing or stale; resolves whether a build ran. */
export async function ensurePortalBuilt(opts: { logLevel?: 'info' | 'warn' | 'error' | 'silent' } = {}): Promise<boolean> {
  if (!portalIsStale()) return false
  await buildPortal(opts)
  return true
}
