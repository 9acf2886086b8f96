import type pg from 'pg'
import type { DemoAccount, DemoAccountStore, DemoRole } from '../types.ts'
import { transaction } from './connection.ts'

/** The demo set's passwords in PostgreSQL (see DemoAccountStore). */
export class PostgresDemoAccounts implements DemoAccountStore {
  readonly #pool: pg.Pool

  constructor(pool: pg.Pool) {
    this.#pool = pool
  }

  async remember(
    accounts: readonly { uin: number; password: string; role: DemoRole }[]
  ): Promise<void> {
    await transaction(this.#pool, async (client) => {
      for (const { uin, password, role } of accounts) {
        await client.query('INSERT INTO demo_accounts (uin, password, role) VALUES ($1, $2, $3)', [
          uin,
          password,
          role
        ])
      }
    })
  }

  async list(): Promise<DemoAccount[]> {
    const { rows } = await this.#pool.query<DemoAccount>(
      `SELECT d.uin, a.nick, a.face, d.password, d.role FROM demo_accounts d
       JOIN accounts a ON a.uin = d.uin ORDER BY d.uin`
    )
    return rows
  }

  async forget(uin: number): Promise<void> {
    await this.#pool.query('DELETE FROM demo_accounts WHERE uin = $1', [uin])
  }
}
