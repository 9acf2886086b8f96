/**
 * Exponential backoff with jitter for reconnecting: the delay doubles from `baseMs` up to
 * `maxMs`, and each wait is drawn from its upper half, so a server coming back is not met by
 * every client at the same instant while no wait is ever shorter than half the base.
 */
export class Backoff {
  readonly #baseMs: number
  readonly #maxMs: number
  readonly #random: () => number
  #failures = 0

  constructor(baseMs: number, maxMs: number, random: () => number = Math.random) {
    this.#baseMs = baseMs
    this.#maxMs = maxMs
    this.#random = random
  }

  /** The wait before the next attempt; each call counts one more failure. */
  next(): number {
    const ceiling = Math.min(this.#maxMs, this.#baseMs * 2 ** Math.min(this.#failures, 30))
    this.#failures++
    return Math.round(ceiling / 2 + (this.#random() * ceiling) / 2)
  }

  reset(): void {
    this.#failures = 0
  }
}
