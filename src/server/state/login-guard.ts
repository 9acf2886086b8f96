/** Wrong passwords allowed per number and address within the window, before a penalty. */
const FAILURES = 5
const WINDOW_MS = 60_000
/** Guessers who rotate numbers or addresses cannot grow the table without bound. */
const MAX_TRACKED = 10_000

/**
 * Password guessing: after five wrong passwords for one number from one address within a
 * minute, further logins from there are refused as a penalty (RES=3 after 20 s) without
 * checking the password, so guesses stay slow and cost the server no scrypt.
 */
export class LoginGuard {
  readonly #windowMs: number
  readonly #failures = new Map<string, number[]>()

  constructor(scale: number) {
    this.#windowMs = WINDOW_MS * scale
  }

  #recent(key: string, now: number): number[] {
    const times = (this.#failures.get(key) ?? []).filter((time) => now - time < this.#windowMs)
    if (times.length === 0) this.#failures.delete(key)
    return times
  }

  blocked(address: string, uin: number, now: number): boolean {
    return this.#recent(`${address} ${uin}`, now).length >= FAILURES
  }

  failed(address: string, uin: number, now: number): void {
    const key = `${address} ${uin}`
    const times = this.#recent(key, now)
    times.push(now)
    this.#failures.delete(key)
    this.#failures.set(key, times)
    if (this.#failures.size > MAX_TRACKED) {
      const oldest = this.#failures.keys().next().value
      if (oldest !== undefined) this.#failures.delete(oldest)
    }
  }

  succeeded(address: string, uin: number): void {
    this.#failures.delete(`${address} ${uin}`)
  }
}
