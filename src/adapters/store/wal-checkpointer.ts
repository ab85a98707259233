import { createRequire } from 'node:module'
import { Worker } from 'node:worker_threads'

/**
 * WAL checkpoints on a background thread.
 *
 * In WAL mode a commit only appends to the WAL; a *checkpoint* copies the WAL's pages into the database file, with
 * an fsync of each. SQLite's automatic checkpoint runs inside the commit that crosses the threshold, on the writer's
 * thread, so the bulk writers (intake, matching, population uploads) waited for it. Here a worker thread with its
 * own connection to the same file runs `PRAGMA wal_checkpoint(PASSIVE)` every `intervalMs` (1 s): PASSIVE never blocks
 * a reader or the writer (it copies what no reader still needs and leaves the rest for the next round), and the writer
 * restarts the WAL from its beginning once everything was copied. The writer keeps an automatic checkpoint at a much
 * higher threshold as a bound, so the WAL stays bounded even if this thread falls behind or stops.
 *
 * Durability is SQLite's own: a checkpoint is crash-safe at every step (the WAL stays authoritative until the copy
 * is synced), so a crash of the process or the machine loses nothing that a checkpoint on the writer would not.
 */
export interface WalCheckpointer {
  /** Stops the thread and closes its connection; the writer may then close (and checkpoint) last. */
  stop(): Promise<void>
}

export interface WalCheckpointerOpties {
  /**
   * Milliseconds between checkpoint attempts (default 1,000). Every 200 ms wrote 12 % more to disk in the batch
   * benchmark: a page that changes again soon after is copied again.
   */
  readonly intervalMs?: number
  /** PRAGMAs for the thread's connection, as the writer has them (`synchronous` decides the checkpoint's fsyncs). */
  readonly pragmas?: readonly string[]
}

// Plain CommonJS, evaluated in the worker: no TypeScript loader needed there. `module` is better-sqlite3's resolved
// path, so the worker loads the same build as the writer.
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads')
const Database = require(workerData.module)
const db = new Database(workerData.file)
for (const p of workerData.pragmas) db.pragma(p)
let bezig = false
const ronde = () => {
  if (bezig) return
  bezig = true
  try { db.pragma('wal_checkpoint(PASSIVE)') } catch (e) { /* busy or locked: the next round tries again */ }
  bezig = false
}
const timer = setInterval(ronde, workerData.intervalMs)
parentPort.on('message', (m) => {
  if (m !== 'stop') return
  clearInterval(timer)
  try { db.close() } catch (e) {}
  parentPort.close()
})
`

/** Starts the checkpoint thread for a WAL-mode database file. Call after the writer has set `journal_mode = WAL`. */
export function startWalCheckpointer(file: string, opties: WalCheckpointerOpties = {}): WalCheckpointer {
  const module = createRequire(import.meta.url).resolve('better-sqlite3')
  const worker = new Worker(WORKER, {
    eval: true,
    workerData: { file, module, intervalMs: opties.intervalMs ?? 1_000, pragmas: opties.pragmas ?? [] },
  })
  // Never keeps the process alive on its own; a failure of the thread leaves the writer's own checkpoints in charge.
  worker.unref()
  worker.on('error', () => {})
  const gestopt = new Promise<void>((resolve) => worker.once('exit', () => resolve()))
  let stopping: Promise<void> | undefined
  return {
    stop() {
      stopping ??= (async () => {
        worker.postMessage('stop')
        // The thread exits when its port closes; terminate() is the fallback if it is stuck in a checkpoint.
        const t = setTimeout(() => { void worker.terminate() }, 5_000)
        await gestopt
        clearTimeout(t)
      })()
      return stopping
    },
  }
}
