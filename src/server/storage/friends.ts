import type { DatabaseSync, StatementSync } from 'node:sqlite'

/** One-way friend lists (D-15): `owner` has added `friend`. Ordered by number (D-14). */
export class Friends {
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

  /** Up to `limit` friends of `owner` numbered above `after`. */
  page(owner: number, after: number, limit: number): number[] {
    const rows = this.#page.all(owner, after, limit) as { friend: number }[]
    return rows.map((row) => row.friend)
  }

  all(owner: number): number[] {
    return (this.#all.all(owner) as { friend: number }[]).map((row) => row.friend)
  }

  count(owner: number): number {
    return (this.#count.get(owner) as { count: number }).count
  }

  has(owner: number, friend: number): boolean {
    return this.#has.get(owner, friend) !== undefined
  }

  add(owner: number, friend: number): void {
    this.#add.run(owner, friend)
  }

  /** Returns whether `friend` was on the list. */
  remove(owner: number, friend: number): boolean {
    return this.#remove.run(owner, friend).changes > 0
  }

  /** Everyone who has `uin` on their list: the people its status changes are sent to. */
  listedBy(uin: number): number[] {
    return (this.#listedBy.all(uin) as { owner: number }[]).map((row) => row.owner)
  }
}
