import { sleep, type Clock, type Timers } from './clock.ts'

export interface RatePacerOptions {
  /** At most this many in any `windowMs`. */
  readonly limit: number
  /** 0 paces nothing: for a rule we do not know. */
  readonly windowMs: number
  readonly clock: Clock
  readonly timers: Timers
}

/**
 * Keeps one kind of request under a sliding-window limit of the server (D-19, D-22), so the
 * server never has a reason to answer `RES=3`. Each request is written down when its reply
 * came: the server counted it at some moment before that, so measuring the window from there
 * keeps the next one far enough from it whatever the network did on the way.
 */
export class RatePacer {
  readonly #options: RatePacerOptions
  readonly #times: number[] = []

  constructor(options: RatePacerOptions) {
    this.#options = options
  }

  /** Milliseconds until one more may go; 0 when it may go now. */
  delay(): number {
    const { limit, windowMs, clock } = this.#options
    const now = clock.now()
    while (this.#times.length > 0 && now - (this.#times[0] ?? 0) >= windowMs) this.#times.shift()
    if (this.#times.length < limit) return 0
    return (this.#times[this.#times.length - limit] ?? now) + windowMs - now
  }

  /**
   * Resolves true once one more may go (at once when it may), false when `signal` aborts
   * first. `onWait` is told when the turn comes, each time there is a wait.
   */
  async turn(signal: AbortSignal, onWait?: (until: number) => void): Promise<boolean> {
    // A loop, since a timer may fire a millisecond before the clock says the time has come.
    for (let wait = this.delay(); wait > 0; wait = this.delay()) {
      onWait?.(this.#options.clock.now() + wait)
      if (!(await sleep(this.#options.timers, wait, signal))) return false
    }
    return !signal.aborted
  }

  /** One request of this kind has just been answered (or given up on). */
  record(): void {
    if (this.#options.windowMs > 0) this.#times.push(this.#options.clock.now())
  }
}

/** The rules the client keeps for one account (section 6.8 and 6.10). */
export interface Pacers {
  /** D-22: five `CLTMSG` per 5 s; each part of a split message is one. */
  readonly messages: RatePacer
  /** D-19: one `Change_Stat` per 3 s; the login itself is not a change. */
  readonly status: RatePacer
}

export function createPacers(
  windows: { readonly messageWindowMs: number; readonly statusWindowMs: number },
  clock: Clock,
  timers: Timers
): Pacers {
  return {
    messages: new RatePacer({ limit: 5, windowMs: windows.messageWindowMs, clock, timers }),
    status: new RatePacer({ limit: 1, windowMs: windows.statusWindowMs, clock, timers })
  }
}
