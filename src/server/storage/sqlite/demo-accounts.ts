import type { DatabaseSync, StatementSync } from 'node:sqlite'
import { transaction } from '../../../sqlite/transaction.ts'
import type { DemoAccount, DemoAccountStore, DemoRole } from '../types.ts'

/** The demo set's passwords in SQLite (see DemoAccountStore). */
export class SqliteDemoAccounts implements DemoAccountStore {
  readonly #db: DatabaseSync
  readonly #insert: StatementSync
  readonly #list: StatementSync
  readonly #forget: StatementSync

  constructor(db: DatabaseSync) {
    this.#db = db
    this.#insert = db.prepare('INSERT INTO demo_accounts (uin, password, role) VALUES (?, ?, ?)')
    this.#list = db.prepare(
      `SELECT d.uin, a.nick, a.face, d.password, d.role FROM demo_accounts d
       JOIN accounts a ON a.uin = d.uin ORDER BY d.uin`
    )
    this.#forget = db.prepare('DELETE FROM demo_accounts WHERE uin = ?')
  }

  async remember(
    accounts: readonly { uin: number; password: string; role: DemoRole }[]
  ): Promise<void> {
    transaction(this.#db, () => {
      for (const { uin, password, role } of accounts) this.#insert.run(uin, password, role)
    })
  }

  async list(): Promise<DemoAccount[]> {
    return this.#list.all() as unknown as DemoAccount[]
  }

  async forget(uin: number): Promise<void> {
    this.#forget.run(uin)
  }
}
