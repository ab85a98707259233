const S = 1000
const M = 60 * S
const H = 60 * M

/**
 * Waits between attempts: attempt 1 goes at once, attempt n+1 after `RETRY_SCHEDULE_MS[n-1]`. Ten attempts spread
 * over about 27 hours, so a receiver that is down for a day (a weekend deploy, an expired certificate) still gets
 * every signal. After the last wait's attempt fails, the delivery becomes a dead letter.
 */
export const RETRY_SCHEDULE_MS: readonly number[] = [30 * S, 1 * M, 5 * M, 15 * M, 1 * H, 2 * H, 4 * H, 8 * H, 12 * H]

/**
 * The wait after failed attempt number `attempt` (1-based), with ±`jitter` spread so that many deliveries that
 * failed together (one receiver down) do not all come back in the same second; undefined when no attempt is left.
 *
 * @example nextDelayMs(1, RETRY_SCHEDULE_MS, 0.1, () => 0.5) // 30_000
 */
export function nextDelayMs(attempt: number, schedule: readonly number[], jitter: number, random: () => number = Math.random): number | undefined {
  const base = schedule[attempt - 1]
  if (base === undefined) return undefined
  return Math.round(base * (1 + jitter * (2 * random() - 1)))
}
