import type pg from 'pg'
import { fromRow, SELECT_ACCOUNTS, type AccountRow } from '../account-row.ts'
import { cleanProfile } from '../profile.ts'
import type { Account, AccountStore, NewAccount } from '../types.ts'
import { transaction } from './connection.ts'

/** Accounts in PostgreSQL (see AccountStore). */
export class PostgresAccounts implements AccountStore {
  readonly #pool: pg.Pool

  constructor(pool: pg.Pool) {
    this.#pool = pool
  }

  async get(uin: number): Promise<Account | undefined> {
    const { rows } = await this.#pool.query<AccountRow>({
      name: 'account',
      text: `${SELECT_ACCOUNTS} WHERE uin = $1`,
      values: [uin]
    })
    return rows[0] && fromRow(rows[0])
  }

  async exists(uin: number): Promise<boolean> {
    const { rowCount } = await this.#pool.query({
      name: 'account-exists',
      text: 'SELECT 1 FROM accounts WHERE uin = $1',
      values: [uin]
    })
    return (rowCount ?? 0) > 0
  }

  async passwordHash(uin: number): Promise<string | undefined> {
    const { rows } = await this.#pool.query<{ hash: string }>({
      name: 'account-hash',
      text: 'SELECT password_hash AS hash FROM accounts WHERE uin = $1',
      values: [uin]
    })
    return rows[0]?.hash
  }

  async create(accounts: readonly NewAccount[]): Promise<void> {
    if (accounts.length === 0) return
    await transaction(this.#pool, async (client) => {
      for (const { uin, passwordHash, nick, face, policy, profile } of accounts) {
        await client.query(
          'INSERT INTO accounts (uin, password_hash, nick, face, policy, profile) VALUES ($1, $2, $3, $4, $5, $6)',
          [uin, passwordHash, nick, face, policy, JSON.stringify(cleanProfile(profile))]
        )
      }
      for (const account of accounts) {
        for (const friend of account.friends ?? []) {
          await client.query(
            'INSERT INTO friends (owner, friend) VALUES ($1, $2) ON CONFLICT DO NOTHING',
            [account.uin, friend]
          )
        }
      }
    })
  }

  async setPasswordHash(uin: number, passwordHash: string): Promise<boolean> {
    const { rowCount } = await this.#pool.query(
      'UPDATE accounts SET password_hash = $1 WHERE uin = $2',
      [passwordHash, uin]
    )
    return (rowCount ?? 0) > 0
  }

  async remove(uin: number): Promise<boolean> {
    const { rowCount } = await this.#pool.query('DELETE FROM accounts WHERE uin = $1', [uin])
    return (rowCount ?? 0) > 0
  }

  async all(): Promise<Account[]> {
    const { rows } = await this.#pool.query<AccountRow>(`${SELECT_ACCOUNTS} ORDER BY uin`)
    return rows.map(fromRow)
  }

  async count(): Promise<number> {
    const { rows } = await this.#pool.query<{ count: number }>(
      'SELECT count(*) AS count FROM accounts'
    )
    return rows[0]?.count ?? 0
  }
}
