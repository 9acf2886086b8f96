import type pg from 'pg'
import type { FriendStore } from '../types.ts'

/** One-way friend lists in PostgreSQL (see FriendStore). */
export class PostgresFriends implements FriendStore {
  readonly #pool: pg.Pool

  constructor(pool: pg.Pool) {
    this.#pool = pool
  }

  async #numbers(name: string, text: string, values: unknown[]): Promise<number[]> {
    const { rows } = await this.#pool.query<{ uin: number }>({ name, text, values })
    return rows.map((row) => row.uin)
  }

  /** Whether the statement found or changed a row. */
  async #anyRow(name: string, text: string, values: unknown[]): Promise<boolean> {
    const { rowCount } = await this.#pool.query({ name, text, values })
    return (rowCount ?? 0) > 0
  }

  page(owner: number, after: number, limit: number): Promise<number[]> {
    return this.#numbers(
      'friends-page',
      'SELECT friend AS uin FROM friends WHERE owner = $1 AND friend > $2 ORDER BY friend LIMIT $3',
      [owner, after, limit]
    )
  }

  all(owner: number): Promise<number[]> {
    return this.#numbers(
      'friends-all',
      'SELECT friend AS uin FROM friends WHERE owner = $1 ORDER BY friend',
      [owner]
    )
  }

  async count(owner: number): Promise<number> {
    const { rows } = await this.#pool.query<{ count: number }>({
      name: 'friends-count',
      text: 'SELECT count(*) AS count FROM friends WHERE owner = $1',
      values: [owner]
    })
    return rows[0]?.count ?? 0
  }

  has(owner: number, friend: number): Promise<boolean> {
    return this.#anyRow('friends-has', 'SELECT 1 FROM friends WHERE owner = $1 AND friend = $2', [
      owner,
      friend
    ])
  }

  async add(owner: number, friend: number): Promise<void> {
    await this.#pool.query({
      name: 'friends-add',
      text: 'INSERT INTO friends (owner, friend) VALUES ($1, $2) ON CONFLICT DO NOTHING',
      values: [owner, friend]
    })
  }

  remove(owner: number, friend: number): Promise<boolean> {
    return this.#anyRow('friends-remove', 'DELETE FROM friends WHERE owner = $1 AND friend = $2', [
      owner,
      friend
    ])
  }

  listedBy(uin: number): Promise<number[]> {
    return this.#numbers(
      'friends-listed-by',
      'SELECT owner AS uin FROM friends WHERE friend = $1',
      [uin]
    )
  }
}
