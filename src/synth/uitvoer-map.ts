import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises'
import { basename, dirname, join, resolve } from 'node:path'
import { bestandsFout, synthFout } from './synth-fout.js'

/** A temporary folder beside the target; `commit` swaps it into place, `discard` removes it. */
export interface UitvoerMap {
  readonly tijdelijk: string
  readonly doel: string
  commit(): Promise<void>
  discard(): Promise<void>
}

/**
 * Prepares the output: refuses a non-empty target unless `overschrijf`, and writes into a sibling temp folder so a
 * failed or aborted run never leaves a half dataset under the target name (a rename is atomic on one file system).
 */
export async function bereidUitvoerVoor(uit: string, overschrijf: boolean): Promise<UitvoerMap> {
  const doel = resolve(uit)
  await controleerDoel(doel, overschrijf)
  const ouder = dirname(doel)
  const tijdelijk = join(ouder, `.${basename(doel)}.onvolledig-${process.pid}`)
  try {
    await mkdir(ouder, { recursive: true })
    await rm(tijdelijk, { recursive: true, force: true })
    await mkdir(tijdelijk)
  } catch (e) {
    throw bestandsFout(e, ouder)
  }
  return {
    tijdelijk,
    doel,
    commit: () => wissel(tijdelijk, doel),
    discard: () => rm(tijdelijk, { recursive: true, force: true }).catch(() => undefined),
  }
}

async function controleerDoel(doel: string, overschrijf: boolean): Promise<void> {
  const info = await stat(doel).catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'ENOENT') return undefined
    throw bestandsFout(e, doel)
  })
  if (!info) return
  if (!info.isDirectory()) throw synthFout('synth.uit-geen-map', `${doel} bestaat al en is geen map.`, 'uit')
  const inhoud = await readdir(doel).catch((e) => { throw bestandsFout(e, doel) })
  if (inhoud.length > 0 && !overschrijf)
    throw synthFout('synth.map-niet-leeg', `De map ${doel} is niet leeg. Kies een lege map of gebruik --overschrijf.`, 'uit')
}

async function wissel(tijdelijk: string, doel: string): Promise<void> {
  const oud = join(dirname(doel), `.${basename(doel)}.oud-${process.pid}`)
  try {
    const bestaat = await stat(doel).then(() => true, () => false)
    if (bestaat) await rename(doel, oud)
    await rename(tijdelijk, doel)
    if (bestaat) await rm(oud, { recursive: true, force: true })
  } catch (e) {
    throw bestandsFout(e, doel)
  }
}
