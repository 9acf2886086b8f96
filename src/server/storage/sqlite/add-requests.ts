import type { DatabaseSync, StatementSync } from 'node:sqlite'
import type { AddRequestStore } from '../types.ts'

/** Open verification requests in SQLite (see AddRequestStore). */
export class SqliteAddRequests implements AddRequestStore {
  readonly #open: StatementSync
  readonly #close: StatementSync

  constructor(db: DatabaseSync) {
    this.#open = db.prepare('INSERT OR IGNORE INTO add_requests (requester, target) VALUES (?, ?)')
    this.#close = db.prepare('DELETE FROM add_requests WHERE requester = ? AND target = ?')
  }

  async open(requester: number, target: number): Promise<boolean> {
    return this.#open.run(requester, target).changes > 0
  }

  async close(requester: number, target: number): Promise<boolean> {
    return this.#close.run(requester, target).changes > 0
  }
}
