/** Section 4: a refusal as a penalty is answered only after this long. */
export const PENALTY_SECONDS = 20
/** Section 6.7: DelFromList's penalty is longer. */
export const LONG_PENALTY_SECONDS = 30

/**
 * Held replies of `RES=3`. Every hold is tracked, so closing the server answers them at
 * once instead of leaving timers behind.
 */
export class Penalties {
  readonly #scale: number
  readonly #held = new Set<() => void>()
  /** Set by releaseAll: the server is closing, and a refusal still on its way is not held. */
  #closing = false

  constructor(scale: number) {
    this.#scale = scale
  }

  /** Resolves after `seconds` (times the penalty scale), or when the server closes. */
  hold(seconds: number = PENALTY_SECONDS): Promise<void> {
    if (this.#closing) return Promise.resolve()
    return new Promise((resolve) => {
      const release = (): void => {
        clearTimeout(timer)
        this.#held.delete(release)
        resolve()
      }
      const timer = setTimeout(release, seconds * 1000 * this.#scale)
      this.#held.add(release)
    })
  }

  releaseAll(): void {
    this.#closing = true
    for (const release of [...this.#held]) release()
  }
}
