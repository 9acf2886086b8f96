/**
 * A sliding window: at most `limit` events per `windowMs`. Refused attempts do not count,
 * so a client that waits out its penalty gets its turn.
 */
export class RateWindow {
  readonly #limit: number
  readonly #windowMs: number
  readonly #times: number[] = []

  constructor(limit: number, windowMs: number) {
    this.#limit = limit
    this.#windowMs = windowMs
  }

  /** Records an event at `now` and returns true, or returns false when it would be too many. */
  take(now: number): boolean {
    while (this.#times.length > 0 && now - (this.#times[0] ?? 0) >= this.#windowMs) {
      this.#times.shift()
    }
    if (this.#times.length >= this.#limit) return false
    this.#times.push(now)
    return true
  }
}
