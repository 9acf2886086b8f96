import type { Pacing, StatusWait } from '../shared/model.ts'
import type { Emit } from './events.ts'

export const NOT_WAITING: Pacing = { messagesUntil: null, status: null }

/**
 * What waits for its turn under the rate limits (or a penalty), for the windows to show:
 * `等待 N 秒` on the waiting messages and on the status chosen but not yet sent.
 */
export class PacingReport {
  readonly #emit: Emit
  #pacing: Pacing = NOT_WAITING

  constructor(emit: Emit) {
    this.#emit = emit
  }

  get current(): Pacing {
    return this.#pacing
  }

  /** Pending messages go no sooner than `until` (epoch ms); null: they go as they come. */
  messages(until: number | null): void {
    if (until !== this.#pacing.messagesUntil) this.#set({ ...this.#pacing, messagesUntil: until })
  }

  status(wait: StatusWait | null): void {
    const shown = this.#pacing.status
    if (shown?.status === wait?.status && shown?.until === wait?.until) return
    this.#set({ ...this.#pacing, status: wait })
  }

  #set(pacing: Pacing): void {
    this.#pacing = pacing
    this.#emit({ type: 'pacing', pacing })
  }
}
