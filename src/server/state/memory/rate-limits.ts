import { RATE_LIMITS, type RateKind, type RateLimits } from '../types.ts'
import { RateWindow } from '../rate-window.ts'

/** Each session's rate windows, in this process's memory. */
export class MemoryRateLimits implements RateLimits {
  readonly #scale: number
  readonly #windows = new Map<string, RateWindow>()

  constructor(scale: number) {
    this.#scale = scale
  }

  async take(sessionId: string, kind: RateKind, now: number): Promise<boolean> {
    const name = `${sessionId} ${kind}`
    let window = this.#windows.get(name)
    if (!window) {
      const { limit, windowMs } = RATE_LIMITS[kind]
      window = new RateWindow(limit, windowMs * this.#scale)
      this.#windows.set(name, window)
    }
    return window.take(now)
  }

  async forget(sessionId: string): Promise<void> {
    for (const kind of Object.keys(RATE_LIMITS)) this.#windows.delete(`${sessionId} ${kind}`)
  }
}
