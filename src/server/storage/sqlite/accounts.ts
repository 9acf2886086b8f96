import type { DatabaseSync, StatementSync } from 'node:sqlite'
import { transaction } from '../../../sqlite/transaction.ts'
import { fromRow, SELECT_ACCOUNTS, type AccountRow } from '../account-row.ts'
import { cleanProfile } from '../profile.ts'
import type { Account, AccountStore, NewAccount } from '../types.ts'

/** Accounts as kept in SQLite: every GetInfo field, the add policy and the password hash. */
export class SqliteAccounts implements AccountStore {
  readonly #db: DatabaseSync
  readonly #get: StatementSync
  readonly #hash: StatementSync
  readonly #exists: StatementSync
  readonly #insert: StatementSync
  readonly #addFriend: StatementSync
  readonly #setHash: StatementSync
  readonly #remove: StatementSync
  readonly #all: StatementSync
  readonly #count: StatementSync

  constructor(db: DatabaseSync) {
    this.#db = db
    this.#get = db.prepare(`${SELECT_ACCOUNTS} WHERE uin = ?`)
    this.#hash = db.prepare('SELECT password_hash AS hash FROM accounts WHERE uin = ?')
    this.#exists = db.prepare('SELECT 1 AS found FROM accounts WHERE uin = ?')
    this.#insert = db.prepare(
      'INSERT INTO accounts (uin, password_hash, nick, face, policy, profile) VALUES (?, ?, ?, ?, ?, ?)'
    )
    this.#addFriend = db.prepare('INSERT OR IGNORE INTO friends (owner, friend) VALUES (?, ?)')
    this.#setHash = db.prepare('UPDATE accounts SET password_hash = ? WHERE uin = ?')
    this.#remove = db.prepare('DELETE FROM accounts WHERE uin = ?')
    this.#all = db.prepare(`${SELECT_ACCOUNTS} ORDER BY uin`)
    this.#count = db.prepare('SELECT count(*) AS count FROM accounts')
  }

  async get(uin: number): Promise<Account | undefined> {
    const row = this.#get.get(uin) as AccountRow | undefined
    return row && fromRow(row)
  }

  async exists(uin: number): Promise<boolean> {
    return this.#exists.get(uin) !== undefined
  }

  async passwordHash(uin: number): Promise<string | undefined> {
    return (this.#hash.get(uin) as { hash: string } | undefined)?.hash
  }

  async create(accounts: readonly NewAccount[]): Promise<void> {
    transaction(this.#db, () => {
      for (const { uin, passwordHash, nick, face, policy, profile } of accounts) {
        this.#insert.run(
          uin,
          passwordHash,
          nick,
          face,
          policy,
          JSON.stringify(cleanProfile(profile))
        )
      }
      for (const account of accounts) {
        for (const friend of account.friends ?? []) this.#addFriend.run(account.uin, friend)
      }
    })
  }

  async setPasswordHash(uin: number, passwordHash: string): Promise<boolean> {
    return this.#setHash.run(passwordHash, uin).changes > 0
  }

  async remove(uin: number): Promise<boolean> {
    return this.#remove.run(uin).changes > 0
  }

  async all(): Promise<Account[]> {
    return (this.#all.all() as unknown as AccountRow[]).map(fromRow)
  }

  async count(): Promise<number> {
    return (this.#count.get() as { count: number }).count
  }
}
