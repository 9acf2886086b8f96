/** Runs `work` for about `ms` milliseconds after a warm-up and returns operations per second. */
export function opsPerSecond(work: () => unknown, ms = 1000): number {
  for (let i = 0; i < 2000; i++) work()
  let runs = 0
  const start = performance.now()
  let elapsed = 0
  while (elapsed < ms) {
    for (let i = 0; i < 200; i++) work()
    runs += 200
    elapsed = performance.now() - start
  }
  return (runs / elapsed) * 1000
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN
}

export const format = (n: number, digits = 0): string =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits })
