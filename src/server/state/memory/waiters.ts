import type { Wait, WaitEnd, Waiters } from '../types.ts'

interface Waiter {
  readonly finish: (end: WaitEnd) => void
}

const READY = Promise.resolve()

/**
 * Long polls held in this process, woken from this process. A shared implementation keeps
 * one of these for the polls its node holds and calls `wake` when another node says so.
 */
export class LocalWaiters implements Waiters {
  readonly #byUin = new Map<number, Set<Waiter>>()
  /** Set by wakeAll: the server is closing, and a poll still arriving is not held. */
  #closing = false

  wait(uin: number, ms: number, signal: AbortSignal): Wait {
    if (signal.aborted) return { ready: READY, ended: Promise.resolve('aborted'), cancel: () => {} }
    if (this.#closing) return { ready: READY, ended: Promise.resolve('woken'), cancel: () => {} }
    let waiter: Waiter | undefined
    const ended = new Promise<WaitEnd>((resolve) => {
      const waiters = this.#byUin.get(uin) ?? new Set<Waiter>()
      this.#byUin.set(uin, waiters)
      const held: Waiter = {
        finish: (end) => {
          clearTimeout(timer)
          signal.removeEventListener('abort', onAbort)
          waiters.delete(held)
          if (waiters.size === 0 && this.#byUin.get(uin) === waiters) this.#byUin.delete(uin)
          resolve(end)
        }
      }
      const onAbort = (): void => held.finish('aborted')
      const timer = setTimeout(() => held.finish('timeout'), ms)
      signal.addEventListener('abort', onAbort, { once: true })
      waiters.add(held)
      waiter = held
    })
    return { ready: READY, ended, cancel: () => waiter?.finish('aborted') }
  }

  /** Whether this process holds a poll for `uin`. */
  holds(uin: number): boolean {
    return this.#byUin.has(uin)
  }

  async wake(uin: number): Promise<void> {
    this.wakeHere(uin)
  }

  /** Wakes the polls this process holds for `uin`. */
  wakeHere(uin: number): void {
    const waiters = this.#byUin.get(uin)
    if (waiters) for (const waiter of [...waiters]) waiter.finish('woken')
  }

  wakeAll(): void {
    this.#closing = true
    for (const uin of [...this.#byUin.keys()]) this.wakeHere(uin)
  }
}
