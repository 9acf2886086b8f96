import { CodedError } from '../shared/errors.ts'
import type { Status } from '../shared/model.ts'
import type { PacingReport } from './pacing-report.ts'
import type { RatePacer } from './rate-pacer.ts'
import type { Session } from './session.ts'

/**
 * Status choices under D-19 (one change per 3 s): the latest choice wins. A choice made
 * while the last change is too recent waits for its turn, shown as waiting; choices made
 * meanwhile replace it, so a burst sends at most its last, and none when the user came back
 * to the status already set. Everyone who chose during the wait learns how it ended.
 */
export class StatusChanger {
  readonly #pacer: RatePacer
  readonly #report: PacingReport
  #wanted: Status | undefined
  #sending: Promise<void> | undefined
  /** Wakes a wait when the choice changes, so that it can be thought over. */
  #rethink = new AbortController()

  constructor(pacer: RatePacer, report: PacingReport) {
    this.#pacer = pacer
    this.#report = report
  }

  /** Resolves once the latest choice is set (or turned out to need nothing). */
  change(session: Session, status: Status): Promise<void> {
    if (this.#sending === undefined && status === session.state.status) return Promise.resolve()
    this.#wanted = status
    this.#rethink.abort()
    this.#sending ??= this.#send(session)
    return this.#sending
  }

  /** Going offline: a choice still waiting is dropped, and its callers are done. */
  withdraw(): void {
    this.#wanted = undefined
    this.#rethink.abort()
  }

  async #send(session: Session): Promise<void> {
    try {
      for (;;) {
        const wanted = this.#wanted
        if (wanted === undefined || wanted === session.state.status) return
        this.#rethink = new AbortController()
        const signal = AbortSignal.any([session.signal, this.#rethink.signal])
        const onWait = (until: number) => this.#report.status({ status: wanted, until })
        const turn = await this.#pacer.turn(signal, onWait)
        // Chosen again or withdrawn while waiting: think it over, it may need nothing now.
        if (!turn || this.#wanted !== wanted) {
          if (this.#wanted === undefined) return
          if (session.signal.aborted) throw new CodedError('OFFLINE', 'not logged in')
          continue
        }
        this.#wanted = undefined
        this.#report.status(null)
        await session.changeStatus(wanted)
      }
    } finally {
      // In the same turn as the last check, so no choice can slip in between.
      this.#sending = undefined
      this.#wanted = undefined
      this.#report.status(null)
    }
  }
}
