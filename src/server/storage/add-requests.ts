import type { DatabaseSync, StatementSync } from 'node:sqlite'

/**
 * Open verification requests: `requester` asked `target` to let them add `target`
 * (`Ack_AddToList CD=2`). Only an open request can be accepted or refused, so nobody can
 * put themselves on a list by "accepting" a request that was never made.
 */
export class AddRequests {
  readonly #open: StatementSync
  readonly #close: StatementSync

  constructor(db: DatabaseSync) {
    this.#open = db.prepare('INSERT OR IGNORE INTO add_requests (requester, target) VALUES (?, ?)')
    this.#close = db.prepare('DELETE FROM add_requests WHERE requester = ? AND target = ?')
  }

  /** Opens the request; returns false when it was already open. */
  open(requester: number, target: number): boolean {
    return this.#open.run(requester, target).changes > 0
  }

  /** Closes the request; returns whether it was open. */
  close(requester: number, target: number): boolean {
    return this.#close.run(requester, target).changes > 0
  }
}
