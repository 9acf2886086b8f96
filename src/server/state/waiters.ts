export type WaitEnd = 'woken' | 'timeout' | 'aborted'

interface Waiter {
  readonly finish: (end: WaitEnd) => void
}

/**
 * Long polls (D-24 `WT`): requests held until something arrives for their user, their time
 * is up, their client goes away, or the server closes.
 */
export class Waiters {
  readonly #byUin = new Map<number, Set<Waiter>>()

  wait(uin: number, ms: number, signal: AbortSignal): Promise<WaitEnd> {
    if (signal.aborted) return Promise.resolve('aborted')
    return new Promise((resolve) => {
      const waiters = this.#byUin.get(uin) ?? new Set<Waiter>()
      this.#byUin.set(uin, waiters)
      const waiter: Waiter = {
        finish: (end) => {
          clearTimeout(timer)
          signal.removeEventListener('abort', onAbort)
          waiters.delete(waiter)
          if (waiters.size === 0 && this.#byUin.get(uin) === waiters) this.#byUin.delete(uin)
          resolve(end)
        }
      }
      const onAbort = (): void => waiter.finish('aborted')
      const timer = setTimeout(() => waiter.finish('timeout'), ms)
      signal.addEventListener('abort', onAbort, { once: true })
      waiters.add(waiter)
    })
  }

  wake(uin: number): void {
    const waiters = this.#byUin.get(uin)
    if (waiters) for (const waiter of [...waiters]) waiter.finish('woken')
  }

  wakeAll(): void {
    for (const uin of [...this.#byUin.keys()]) this.wake(uin)
  }
}
