import { LOGIN_GUARD, type LoginGuard } from '../types.ts'

/** Guessers who rotate numbers or addresses cannot grow the table without bound. */
const MAX_TRACKED = 10_000

/**
 * Password guessing, in this process's memory: after five wrong passwords for one number
 * from one address within a minute, further logins from there are refused as a penalty
 * (RES=3 after 20 s) without checking the password, so guesses stay slow and cost the
 * server no scrypt.
 */
export class MemoryLoginGuard implements LoginGuard {
  readonly #windowMs: number
  readonly #failures = new Map<string, number[]>()

  constructor(scale: number) {
    this.#windowMs = LOGIN_GUARD.windowMs * scale
  }

  #recent(key: string, now: number): number[] {
    const times = (this.#failures.get(key) ?? []).filter((time) => now - time < this.#windowMs)
    if (times.length === 0) this.#failures.delete(key)
    return times
  }

  async blocked(address: string, uin: number, now: number): Promise<boolean> {
    return this.#recent(`${address} ${uin}`, now).length >= LOGIN_GUARD.failures
  }

  async failed(address: string, uin: number, now: number): Promise<void> {
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

  async succeeded(address: string, uin: number): Promise<void> {
    this.#failures.delete(`${address} ${uin}`)
  }
}
