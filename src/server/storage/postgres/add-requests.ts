import type pg from 'pg'
import type { AddRequestStore } from '../types.ts'

/** Open verification requests in PostgreSQL (see AddRequestStore). */
export class PostgresAddRequests implements AddRequestStore {
  readonly #pool: pg.Pool

  constructor(pool: pg.Pool) {
    this.#pool = pool
  }

  async open(requester: number, target: number): Promise<boolean> {
    const { rowCount } = await this.#pool.query(
      'INSERT INTO add_requests (requester, target) VALUES ($1, $2) ON CONFLICT DO NOTHING',
      [requester, target]
    )
    return (rowCount ?? 0) > 0
  }

  async close(requester: number, target: number): Promise<boolean> {
    const { rowCount } = await this.#pool.query(
      'DELETE FROM add_requests WHERE requester = $1 AND target = $2',
      [requester, target]
    )
    return (rowCount ?? 0) > 0
  }
}
