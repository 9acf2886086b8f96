import type { DatabaseSync, StatementSync } from 'node:sqlite'
import type { FriendStore } from '../types.ts'

/** One-way friend lists in SQLite (see FriendStore). */
export class SqliteFriends implements FriendStore {
  readonly #page: StatementSync
  readonly #all: StatementSync
  readonly #count: StatementSync
  readonly #has: StatementSync
  readonly #add: StatementSync
  readonly #remove: StatementSync
  readonly #listedBy: StatementSync

  constructor(db: DatabaseSync) {
    this.#page = db.prepare(
      'SELECT friend FROM friends WHERE owner = ? AND friend > ? ORDER BY friend LIMIT ?'
    )
    this.#all = db.prepare('SELECT friend FROM friends WHERE owner = ? ORDER BY friend')
    this.#count = db.prepare('SELECT count(*) AS count FROM friends WHERE owner = ?')
    this.#has = db.prepare('SELECT 1 AS found FROM friends WHERE owner = ? AND friend = ?')
    this.#add = db.prepare('INSERT OR IGNORE INTO friends (owner, friend) VALUES (?, ?)')
    this.#remove = db.prepare('DELETE FROM friends WHERE owner = ? AND friend = ?')
    this.#listedBy = db.prepare('SELECT owner FROM friends WHERE friend = ?')
  }

  async page(owner: number, after: number, limit: number): Promise<number[]> {
    const rows = this.#page.all(owner, after, limit) as { friend: number }[]
    return rows.map((row) => row.friend)
  }

  async all(owner: number): Promise<number[]> {
    return (this.#all.all(owner) as { friend: number }[]).map((row) => row.friend)
  }

  async count(owner: number): Promise<number> {
    return (this.#count.get(owner) as { count: number }).count
  }

  async has(owner: number, friend: number): Promise<boolean> {
    return this.#has.get(owner, friend) !== undefined
  }

  async add(owner: number, friend: number): Promise<void> {
    this.#add.run(owner, friend)
  }

  async remove(owner: number, friend: number): Promise<boolean> {
    return this.#remove.run(owner, friend).changes > 0
  }

  async listedBy(uin: number): Promise<number[]> {
    return (this.#listedBy.all(uin) as { owner: number }[]).map((row) => row.owner)
  }
}
