import cliProgress from 'cli-progress'

/** A progress bar on stderr for work that takes seconds; silent when stderr is not a terminal (CI, pipes). */
export function progressBar(label: string) {
  if (!process.stderr.isTTY) {
    let last = 0
    return {
      update(done: number, total: number) {
        const now = Date.now()
        if (now - last > 5000 || done === total) { last = now; process.stderr.write(`${label}: ${done}/${total}\n`) }
      },
      stop() {},
    }
  }
  const bar = new cliProgress.SingleBar({ format: `${label} [{bar}] {percentage}% | {value}/{total} | {eta_formatted}`, stream: process.stderr }, cliProgress.Presets.shades_classic)
  let started = false
  return {
    update(done: number, total: number) {
      if (!started) { bar.start(total, 0); started = true }
      bar.setTotal(total)
      bar.update(done)
    },
    stop() { if (started) bar.stop() },
  }
}
