/**
 * Time as the core sees it. Injected, so tests run the poller, penalties and backoff with
 * fake timers; the defaults read the globals at call time, so vitest's fake timers reach
 * them too. The delays the client keeps are in timing.ts.
 */
export interface Clock {
  now(): number
}

export type TimerHandle = ReturnType<typeof setTimeout>

export interface Timers {
  setTimeout(callback: () => void, ms: number): TimerHandle
  clearTimeout(handle: TimerHandle): void
}

export const systemClock: Clock = { now: () => Date.now() }

export const systemTimers: Timers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle)
}

/** Resolves after `ms`, or at once (false) when `signal` aborts: loops end instead of throwing. */
export function sleep(timers: Timers, ms: number, signal: AbortSignal): Promise<boolean> {
  if (signal.aborted) return Promise.resolve(false)
  return new Promise((resolve) => {
    const onAbort = () => {
      timers.clearTimeout(handle)
      resolve(false)
    }
    const handle = timers.setTimeout(() => {
      signal.removeEventListener('abort', onAbort)
      resolve(true)
    }, ms)
    signal.addEventListener('abort', onAbort, { once: true })
  })
}
